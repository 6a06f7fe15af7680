// A tiny static server for the built app: the e2e suite can swap the served build (update prompt),
// stop it (offline) and start it again on the same port (same origin, same IndexedDB and service worker).
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  port: number;
  setRoot(dir: string): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startStaticServer(initialRoot: string, port = 0): Promise<StaticServer> {
  let root = initialRoot;
  let server: Server | null = null;
  let boundPort = port;

  const handler = async (path: string): Promise<{ status: number; type: string; body: Buffer }> => {
    const clean = normalize(decodeURIComponent(path.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, clean);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Unknown paths are app routes: the SPA's index.html answers them.
      if (extname(clean)) return { status: 404, type: 'text/plain', body: Buffer.from('not found') };
      file = join(root, 'index.html');
    }
    return {
      status: 200,
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    };
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => {
        handler(req.url ?? '/').then(
          ({ status, type, body }) => {
            res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
            res.end(body);
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
      });
      server.once('error', reject);
      server.listen(boundPort, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') boundPort = address.port;
        resolve();
      });
    });

  await listen();
  const api: StaticServer = {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    setRoot(dir) {
      root = dir;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.closeAllConnections();
        s.close(() => resolve());
      }),
    start: () => (server ? Promise.resolve() : listen()),
  };
  return api;
}
