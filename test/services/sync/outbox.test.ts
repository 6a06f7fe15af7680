// The outbox and its sync client (issue 17): every event stored while connected to a server is queued
// with it, goes up in order, is forgotten only once the server acknowledged it, and reaches the server
// exactly once — whatever interleaving of writes, lost answers, outages, expired sessions and reloads.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallWrapUp } from '../../../src/analytics/fromLog';
import type { CallRecordEvent } from '../../../src/calls';
import {
  AppDB,
  appendCallEvent,
  beginCall,
  claimCallOwnership,
  newCallRow,
  readLog,
  setUploadOwner,
} from '../../../src/db';
import { finishCall } from '../../../src/db/records';
import {
  acknowledgeUpload,
  earlierCalls,
  importsOwner,
  nextUpload,
  outboxState,
  queueImportedCalls,
} from '../../../src/db/sync';
import type { CallAck, CallEventAcks, OutboxReport } from '../../../src/protocol';
import {
  startSync,
  STUCK_MS,
  UploadError,
  type SyncHandle,
  type SyncStatus,
  type UploadBatch,
} from '../../../src/services/sync/syncClient';
import { flowFrom, harness, TINY_FLOW, toAnswer } from '../../calls/helpers';

const FLOW = flowFrom(TINY_FLOW);
const OWNER = { personId: '00000000-0000-4000-8000-000000000001', organisationId: 'murmansk-sport' };

/** Engine-made events to copy: a start (with its organisation) and a step. */
const template = (() => {
  const h = harness();
  toAnswer(h);
  const [start, step] = h.session.log();
  if (!start || !step) throw new Error('the engine wrote no log');
  return { start, step };
})();

function eventOf(callId: string, seq: number): CallRecordEvent {
  const base = seq === 0 ? template.start : template.step;
  return { ...base, callId, seq, at: base.at + seq * 1000 };
}

function rowOf(callId: string) {
  return newCallRow({
    id: callId,
    flowId: FLOW.id,
    flowVersion: FLOW.version,
    direction: 'inbound',
    startedAt: template.start.at,
    operatorName: 'Смирнова Елена Викторовна',
    transfersBefore: 0,
  });
}

type Mode = 'ok' | 'down' | 'lostReply' | 'expired';

/** The server's rules (src/server/storage/callEvents.ts) in memory, counting every insert. */
class FakeServer {
  readonly held = new Map<string, unknown[]>();
  readonly inserts = new Map<string, number>();
  mode: Mode = 'ok';
  /** The operator's current lease number; a batch naming another is fenced (kept aside, refused). */
  leaseEpoch: number | null = null;
  readonly fenced: string[] = [];
  /** Kept aside and not in their call: put back when a later batch of the call leaves the gap they fill. */
  readonly aside = new Map<string, CallRecordEvent>();
  readonly leases: (UploadBatch['lease'] | undefined)[] = [];
  /** Each call's wrap-up as held (the latest save), and how many of its events were held when it came. */
  readonly wrapUps = new Map<string, { wrapUp: CallWrapUp; eventsBefore: number }>();
  /** Wrap-ups received, replays included. */
  wrapUpsReceived = 0;

  receive(batch: UploadBatch): CallEventAcks {
    const calls = JSON.parse(JSON.stringify(batch.calls)) as {
      callId: string;
      events: CallRecordEvent[];
      wrapUp?: CallWrapUp;
    }[];
    this.leases.push(batch.lease);
    if (batch.lease && this.leaseEpoch !== null && batch.lease.epoch !== this.leaseEpoch) {
      for (const c of calls)
        for (const e of c.events) {
          const key = `${c.callId}#${e.seq}`;
          if (!this.fenced.includes(key)) this.fenced.push(key);
          if (this.held.get(c.callId)?.[e.seq] === undefined) this.aside.set(key, e);
        }
      return {
        calls: calls.map((c): CallAck => ({
          callId: c.callId,
          status: 'refused',
          code: 'lease_lost',
          message: 'lease_lost',
        })),
      };
    }
    return {
      calls: calls.map((c): CallAck => {
        const have = this.held.get(c.callId) ?? [];
        const firstSent = c.events[0]?.seq ?? 0;
        const filling = Array.from({ length: Math.max(0, firstSent - have.length) }, (_, i) =>
          this.aside.get(`${c.callId}#${have.length + i}`),
        );
        if (filling.length > 0 && filling.every((e) => e !== undefined)) c.events = [...filling, ...c.events];
        const first = c.events[0]?.seq ?? 0;
        const refused = (code: 'sequence_gap' | 'event_conflict'): CallAck => ({
          callId: c.callId,
          status: 'refused',
          code,
          message: code,
        });
        if (c.events.some((e, i) => e.seq !== first + i) || first > have.length)
          return refused('sequence_gap');
        if (c.events.some((e) => e.seq < have.length && JSON.stringify(have[e.seq]) !== JSON.stringify(e)))
          return refused('event_conflict');
        const added = c.events.filter((e) => e.seq >= have.length);
        for (const e of added) {
          have.push(e);
          const key = `${c.callId}#${e.seq}`;
          this.aside.delete(key);
          this.inserts.set(key, (this.inserts.get(key) ?? 0) + 1);
        }
        this.held.set(c.callId, have);
        if (c.wrapUp) {
          this.wrapUpsReceived += 1;
          const kept = this.wrapUps.get(c.callId);
          // A later save replaces the one held; an older one arriving late is ignored.
          if (!kept || kept.wrapUp.savedAt <= c.wrapUp.savedAt)
            this.wrapUps.set(c.callId, { wrapUp: c.wrapUp, eventsBefore: have.length });
        }
        return { callId: c.callId, status: 'stored', added: added.length };
      }),
    };
  }

