import { lookupIn, type FlowLookup } from '../db';
import { bundledFlows } from '../services/flowCatalog';

/**
 * The flows this build carries: the flow catalogue's last resort (src/db/flowCatalogue.ts), which asks
 * storage first for the version a call ran.
 */
export const bundledFlowOf: FlowLookup = (flowId, version) => lookupIn(bundledFlows().flows)(flowId, version);
