// Small helpers shared by the flow command-line tools (flows:check, flows:schema, flows:simulate).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFileNames } from './sourceFiles.ts';

export const FLOWS_DIR = 'scripts-flows';

/** True when the module at `moduleUrl` is the script node was started with (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(resolve(entry)).href;
}

/**
 * Every flow file in the folder, as "scripts-flows/x.json", sorted; the JSON Schema is not a flow, and a
 * folder named like a flow is skipped.
 */
export function listFlowFiles(dir = FLOWS_DIR, root = '.'): string[] {
  const names = listFileNames(resolve(root, dir), (n) => n.endsWith('.json') && !n.endsWith('.schema.json'));
  return (names ?? []).map((name) => `${dir.replaceAll('\\', '/').replace(/\/$/, '')}/${name}`);
}