  transport() {
    return {
      send: (batch: UploadBatch): Promise<CallEventAcks> => {
        if (this.mode === 'down') return Promise.reject(new UploadError('unreachable'));
        if (this.mode === 'expired') return Promise.reject(new UploadError('signedOut'));
        const acks = this.receive(batch);
        // Stored, but the answer never came back: the workstation must send it again.
        if (this.mode === 'lostReply') return Promise.reject(new UploadError('unreachable'));
        return Promise.resolve(acks);
      },
      refreshSession: () => Promise.resolve(this.mode !== 'expired'),
    };
  }
}

/** The sync client's retry timer on a clock the test moves; each delay asked for is kept. */
class VirtualTimers {
  now = 0;
  readonly asked: number[] = [];
  private pending: { at: number; run: () => void }[] = [];

  readonly setTimer = (run: () => void, ms: number) => {
    this.asked.push(ms);
    const timer = { at: this.now + ms, run };
    this.pending.push(timer);
    return () => {
      this.pending = this.pending.filter((t) => t !== timer);
    };
  };

  /** Moves the clock by `ms`, firing each timer due on the way and letting the sends it starts finish. */
  async advance(ms: number, sync: SyncHandle | null): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.now = due.at;
      due.run();
      await sync?.settled();
    }
    this.now = end;
  }
}

let n = 0;
const opened: AppDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function openDb(name: string, owner: typeof OWNER | null): Promise<{ db: AppDB; epoch: number }> {
  const db = new AppDB(name);
  opened.push(db);
  await db.open();
  setUploadOwner(db, owner);
  return { db, epoch: await claimCallOwnership(db) };
}

/**
 * A workstation whose server is down, on a clock the test moves; each backoff at its longest
 * (random() = 1): the worst wait an operator can meet.
 */
async function cutOffDesk() {
  const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
  const server = new FakeServer();
  server.mode = 'down';
  const time = new VirtualTimers();
  const sync = startSync({
    db,
    owner: OWNER,
    transport: server.transport(),
    setTimer: time.setTimer,
    now: () => time.now,
    random: () => 1,
  });
  return { db, epoch, server, time, sync };
}

/** The sync client's first status that passes the test, now or later. */
async function statusWhere(sync: SyncHandle, test: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  let unsubscribe = () => {};
  const found = new Promise<SyncStatus>((resolve) => {
    unsubscribe = sync.subscribe((s) => {
      if (test(s)) resolve(s);
    });
  });
  const status = await found;
  unsubscribe();
  return status;
}

/** The events stored on the workstation, by call. */
async function localLogs(db: AppDB, callIds: readonly string[]) {
  return new Map(await Promise.all(callIds.map(async (id) => [id, await readLog(db, id)] as const)));
}

/** A wrap-up as the call owner saves it (finishing.ts), the nth call's own. */
function wrapUpPatch(nth: number) {
  return {
    finishedAt: template.start.at + 600_000 + nth,
    outcome: 'resolved' as const,
    summary: `Итог звонка ${nth}`,
    topic: 'appeals',
    articlesUsed: ['appeal-deadlines'],
    satisfaction: 4,
    surveyOffered: true,
    afterCallMs: 30_000,
  };
}

/** The same wrap-up as the server receives it. */
function sentWrapUp(nth: number): CallWrapUp {
  const { finishedAt, ...rest } = wrapUpPatch(nth);
  return { savedAt: finishedAt, ...rest };
}

