// An open server-sent events stream for the server tests: the next event by name and data, pings skipped.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Session } from './serverHarness';

export interface Stream {
  /** The next event of the stream (name and data), pings skipped. */
  next(): Promise<{ event: string; data: unknown } | null>;
  close(): void;
}

export async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export async function openStream(base: string, as: Session): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { cookie: `sufler_session=${as.cookie}` },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) return { event, data: JSON.parse(data) as unknown };
          continue; // the retry line, a ping
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}
