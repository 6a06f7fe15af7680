// Bench entry bundled with the production build settings; each suite's browser half hangs off window.sufBench.
import { analyticsBench } from './analyticsBench';
import { kbSearchBench } from './kbSearchBench';

const api = { kb: kbSearchBench, analytics: analyticsBench };
export type SufBench = typeof api;

declare global {
  interface Window {
    sufBench: SufBench;
  }
}

window.sufBench = api;