describe('the outbox', () => {
  it('queues each event with its storing, only while connected to a server', async () => {
    const alone = await openDb(`outbox-${++n}`, null);
    await beginCall(alone.db, { row: rowOf('a'), first: eventOf('a', 0), epoch: alone.epoch, flow: FLOW });
    await appendCallEvent(alone.db, {
      record: eventOf('a', 1),
      row: rowOf('a'),
      callback: null,
      epoch: alone.epoch,
    });
    expect(await alone.db.outbox.count()).toBe(0);

    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    await beginCall(db, { row: rowOf('b'), first: eventOf('b', 0), epoch, flow: FLOW });
    await appendCallEvent(db, { record: eventOf('b', 1), row: rowOf('b'), callback: null, epoch });
    // The same event again stores nothing and queues nothing more; a fenced writer queues nothing.
    expect(
      await appendCallEvent(db, { record: eventOf('b', 1), row: rowOf('b'), callback: null, epoch }),
    ).toBe('duplicate');
    await expect(
      appendCallEvent(db, { record: eventOf('b', 2), row: rowOf('b'), callback: null, epoch: epoch - 1 }),
    ).rejects.toThrow();
    expect(await outboxState(db, OWNER)).toEqual({ calls: 1, events: 2, oldestAt: eventOf('b', 0).at });
    // Events stored only at the wrap-up (the call went on in memory) are queued with them.
    await finishCall(db, {
      callId: 'b',
      patch: {},
      epoch,
      callback: null,
      fulfilled: null,
      log: [0, 1, 2, 3].map((s) => eventOf('b', s)),
    });
    expect((await db.outbox.toArray()).map((r) => [r.callId, r.seq, r.personId])).toEqual([
      ['b', 0, OWNER.personId],
      ['b', 1, OWNER.personId],
      ['b', 2, OWNER.personId],
      ['b', 3, OWNER.personId],
    ]);
    // Another person's session does not send them.
    expect(await outboxState(db, { ...OWNER, personId: 'someone-else' })).toMatchObject({ events: 0 });
  });

  it('sends the queue in order and forgets each event once acknowledged, also after a lost answer', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    const sync = startSync({ db, owner: OWNER, transport: server.transport(), setTimer: () => () => {} });
    try {
      server.mode = 'lostReply';
      await beginCall(db, { row: rowOf('c'), first: eventOf('c', 0), epoch, flow: FLOW });
      for (const seq of [1, 2, 3])
        await appendCallEvent(db, { record: eventOf('c', seq), row: rowOf('c'), callback: null, epoch });
      await statusWhere(sync, (s) => s.connection === 'unreachable');
      server.mode = 'ok';
      sync.retryNow();
      await statusWhere(sync, (s) => s.outbox?.events === 0 && s.connection === 'ok');
      expect(await outboxState(db, OWNER)).toEqual({ calls: 0, events: 0, oldestAt: null });
      expect(server.held.get('c')).toEqual(JSON.parse(JSON.stringify(await readLog(db, 'c'))));
      expect([...server.inserts.values()].every((times) => times === 1)).toBe(true);
    } finally {
      sync.stop();
    }
  });

  it('pauses on an expired session with everything kept, and sends it all after the sign-in', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    server.mode = 'expired';
    let sync: SyncHandle = startSync({
      db,
      owner: OWNER,
      transport: server.transport(),
      setTimer: () => () => {},
    });
    await beginCall(db, { row: rowOf('d'), first: eventOf('d', 0), epoch, flow: FLOW });
    await statusWhere(sync, (s) => s.connection === 'signInAgain');
    await appendCallEvent(db, { record: eventOf('d', 1), row: rowOf('d'), callback: null, epoch });
    expect(await statusWhere(sync, (s) => s.outbox?.events === 2)).toMatchObject({
      connection: 'signInAgain',
      outbox: { calls: 1, events: 2, oldestAt: eventOf('d', 0).at },
    });
    expect(server.held.size).toBe(0);
    // Signed in again: a new sync client, as the app starts one.
    sync.stop();
    server.mode = 'ok';
    sync = startSync({ db, owner: OWNER, transport: server.transport(), setTimer: () => () => {} });
    await statusWhere(sync, (s) => s.outbox?.events === 0 && s.connection === 'ok');
    sync.stop();
    expect(server.held.get('d')).toHaveLength(2);
  });

  it('asks for the session again when the CSRF token is stale, then sends; an ended session asks to sign in', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    let staleToken = true;
    let sessionLive = true;
    const refreshes: boolean[] = [];
    const transport = {
      send: (batch: UploadBatch) =>
        staleToken ? Promise.reject(new UploadError('csrf')) : Promise.resolve(server.receive(batch)),
      refreshSession: () => {
        refreshes.push(sessionLive);
        staleToken = !sessionLive;
        return Promise.resolve(sessionLive);
      },
    };
    const sync = startSync({ db, owner: OWNER, transport, setTimer: () => () => {} });
    try {
      await beginCall(db, { row: rowOf('g'), first: eventOf('g', 0), epoch, flow: FLOW });
      await statusWhere(sync, (s) => s.outbox?.events === 0);
      expect(refreshes).toEqual([true]);
      expect(server.held.get('g')).toHaveLength(1);
      staleToken = true;
      sessionLive = false;
      await appendCallEvent(db, { record: eventOf('g', 1), row: rowOf('g'), callback: null, epoch });
      expect(await statusWhere(sync, (s) => s.connection === 'signInAgain')).toMatchObject({
        outbox: { events: 1 },
      });
      expect(refreshes).toEqual([true, false]);
    } finally {
      sync.stop();
    }
  });

  it('keeps a call the server refused queued, and sends the others', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    // The server holds another version of this call's start (another device wrote it).
    server.held.set('e', [{ ...eventOf('e', 0), at: 1 }]);
    await beginCall(db, { row: rowOf('e'), first: eventOf('e', 0), epoch, flow: FLOW });
    await finishCall(db, { callId: 'e', patch: {}, epoch, callback: null, fulfilled: null });
    await beginCall(db, { row: rowOf('f'), first: eventOf('f', 0), epoch, flow: FLOW });
    const sync = startSync({ db, owner: OWNER, transport: server.transport(), setTimer: () => () => {} });
    try {
      const status = await statusWhere(sync, (s) => s.outbox?.events === 1);
      expect(status).toMatchObject({ connection: 'ok', outbox: { calls: 1 } });
      expect((await db.outbox.toArray()).map((r) => r.callId)).toEqual(['e']);
      expect(server.held.get('f')).toHaveLength(1);
    } finally {
      sync.stop();
    }
  });

  it('queues the wrap-up with its saving, sends it after the call’s events, and forgets it once acknowledged', async () => {
    const alone = await openDb(`outbox-${++n}`, null);
    await beginCall(alone.db, { row: rowOf('w0'), first: eventOf('w0', 0), epoch: alone.epoch, flow: FLOW });
    const patch = wrapUpPatch(1);
    await finishCall(alone.db, { callId: 'w0', patch, epoch: alone.epoch, callback: null, fulfilled: null });
    expect(await alone.db.outbox.count()).toBe(0);

    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    await beginCall(db, { row: rowOf('w'), first: eventOf('w', 0), epoch, flow: FLOW });
    for (const seq of [1, 2, 3])
      await appendCallEvent(db, { record: eventOf('w', seq), row: rowOf('w'), callback: null, epoch });
    await finishCall(db, { callId: 'w', patch, epoch, callback: null, fulfilled: null });
    expect(await outboxState(db, OWNER)).toMatchObject({ calls: 1, events: 5 });
    // The wrap-up waits for the events before it: not in a batch that cannot take them all.
    const first = await nextUpload(db, OWNER, { maxEvents: 3, maxBytes: 48_000 });
    expect(first.map((c) => [c.callId, c.events.map((e) => e.seq), c.wrapUp])).toEqual([
      ['w', [0, 1, 2], undefined],
    ]);

    const server = new FakeServer();
    server.mode = 'lostReply';
    const sync = startSync({ db, owner: OWNER, transport: server.transport(), setTimer: () => () => {} });
    try {
      await statusWhere(sync, (s) => s.connection === 'unreachable');
      server.mode = 'ok';
      sync.retryNow();
      await statusWhere(sync, (s) => s.outbox?.events === 0 && s.connection === 'ok');
      expect(server.wrapUps.get('w')).toEqual({ wrapUp: sentWrapUp(1), eventsBefore: 4 });
      // Acknowledged: nothing is sent again.
      const received = server.wrapUpsReceived;
      sync.retryNow();
      await sync.settled();
      expect(server.wrapUpsReceived).toBe(received);
      expect(await db.outbox.count()).toBe(0);
    } finally {
      sync.stop();
    }
  });

  it('keeps a wrap-up saved again while the first was on its way, and sends the later one in its place', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    await beginCall(db, { row: rowOf('r'), first: eventOf('r', 0), epoch, flow: FLOW });
    await finishCall(db, { callId: 'r', patch: wrapUpPatch(1), epoch, callback: null, fulfilled: null });
    const sent = await nextUpload(db, OWNER, { maxEvents: 10, maxBytes: 48_000 });
    expect(sent[0]?.wrapUp).toEqual(sentWrapUp(1));
    // Saved again before the server's answer came: one entry for the call, the later save's.
    const again = { ...wrapUpPatch(2), finishedAt: wrapUpPatch(1).finishedAt + 60_000 };
    await finishCall(db, { callId: 'r', patch: again, epoch, callback: null, fulfilled: null });
    await acknowledgeUpload(db, sent);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.callId, r.seq, r.at])).toEqual([['r', -1, again.finishedAt]]);
    const next = await nextUpload(db, OWNER, { maxEvents: 10, maxBytes: 48_000 });
    expect(next).toEqual([
      { callId: 'r', events: [], wrapUp: { ...sentWrapUp(2), savedAt: again.finishedAt } },
    ]);
    await acknowledgeUpload(db, next);
    expect(await outboxState(db, OWNER)).toEqual({ calls: 0, events: 0, oldestAt: null });
  });

  type Op =
    | { kind: 'write'; events: number }
    | { kind: 'finish' }
    | { kind: 'net'; mode: Mode }
    | { kind: 'retry' }
    | { kind: 'reload' }
    /** Another device of the operator takes the calls over; this one takes them back. */
    | { kind: 'takeOver' }
    | { kind: 'takeBack' };

  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      arbitrary: fc.record({ kind: fc.constant('write' as const), events: fc.integer({ min: 1, max: 4 }) }),
      weight: 5,
    },
    { arbitrary: fc.constant({ kind: 'finish' as const }), weight: 1 },
    {
      arbitrary: fc.record({
        kind: fc.constant('net' as const),
        mode: fc.constantFrom<Mode>('ok', 'down', 'lostReply', 'expired'),
      }),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'retry' as const }), weight: 2 },
    { arbitrary: fc.constant({ kind: 'reload' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'takeOver' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'takeBack' as const }), weight: 1 },
  );

  it('acknowledges every stored event exactly once, in order, whatever happens between', async () => {
    // Events sent while another device held the calls are acknowledged as kept aside (and drained); they
    // are put back into their call when it goes on after this device took the calls back.
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const name = `outbox-prop-${++n}`;
        const server = new FakeServer();
        server.leaseEpoch = 1;
        let held = { deviceId: 'desk', epoch: 1 };
        let { db, epoch } = await openDb(name, OWNER);
        const start = () =>
          startSync({
            db,
            owner: OWNER,
            transport: server.transport(),
            setTimer: () => () => {},
            maxEvents: 3,
            lease: { lease: () => held, refused: () => undefined },
          });
        let sync = start();
        const callIds: string[] = [];
        let active: { id: string; next: number } | null = null;
        /** Finished calls and their number of events. */
        const finished = new Map<string, number>();

        /** Every stored event is waiting in the outbox, held by the server or kept aside there. */
        const checkNothingLost = async () => {
          const logs = await localLogs(db, callIds);
          const waiting = new Set((await db.outbox.toArray()).map((r) => `${r.callId}#${r.seq}`));
          for (const [id, log] of logs)
            for (const e of log) {
              const key = `${id}#${e.seq}`;
              if (!waiting.has(key))
                expect(server.held.get(id)?.[e.seq] ?? server.aside.get(key), key).toBeDefined();
            }
        };

        try {
          for (const o of ops) {
            if (o.kind === 'write') {
              for (let i = 0; i < o.events; i++) {
                if (!active) {
                  active = { id: `${name}-call-${callIds.length}`, next: 1 };
                  callIds.push(active.id);
                  await beginCall(db, {
                    row: rowOf(active.id),
                    first: eventOf(active.id, 0),
                    epoch,
                    flow: FLOW,
                  });
                } else {
                  const record = eventOf(active.id, active.next++);
                  await appendCallEvent(db, { record, row: rowOf(active.id), callback: null, epoch });
                }
              }
            } else if (o.kind === 'finish' && active) {
              const patch = wrapUpPatch(callIds.length);
              await finishCall(db, { callId: active.id, patch, epoch, callback: null, fulfilled: null });
              finished.set(active.id, active.next);
              active = null;
            } else if (o.kind === 'net') {
              server.mode = o.mode;
            } else if (o.kind === 'retry') {
              sync.retryNow();
              await sync.settled();
            } else if (o.kind === 'reload') {
              sync.stop();
              db.close();
              ({ db, epoch } = await openDb(name, OWNER));
              sync = start();
            } else if (o.kind === 'takeOver') {
              server.leaseEpoch = (server.leaseEpoch ?? 0) + 1;
            } else if (o.kind === 'takeBack') {
              server.leaseEpoch = (server.leaseEpoch ?? 0) + 1;
              held = { deviceId: 'desk', epoch: server.leaseEpoch };
            }
            await checkNothingLost();
          }
          // The server comes back, this device holds the calls and the operator signs in again: it all goes up.
          server.mode = 'ok';
          server.leaseEpoch = (server.leaseEpoch ?? 0) + 1;
          held = { deviceId: 'desk', epoch: server.leaseEpoch };
          sync.stop();
          sync = start();
          for (let i = 0; i < 20 && (await outboxState(db, OWNER)).events > 0; i++) {
            sync.retryNow();
            await sync.settled();
          }
          expect(await outboxState(db, OWNER)).toEqual({ calls: 0, events: 0, oldestAt: null });
          const logs = await localLogs(db, callIds);
          for (const [id, log] of logs) {
            // In order: the server's call is the workstation's log, but for the events its device sent
            // after the calls were taken over and that nothing sent later put back: those are kept aside.
            const have = server.held.get(id) ?? [];
            expect(have).toEqual(JSON.parse(JSON.stringify(log.slice(0, have.length))));
            for (const e of log) {
              const key = `${id}#${e.seq}`;
              if (e.seq < have.length) expect(server.inserts.get(key), key).toBe(1);
              else expect(server.aside.has(key), key).toBe(true);
            }
          }
          // Each finished call's wrap-up went up after all its events; an unfinished call has none.
          for (const id of callIds) {
            const events = finished.get(id);
            const held = server.wrapUps.get(id);
            if (events === undefined) expect(held).toBeUndefined();
            // (After its events: the wrap-up's own test; here calls may be kept aside after take-overs.)
            else expect(held?.wrapUp).toEqual(sentWrapUp(callIds.indexOf(id) + 1));
          }
        } finally {
          sync.stop();
        }
      }),
      { numRuns: 40 },
    );
    // 40 runs of IndexedDB work: seconds on a busy shared machine.
  }, 60_000);
});

