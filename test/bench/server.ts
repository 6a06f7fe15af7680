// Builds the bench entry with Vite (production settings, no PWA) and serves it on 127.0.0.1 with
// cross-origin isolation, so performance.now() has microsecond resolution in Chromium.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { bundledFlowsPlugin } from '../../src/cli/viteFlowsPlugin';

const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = join(ROOT, 'node_modules/.cache/sufler-bench');

export async function buildBenchBundle(): Promise<void> {
  await build({
    root: join(ROOT, 'test/bench/browser'),
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
    },
    // Bench code that reaches the flow catalogue (the supervisor's worker) needs the compiled flows.
    plugins: [bundledFlowsPlugin({ root: ROOT })],
    worker: { format: 'es', plugins: () => [bundledFlowsPlugin({ root: ROOT })] },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo; // listen() on a TCP port always yields AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
