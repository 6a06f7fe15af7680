// Bench entry bundled with the production build settings; each suite's browser half hangs off window.sufBench.
import { analyticsBench } from './analyticsBench';
import { kbSearchBench } from './kbSearchBench';
import { kbSwitchBench } from './kbSwitchBench';
import { storageBench } from './storageBench';
import { syncBench } from './syncBench';

const api = {
  kb: kbSearchBench,
  kbSwitch: kbSwitchBench,
  analytics: analyticsBench,
  storage: storageBench,
  sync: syncBench,
};
export type SufBench = typeof api;

declare global {
  interface Window {
    sufBench: SufBench;
  }
}

window.sufBench = api;