describe('a workstation cut from the server for ten minutes of calls (issue 20)', () => {
  const MINUTE = 60_000;

  /** One finished call of three events, as an operator makes it. */
  async function makeCall(db: AppDB, epoch: number, callId: string): Promise<void> {
    await beginCall(db, { row: rowOf(callId), first: eventOf(callId, 0), epoch, flow: FLOW });
    for (const seq of [1, 2])
      await appendCallEvent(db, { record: eventOf(callId, seq), row: rowOf(callId), callback: null, epoch });
    await finishCall(db, { callId, patch: {}, epoch, callback: null, fulfilled: null });
  }

  /** Everything stored went up whole, in order, each event inserted once. */
  async function expectAllUpOnce(db: AppDB, server: FakeServer, callIds: readonly string[]) {
    expect(await outboxState(db, OWNER)).toEqual({ calls: 0, events: 0, oldestAt: null });
    for (const [id, log] of await localLogs(db, callIds)) {
      expect(log).toHaveLength(3);
      expect(server.held.get(id)).toEqual(JSON.parse(JSON.stringify(log)));
      for (const e of log) expect(server.inserts.get(`${id}#${e.seq}`), `${id}#${e.seq}`).toBe(1);
    }
  }

  it('keeps trying at least once a minute, and sends all of it within a minute of the network coming back', async () => {
    const { db, epoch, server, time, sync } = await cutOffDesk();
    try {
      const callIds: string[] = [];
      for (let minute = 0; minute < 10; minute++) {
        const id = `cut-${n}-${minute}`;
        callIds.push(id);
        await makeCall(db, epoch, id);
        if (minute === 0) await statusWhere(sync, (s) => s.connection === 'unreachable');
        await time.advance(MINUTE, sync);
      }
      expect(server.held.size).toBe(0);
      await statusWhere(sync, (s) => s.outbox?.events === 30);
      expect(sync.status()).toMatchObject({ connection: 'unreachable', outbox: { calls: 10, events: 30 } });
      // The retries' delays (the stuck watch's five minutes aside: it is not a retry).
      const retries = time.asked.filter((ms) => ms !== STUCK_MS);
      expect(Math.max(...retries)).toBe(MINUTE);
      expect(retries.length).toBeGreaterThanOrEqual(10);

      server.mode = 'ok';
      await time.advance(MINUTE, sync);
      await statusWhere(sync, (s) => s.connection === 'ok' && s.outbox?.events === 0);
      await expectAllUpOnce(db, server, callIds);
    } finally {
      sync.stop();
    }
  });

  it('sends it all, in order and once, after the tab was closed mid-cut and reopened with the session expired', async () => {
    const name = `outbox-${++n}`;
    let { db, epoch } = await openDb(name, OWNER);
    const server = new FakeServer();
    server.mode = 'down';
    const time = new VirtualTimers();
    const start = () =>
      startSync({
        db,
        owner: OWNER,
        transport: server.transport(),
        setTimer: time.setTimer,
        random: () => 1,
      });
    let sync = start();
    const callIds: string[] = [];
    try {
      for (let minute = 0; minute < 5; minute++) {
        const id = `closed-${n}-${minute}`;
        callIds.push(id);
        await makeCall(db, epoch, id);
        await time.advance(MINUTE, sync);
      }
      // The tab is closed; five more minutes pass and the session expires; then it is opened again.
      sync.stop();
      db.close();
      await time.advance(5 * MINUTE, null);
      server.mode = 'expired';
      ({ db, epoch } = await openDb(name, OWNER));
      sync = start();
      const waiting = await statusWhere(sync, (s) => s.connection === 'signInAgain' && s.outbox !== null);
      expect(waiting.outbox).toMatchObject({ calls: 5, events: 15 });
      expect(server.held.size).toBe(0);
      // Still cut off, the operator goes on making calls; then signs in again as the network returns.
      for (let minute = 10; minute < 12; minute++) {
        const id = `closed-${n}-${minute}`;
        callIds.push(id);
        await makeCall(db, epoch, id);
      }
      server.mode = 'ok';
      sync.stop();
      sync = start();
      await statusWhere(sync, (s) => s.connection === 'ok' && s.outbox?.events === 0);
      await expectAllUpOnce(db, server, callIds);
    } finally {
      sync.stop();
    }
  });
});

