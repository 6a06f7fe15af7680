import { bundledFlows } from '../services/flowCatalog';
import type { FlowDefinition } from '../flows/types';

/** The flow version a call ran, when this build still carries it. */
export function flowOf(flowId: string, version: number): FlowDefinition | null {
  return bundledFlows().flows.find((f) => f.id === flowId && f.version === version) ?? null;
}
