// The sample flow files as import.meta.glob would hand them over: raw JSON keyed by path.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../../scripts-flows');

export function catalogModules(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`../../scripts-flows/${f}`, JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown]),
  );
}