describe('an outbox stuck while the server answers (issue 20)', () => {
  it('is called stuck after five minutes unmoved, told to the server, and cleared when it moves again', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    // The server refuses this call (another device wrote its start): it stays, nothing moves.
    server.held.set('stuck', [{ ...eventOf('stuck', 0), at: 1 }]);
    const reports: OutboxReport[] = [];
    const time = new VirtualTimers();
    const sync = startSync({
      db,
      owner: OWNER,
      transport: { ...server.transport(), report: (r) => Promise.resolve(void reports.push(r)) },
      setTimer: time.setTimer,
      now: () => time.now,
    });
    try {
      await beginCall(db, { row: rowOf('stuck'), first: eventOf('stuck', 0), epoch, flow: FLOW });
      await statusWhere(sync, (s) => s.outbox?.events === 1);
      await sync.settled();
      await time.advance(STUCK_MS - 1000, sync);
      expect(sync.status().stuckSince).toBeNull();
      expect(reports).toEqual([]);
      await time.advance(1000, sync);
      const since = sync.status().stuckSince;
      expect(since).not.toBeNull();
      expect(since).toBeLessThanOrEqual(time.now - STUCK_MS);
      expect(reports).toEqual([{ calls: 1, events: 1, oldestAt: eventOf('stuck', 0).at, stuckSince: since }]);
      // The call's next event comes in: the outbox moved, it is not stuck any more, and the server is told.
      await appendCallEvent(db, { record: eventOf('stuck', 1), row: rowOf('stuck'), callback: null, epoch });
      await statusWhere(sync, (s) => s.stuckSince === null);
      expect(reports.at(-1)).toMatchObject({ stuckSince: null });
    } finally {
      sync.stop();
    }
  });

  it('is not called stuck while the server is out of reach (the line says that instead)', async () => {
    const { db, epoch, time, sync } = await cutOffDesk();
    try {
      await beginCall(db, { row: rowOf('away'), first: eventOf('away', 0), epoch, flow: FLOW });
      await statusWhere(sync, (s) => s.connection === 'unreachable');
      await time.advance(30 * 60_000, sync);
      expect(sync.status()).toMatchObject({ connection: 'unreachable', stuckSince: null });
    } finally {
      sync.stop();
    }
  });
});

