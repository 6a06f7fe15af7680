// One named export per area. The catalogue is imported as a namespace (`t.editor.…`), so the bundler keeps
// only the areas a chunk reads: the supervisor's and editor's texts ship with those lazy workspaces, the
// call screen's panels' texts (callPanels) with their lazy chunk.
// `flows`, `kb`, `calls` and `callbacks` are namespaces too, so the checkers' and the simulator's messages
// (flowIssues.ts, kbIssues.ts, callsSimulate.ts) and the callbacks queue's texts go only where they are shown.
// server.ts holds the server's strings: the server imports it directly, the app never reads it.
// callsExport.ts (the export's words, read by the server too) is imported directly by the supervisor: through
// this index it would tie the supervisor's texts to the operator's first chunk.
export { shell } from './shell';
export { update } from './update';
export { setup } from './setup';
export * as kb from './kb';
export * as flows from './flows';
export * as calls from './calls';
export { operator } from './operator';
export { care } from './care';
export { callPanels } from './callPanels';
export * as callbacks from './callbacks';
export { editor } from './editor';
export { supervisor } from './supervisor';
export { files } from './files';
export { account } from './account';
export { sync } from './sync';
export { handovers } from './handovers';
export { lease } from './lease';
export { centreFlows } from './centreFlows';
export { centreSupervision } from './centreSupervision';
