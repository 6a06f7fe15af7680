// Small helpers shared by the flow command-line tools (flows:check, flows:schema, flows:simulate).
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const FLOWS_DIR = 'scripts-flows';

/** True when the module at `moduleUrl` is the script node was started with (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(resolve(entry)).href;
}

/** Every flow file in the folder, as "scripts-flows/x.json", sorted; the JSON Schema is not a flow. */
export function listFlowFiles(dir = FLOWS_DIR, root = '.'): string[] {
  const abs = resolve(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => `${dir.replaceAll('\\', '/').replace(/\/$/, '')}/${basename(name)}`);
}