describe('calls made before the workstation connected', () => {
  const LATER = template.start.at + 10 * 86_400_000;

  /** A finished call of `organisationId` stored on a single workstation (no owner: nothing queued). */
  async function madeAlone(db: AppDB, epoch: number, callId: string, organisationId = OWNER.organisationId) {
    const start = eventOf(callId, 0);
    const first =
      start.event.type === 'call.started'
        ? {
            ...start,
            event: {
              ...start.event,
              start: {
                ...start.event.start,
                organisation: { ...start.event.start.organisation, id: organisationId },
              },
            },
          }
        : start;
    await beginCall(db, { row: rowOf(callId), first, epoch, flow: FLOW });
    await appendCallEvent(db, { record: eventOf(callId, 1), row: rowOf(callId), callback: null, epoch });
    await finishCall(db, { callId, patch: wrapUpPatch(1), epoch, callback: null, fulfilled: null, log: [] });
  }

  it('offers them once and, when the operator agrees, sends each of their events and wrap-ups exactly once', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, null);
    await madeAlone(db, epoch, 'early-1');
    await madeAlone(db, epoch, 'early-2');
    await madeAlone(db, epoch, 'elsewhere', 'another-ministry');
    // Still going when the person signs in: it goes on as it was, not offered.
    await beginCall(db, { row: rowOf('going'), first: eventOf('going', 0), epoch, flow: FLOW });
    expect(await db.outbox.count()).toBe(0);

    setUploadOwner(db, OWNER);
    const server = new FakeServer();
    const sync = startSync({ db, owner: OWNER, transport: server.transport(), now: () => LATER });
    try {
      const offered = await statusWhere(sync, (s) => s.earlier !== null);
      expect(offered.earlier?.callIds.slice().sort()).toEqual(['early-1', 'early-2']);
      expect(server.held.size).toBe(0);
      await sync.answerEarlier('sent');
      // Queued by the answer, then sent as any other events: done once the outbox is empty again.
      await vi.waitFor(async () => expect(await outboxState(db, OWNER)).toMatchObject({ events: 0 }));
      await vi.waitFor(() => expect(server.held.size).toBe(2));
      await sync.settled();
      expect(sync.status().earlier).toBeNull();
      const local = await localLogs(db, ['early-1', 'early-2']);
      for (const id of ['early-1', 'early-2']) {
        expect(server.held.get(id)).toEqual(JSON.parse(JSON.stringify(local.get(id))));
        expect(server.wrapUps.get(id)).toEqual({ wrapUp: sentWrapUp(1), eventsBefore: 2 });
      }
      expect(server.held.has('elsewhere')).toBe(false);
      expect([...server.inserts.values()].every((times) => times === 1)).toBe(true);
    } finally {
      sync.stop();
    }
    // Asked once: the next start, or another person signing in here, is not asked again.
    expect(await earlierCalls(db, OWNER, LATER)).toBeNull();
    expect(await earlierCalls(db, { ...OWNER, personId: 'someone-else' }, LATER)).toBeNull();
  });

  it('keeps them on the workstation only when the operator says so, and does not ask again', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, null);
    await madeAlone(db, epoch, 'early-1');
    setUploadOwner(db, OWNER);
    const server = new FakeServer();
    const sync = startSync({ db, owner: OWNER, transport: server.transport(), now: () => LATER });
    try {
      await statusWhere(sync, (s) => s.earlier !== null);
      await sync.answerEarlier('kept');
      await statusWhere(sync, (s) => s.earlier === null);
      await sync.settled();
    } finally {
      sync.stop();
    }
    expect(await db.outbox.count()).toBe(0);
    expect(server.held.size).toBe(0);
    expect(await readLog(db, 'early-1')).toHaveLength(2);
    expect(await earlierCalls(db, OWNER, LATER)).toBeNull();
  });

  it('does not offer the calls made after the workstation first connected', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, null);
    // The first ask records the moment of connection: before any call was made here.
    expect(await earlierCalls(db, OWNER, template.start.at - 1)).toBeNull();
    await madeAlone(db, epoch, 'later');
    expect(await earlierCalls(db, OWNER, LATER)).toBeNull();
  });

  it('sends the calls a supervisor imported from files as their own queue, once, keeping any the server refuses', async () => {
    // The calls came from another workstation's file: stored here, queued for no one.
    const { db, epoch } = await openDb(`outbox-${++n}`, null);
    await madeAlone(db, epoch, 'filed-1');
    await madeAlone(db, epoch, 'filed-2');
    await madeAlone(db, epoch, 'other-ministry', 'another-ministry');
    const supervisor = { ...OWNER, personId: '00000000-0000-4000-8000-000000000009' };
    setUploadOwner(db, supervisor);
    // Another ministry's call in the same file stays on this workstation.
    expect(await queueImportedCalls(db, supervisor, ['filed-1', 'filed-2', 'other-ministry'])).toBe(2);
    // Not the supervisor's own calls, nor offered as calls made before the connection.
    expect(await outboxState(db, supervisor)).toMatchObject({ calls: 0 });
    const server = new FakeServer();
    const refusal = 'В организации нет оператора с именем, записанным в звонке.';
    const transport = {
      ...server.transport(),
      send: (batch: UploadBatch): Promise<CallEventAcks> => {
        const acks = server.receive({ ...batch, calls: batch.calls.filter((c) => c.callId !== 'filed-2') });
        const refused: CallAck = {
          callId: 'filed-2',
          status: 'refused',
          code: 'call_not_yours',
          message: refusal,
        };
        return Promise.resolve({
          calls: [...acks.calls, ...(batch.calls.some((c) => c.callId === 'filed-2') ? [refused] : [])],
        });
      },
    };
    const imports = importsOwner(supervisor);
    const sync = startSync({ db, owner: imports, transport, offerEarlier: false, now: () => LATER });
    try {
      const done = await statusWhere(sync, (s) => s.refused.length > 0 && s.outbox?.calls === 1);
      expect(done.refused).toEqual([{ callId: 'filed-2', message: refusal }]);
      expect(done.earlier).toBeNull();
      const local = await localLogs(db, ['filed-1']);
      expect(server.held.get('filed-1')).toEqual(JSON.parse(JSON.stringify(local.get('filed-1'))));
      // Its wrap-up went with it, after its events.
      expect(server.wrapUps.get('filed-1')).toEqual({ wrapUp: sentWrapUp(1), eventsBefore: 2 });
      // Queued again (the file imported twice): the server's answer adds nothing new.
      await queueImportedCalls(db, supervisor, ['filed-1']);
      await vi.waitFor(async () => expect(await outboxState(db, imports)).toMatchObject({ calls: 1 }));
      await sync.settled();
      expect([...server.inserts.values()].every((times) => times === 1)).toBe(true);
    } finally {
      sync.stop();
    }
    // The refused call stays queued (and stored) for the next opening: its events and its wrap-up.
    expect((await db.outbox.toArray()).map((r) => [r.callId, r.seq])).toEqual([
      ['filed-2', -1],
      ['filed-2', 0],
      ['filed-2', 1],
    ]);
    expect(await readLog(db, 'filed-2')).toHaveLength(2);
  });
});

