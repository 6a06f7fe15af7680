// Graceful shutdown (issue 16): closing the server (main.ts does it on SIGTERM) lets a request already in
// flight finish against an open database, refuses new work with the catalogue's 503, and only then closes
// the database.
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { server as messages } from '../../src/i18n/ru/server';
import { SAMPLE_PASSWORD, sampleLogin } from '../../src/server/seed';
import { MURMANSK, startTestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe.each(DATABASE_KINDS)('stopping the server on %s', (kind) => {
  it('finishes a request in flight, answers new ones 503, then closes the database', async () => {
    const s = await startTestServer(kind);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const order: string[] = [];

    // A sign-in whose body is still arriving when the stop comes: it is in flight.
    const body = JSON.stringify({ login: sampleLogin(MURMANSK, 'operator'), password: SAMPLE_PASSWORD });
    const half = Math.floor(body.length / 2);
    const inFlight = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/session',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          order.push('in-flight answered');
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, half));
    // The server has routed it (its headers are in) while its body is still to come.
    await until(() => s.logs.some((l) => l.includes('"incoming request"') && l.includes('POST')));

    // Another request has begun arriving (its first header line) on a connection of its own.
    const late = connect(port, '127.0.0.1');
    await new Promise((r) => late.once('connect', r));
    late.write('GET /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Loopback: the bytes are readable at once; one turn of the event loop lets the server read them.
    await new Promise((r) => setTimeout(r, 20));

    const closed = s.app.close().then(() => order.push('closed'));
    // Stopping has begun: the listening socket is closed, so no new connection is taken.
    await until(() => !s.app.server.listening);

    // The late request completes while the server stops: it is refused in the API's own shape.
    let lateText = '';
    late.on('data', (chunk: Buffer) => (lateText += chunk.toString()));
    const lateEnded = new Promise((r) => late.once('close', r));
    late.write('\r\n');
    await lateEnded;
    expect(lateText).toMatch(/^HTTP\/1\.1 503/);
    expect(JSON.parse(lateText.slice(lateText.indexOf('\r\n\r\n') + 4))).toEqual({
      code: 'server_closing',
      message: messages.api.server_closing,
    });
    expect(order).toEqual([]);

    inFlight.end(body.slice(half));
    const res = await answered;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ person: { login: sampleLogin(MURMANSK, 'operator') } });
    await closed;
    expect(order).toEqual(['in-flight answered', 'closed']);
    // The database was closed after the request: nothing more reaches it.
    await expect(sql`select 1`.execute(s.db)).rejects.toThrow();
    await s.close().catch(() => undefined);
  });
});
