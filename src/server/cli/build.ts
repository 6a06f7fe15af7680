// `npm run build:server`: bundles the server into dist-server/main.mjs (its npm packages stay in
// node_modules) and copies the SQL migrations beside it. The server then runs on plain Node: no
// TypeScript transpiler in the process, which was a third of its memory at rest.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'dist-server');

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { main: join(ROOT, 'src/server/main.ts') },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// migrate.ts reads its migrations from the folder beside the module that runs it.
cpSync(join(ROOT, 'src/server/storage/migrations'), join(OUT, 'migrations'), { recursive: true });