describe('the upload and the operator’s lease (one call across devices)', () => {
  it('names the lease held; refused for a lease taken over, the events go up fenced, are forgotten here and the device is told', async () => {
    const { db, epoch } = await openDb(`outbox-${++n}`, OWNER);
    const server = new FakeServer();
    server.leaseEpoch = 1;
    let held = { deviceId: 'desk', epoch: 1 };
    const refusedFor: number[] = [];
    const lease = { lease: () => held, refused: (e: number) => void refusedFor.push(e) };
    const sync = startSync({
      db,
      owner: OWNER,
      transport: server.transport(),
      setTimer: () => () => {},
      lease,
    });
    try {
      await beginCall(db, { row: rowOf('l'), first: eventOf('l', 0), epoch, flow: FLOW });
      await vi.waitFor(() => expect(server.held.get('l')).toHaveLength(1));
      expect(server.leases.at(-1)).toEqual({ deviceId: 'desk', epoch: 1 });
      expect(refusedFor).toEqual([]);

      // Another device took the lease over: this desk's next events are kept aside by the server.
      server.leaseEpoch = 2;
      await appendCallEvent(db, { record: eventOf('l', 1), row: rowOf('l'), callback: null, epoch });
      await vi.waitFor(() => expect(refusedFor).toEqual([1]));
      await sync.settled();
      expect(server.fenced).toEqual(['l#1']);
      expect(await outboxState(db, OWNER)).toMatchObject({ events: 0 });
      // The operator is told: one event of one call kept aside.
      expect(sync.status().keptAside).toEqual({ events: 1, calls: 1 });
      // Nothing recorded here is lost: the call's record is whole on the workstation.
      expect(await readLog(db, 'l')).toHaveLength(2);

      // After taking it back, uploads name the new lease and are stored again.
      held = { deviceId: 'desk', epoch: 3 };
      server.leaseEpoch = 3;
      const log = [0, 1].map((seq) => eventOf('l', seq));
      await finishCall(db, { callId: 'l', patch: {}, epoch, callback: null, fulfilled: null, log });
      await beginCall(db, { row: rowOf('m'), first: eventOf('m', 0), epoch, flow: FLOW });
      await vi.waitFor(() => expect(server.held.get('m')).toHaveLength(1));
      expect(server.leases.at(-1)).toEqual({ deviceId: 'desk', epoch: 3 });
      expect(refusedFor).toEqual([1]);
    } finally {
      sync.stop();
    }
  });
});
