// Server-sent events: a flow published by an editor reaches every open stream of that organisation at
// once, never another organisation's; a stream ends when its session does and when the server stops;
// on PostgreSQL, an event made on one server instance reaches the streams of another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { loadFlow } from '../calls/helpers';
import { MURMANSK, SVERDLOVSK, startTestServer, type TestServer } from './serverHarness';
import { listening, openStream } from './streamKit';
import { DATABASE_KINDS } from './testDatabase';

const CONSULTATION = loadFlow('inbound-consultation.json');

describe.each(DATABASE_KINDS)('events on %s', (kind) => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    base = await listening(server.app);
  });
  afterAll(() => server.close());

  const publish = async (org: string, flowId: string) => {
    const res = await server.call('POST', `/api/v1/flows/${flowId}/versions`, {
      as: await server.signInAs(org, 'editor'),
      body: { definition: { ...CONSULTATION, id: flowId }, baseVersion: null },
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  it("tells every operator of the organisation that a flow was published, and no one else's", async () => {
    const operator = await openStream(base, await server.signInAs(MURMANSK, 'operator'));
    const supervisor = await openStream(base, await server.signInAs(MURMANSK, 'supervisor'));
    const foreign = await openStream(base, await server.signInAs(SVERDLOVSK, 'operator'));
    await publish(MURMANSK, 'events-murmansk');
    for (const stream of [operator, supervisor])
      expect(await stream.next()).toEqual({
        event: 'flows',
        data: {
          kind: 'flows',
          flowId: 'events-murmansk',
          version: 1,
          effectiveAt: expect.any(String) as string,
        },
      });
    // Sverdlovsk's stream had nothing of Murmansk's: its first event is its own.
    await publish(SVERDLOVSK, 'events-sverdlovsk');
    expect(await foreign.next()).toMatchObject({ event: 'flows', data: { flowId: 'events-sverdlovsk' } });
    for (const s of [operator, supervisor, foreign]) s.close();
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'not_signed_in' });
  });

  if (kind === 'postgres')
    it('carries an event made on one server instance to the streams of another', async () => {
      const other = await buildServer(server.config);
      try {
        const otherBase = await listening(other);
        const stream = await openStream(otherBase, await server.signInAs(MURMANSK, 'operator'));
        await publish(MURMANSK, 'events-across');
        expect(await stream.next()).toMatchObject({ event: 'flows', data: { flowId: 'events-across' } });
        stream.close();
      } finally {
        await other.close();
      }
    });
});

describe('a stream’s end', () => {
  it('ends when the session is signed out, saying so, and when the server stops', async () => {
    const server = await startTestServer('embedded', { eventPingMs: 50 });
    try {
      const base = await listening(server.app);
      const as = await server.signInAs(MURMANSK, 'operator');
      const stream = await openStream(base, as);
      const other = await openStream(base, await server.signInAs(MURMANSK, 'editor'));
      expect((await server.call('DELETE', '/api/v1/session', { as })).statusCode).toBe(204);
      // The next ping finds the session gone: the stream says so and ends; the editor's goes on.
      expect(await stream.next()).toEqual({ event: 'signedOut', data: {} });
      expect(await stream.next()).toBeNull();
      // The server stopping ends every stream still open: close() returns rather than waiting on them.
      await server.app.close();
      expect(await other.next()).toBeNull();
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});
