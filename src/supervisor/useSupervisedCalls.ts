// The calls of a period with their figures, kept fresh as calls are stored (any tab) or imported.
import { useEffect, useState } from 'react';
import type { ListedCall } from '../analytics';
import { bundledFlows } from '../app/flowCatalog';
import { watchQuery, type AppDB, type CallRow } from '../db';
import { loadSupervisedCalls } from '../db/supervisorRepository';
import type { FlowDefinition } from '../flows/types';

export interface SupervisorCall extends ListedCall {
  row: CallRow;
}

export function flowOf(flowId: string, version: number): FlowDefinition | null {
  return bundledFlows().flows.find((f) => f.id === flowId && f.version === version) ?? null;
}

export type CallsState =
  | { status: 'loading' }
  | { status: 'ready'; calls: SupervisorCall[]; loadedAt: number }
  | { status: 'failed' };

export function useSupervisedCalls(db: AppDB | null, from: number, to: number): CallsState {
  const [state, setState] = useState<CallsState>({ status: 'loading' });
  useEffect(() => {
    if (!db) return;
    setState({ status: 'loading' });
    return watchQuery(
      () => loadSupervisedCalls(db, { from, to }, flowOf),
      (list) =>
        setState({
          status: 'ready',
          // Compliance and overdue callbacks are judged at the moment the calls were read.
          loadedAt: Date.now(),
          calls: list.map(({ row, facts }) => ({
            row,
            facts,
            callerName: row.callerName,
            callerPhone: row.callerPhone,
          })),
        }),
      () => setState({ status: 'failed' }),
    );
  }, [db, from, to]);
  return state;
}
