// The flows shipped with the app as a module, for code that needs them at once and is loaded lazily anyway
// (the supervisor and its worker, the editor). The operator's first load fetches the same flows as JSON
// instead (flowCatalog.ts): vite.config.ts keeps this module out of the first-load chunk (LAZY_ONLY).
import compiledFlows from 'virtual:sufler-bundled-flows';
import type { FlowCatalog } from './flowCatalog';

/**
 * The flows bundled at build time. A production build with a broken file fails, so `invalid` is only
 * ever filled in dev and tests (where the plugin reports instead of stopping).
 */
export function bundledFlows(): FlowCatalog {
  return compiledFlows;
}
