import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../src/db/db';
import {
  appendCallEvent,
  beginCall,
  CallBusyError,
  CallFencedError,
  claimCallOwnership,
  findActiveCall,
  loadCall,
  readLog,
  newCallRow,
} from '../../src/db/callsRepository';
import { finishCall } from '../../src/db/callsFinish';
import { listCallsBetween, listCallsOfCaller } from '../../src/db/callHistory';
import {
  listOpenCallbacks,
  listOpenCallbacksOfCaller,
  recordCallbackAttempt,
} from '../../src/db/callbacksRepository';
import type { CallbackTask } from '../../src/calls';
import type { CallRow } from '../../src/db/callsTables';
import { flowFrom, harness, TINY_FLOW, toAnswer, TUESDAY_1030 } from '../calls/helpers';

/** The flow the calls run, kept by the store as each begins. */
const FLOW = flowFrom(TINY_FLOW);

let n = 0;
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`calls-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function row(id: string, over: Partial<CallRow> = {}): CallRow {
  return newCallRow({
    id,
    flowId: 'tiny',
    flowVersion: 3,
    direction: 'inbound',
    startedAt: TUESDAY_1030,
    operatorName: 'Смирнова Елена Викторовна',
    transfersBefore: 0,
    ...over,
  });
}

/** A real call log from the engine: start, then the walk to the answer step. */
function engineLog() {
  const h = harness();
  toAnswer(h);
  return { h, log: h.session.log() };
}

async function stored(db: AppDB, callId = 'call-1') {
  return readLog(db, callId);
}

describe('call records', () => {
  it('stores a call with its first event, and every append in order', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    for (const record of log.slice(1))
      await appendCallEvent(db, {
        record,
        row: row('call-1', { callerName: 'Ольга Ивановна' }),
        callback: null,
        epoch,
      });
    const active = await findActiveCall(db);
    expect(active?.log.map((r) => r.seq)).toEqual(log.map((r) => r.seq));
    expect(active?.row).toMatchObject({ lastSeq: log.length - 1, callerNameKey: 'ольга ивановна' });
  });

  it('keeps the organisation once for every call that starts with it, and gives each log back whole', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const first = log[0]!;
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first, epoch, flow: FLOW });
    await finishCall(db, { callId: 'call-1', patch: {}, epoch, callback: null, fulfilled: null });
    await beginCall(db, { row: row('call-2'), first: { ...first, callId: 'call-2' }, epoch, flow: FLOW });
    expect(await db.organisations.count()).toBe(1);
    const [raw] = await db.callEvents.where('[callId+seq]').equals(['call-2', 0]).toArray();
    expect(JSON.stringify(raw)).not.toContain('"departments"');
    expect((await loadCall(db, 'call-1'))?.log).toEqual([first]);
    expect((await findActiveCall(db))?.log).toEqual([{ ...first, callId: 'call-2' }]);

    // The directory changed between calls: the next call keeps its own copy; older calls keep theirs.
    if (first.event.type !== 'call.started') throw new Error('a log starts with call.started');
    const org = first.event.start.organisation;
    const moved = { ...org, phone: '+7 (343) 000-00-00' };
    const third = {
      ...first,
      callId: 'call-3',
      event: { ...first.event, start: { ...first.event.start, organisation: moved } },
    };
    await finishCall(db, { callId: 'call-2', patch: {}, epoch, callback: null, fulfilled: null });
    await beginCall(db, { row: row('call-3'), first: third, epoch, flow: FLOW });
    expect(await db.organisations.count()).toBe(2);
    expect((await loadCall(db, 'call-3'))?.log).toEqual([third]);
    expect((await loadCall(db, 'call-1'))?.log).toEqual([first]);
  });

  it('treats a repeated append of the same seq as a no-op: nothing duplicated', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    const second = log[1]!;
    expect(await appendCallEvent(db, { record: second, row: row('call-1'), callback: null, epoch })).toBe(
      'stored',
    );
    expect(await appendCallEvent(db, { record: second, row: row('call-1'), callback: null, epoch })).toBe(
      'duplicate',
    );
    expect(await stored(db)).toHaveLength(2);
  });

  it('refuses writes from a tab whose epoch is stale, after another tab claimed the call', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const old = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch: old, flow: FLOW });
    const current = await claimCallOwnership(db);
    const task: CallbackTask = {
      id: 'cb-stale',
      callId: 'call-1',
      flowId: 'tiny',
      organisationId: 'org',
      phone: '+79123456789',
      deadline: TUESDAY_1030 + 3_600_000,
      question: 'справка',
      callerName: null,
      appealNumber: null,
      createdAt: TUESDAY_1030,
      outsideHours: false,
    };
    await expect(
      appendCallEvent(db, {
        record: log[1]!,
        row: row('call-1', { callerName: 'Чужая' }),
        callback: task,
        epoch: old,
      }),
    ).rejects.toBeInstanceOf(CallFencedError);
    // The refused write was sent with the check, not after it: all of it must be rolled back.
    expect((await stored(db)).map((r) => r.seq)).toEqual([0]);
    expect(await db.calls.get('call-1')).toMatchObject({ callerName: null, lastSeq: 0 });
    expect(await db.callbacks.get('cb-stale')).toBeUndefined();
    await appendCallEvent(db, { record: log[1]!, row: row('call-1'), callback: null, epoch: current });
    expect((await stored(db)).map((r) => r.seq)).toEqual([0, 1]);
  });

  it('leaves the summary row as it was when the event is stored already', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    const name = row('call-1', { callerName: 'Ольга Ивановна' });
    await appendCallEvent(db, { record: log[1]!, row: name, callback: null, epoch });
    await appendCallEvent(db, { record: log[2]!, row: name, callback: null, epoch });
    const again = row('call-1', { callerName: 'Чужая' });
    expect(await appendCallEvent(db, { record: log[1]!, row: again, callback: null, epoch })).toBe(
      'duplicate',
    );
    expect(await db.calls.get('call-1')).toMatchObject({
      callerName: 'Ольга Ивановна',
      callerNameKey: 'ольга ивановна',
      lastSeq: 2,
    });
  });

  it('allows one active call at a time', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    await expect(
      beginCall(db, { row: row('call-2'), first: { ...log[0]!, callId: 'call-2' }, epoch, flow: FLOW }),
    ).rejects.toBeInstanceOf(CallBusyError);
    // The refused call's writes went out with the check: none of them may remain.
    expect(await db.calls.get('call-2')).toBeUndefined();
    expect(await stored(db, 'call-2')).toEqual([]);
  });

  it('files the callback a call promised, and closes it when the call from the queue ends with an outcome', async () => {
    const db = freshDb();
    const { h, log } = engineLog();
    h.session.send({
      type: 'operator.callback',
      phone: '+79123456789',
      deadline: TUESDAY_1030 + 3_600_000,
      question: 'справка',
    });
    const promise = h.session.log().at(-1)!;
    const task = h.session.getSnapshot().context.callback!;
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    await appendCallEvent(db, { record: promise, row: row('call-1'), callback: task, epoch });
    expect(await listOpenCallbacks(db)).toMatchObject([
      { id: task.id, status: 'open', dueAt: task.deadline },
    ]);

    await finishCall(db, {
      callId: 'call-1',
      patch: { outcome: 'callback' },
      epoch,
      callback: task,
      fulfilled: null,
    });
    await beginCall(db, {
      row: row('call-2', { callbackId: task.id }),
      first: { ...log[0]!, callId: 'call-2' },
      epoch,
      flow: FLOW,
    });
    await finishCall(db, {
      callId: 'call-2',
      patch: { outcome: 'resolved' },
      epoch,
      callback: null,
      fulfilled: { callbackId: task.id, at: TUESDAY_1030 + 60_000 },
    });
    expect(await listOpenCallbacks(db)).toEqual([]);
    expect(await db.callbacks.get(task.id)).toMatchObject({ status: 'done', doneByCallId: 'call-2' });
  });

  it('stores the whole in-memory log at finish, keeping what was stored before the failure', async () => {
    const db = freshDb();
    const { log } = engineLog();
    const epoch = await claimCallOwnership(db);
    await beginCall(db, { row: row('call-1'), first: log[0]!, epoch, flow: FLOW });
    await appendCallEvent(db, { record: log[1]!, row: row('call-1'), callback: null, epoch });
    await finishCall(db, {
      callId: 'call-1',
      patch: { lastSeq: log.length - 1 },
      epoch,
      callback: null,
      fulfilled: null,
      log,
    });
    expect((await stored(db)).map((r) => r.seq)).toEqual(log.map((r) => r.seq));
    expect(await findActiveCall(db)).toBeNull();
  });
});

describe('history lookups', () => {
  it('lists calls of a period newest first, and earlier calls of a phone or a name', async () => {
    const db = freshDb();
    await db.calls.bulkAdd([
      row('a', { startedAt: TUESDAY_1030 - 86_400_000, callerPhone: '+79123456789', status: 'ended' }),
      row('b', {
        startedAt: TUESDAY_1030,
        callerName: 'Ольга Ивановна',
        callerNameKey: 'ольга ивановна',
        status: 'ended',
      }),
      row('c', { startedAt: TUESDAY_1030 + 60_000, callerPhone: '+79123456789', status: 'ended' }),
    ]);
    expect((await listCallsBetween(db, TUESDAY_1030, TUESDAY_1030 + 3_600_000)).map((r) => r.id)).toEqual([
      'c',
      'b',
    ]);
    expect((await listCallsOfCaller(db, { phone: '+79123456789' })).map((r) => r.id)).toEqual(['c', 'a']);
    expect((await listCallsOfCaller(db, { name: '  ОЛЬГА  Ивановна ' })).map((r) => r.id)).toEqual(['b']);
    expect(await listCallsOfCaller(db, {})).toEqual([]);
    // A frequent caller: the newest `limit`, in order, whatever the order they were stored in.
    const many = Array.from({ length: 14 }, (_, i) =>
      row(`m${i}`, {
        callerPhone: '+79000000000',
        startedAt: TUESDAY_1030 + ((i * 5) % 14) * 60_000,
        status: 'ended',
      }),
    );
    await db.calls.bulkPut(many);
    const newest = [...many]
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, 10)
      .map((r) => r.id);
    expect((await listCallsOfCaller(db, { phone: '+79000000000' })).map((r) => r.id)).toEqual(newest);
  });
});

describe('callbacks queue', () => {
  it('records failed attempts and moves the task to its new due time, soonest first', async () => {
    const db = freshDb();
    const base = {
      callId: 'x',
      flowId: 'tiny',
      organisationId: 'org',
      question: 'q',
      callerName: null,
      appealNumber: null,
      createdAt: TUESDAY_1030,
      outsideHours: false,
      status: 'open' as const,
      attempts: [],
      doneAt: null,
      doneByCallId: null,
    };
    await db.callbacks.bulkAdd([
      {
        ...base,
        id: 'first',
        phone: '+79120000001',
        deadline: TUESDAY_1030 + 1000,
        dueAt: TUESDAY_1030 + 1000,
      },
      {
        ...base,
        id: 'second',
        phone: '+79120000002',
        deadline: TUESDAY_1030 + 2000,
        dueAt: TUESDAY_1030 + 2000,
      },
    ]);
    expect(
      await recordCallbackAttempt(db, 'first', {
        at: TUESDAY_1030,
        result: 'busy',
        dueAt: TUESDAY_1030 + 5000,
      }),
    ).toBe(true);
    const open = await listOpenCallbacks(db);
    expect(open.map((r) => r.id)).toEqual(['second', 'first']);
    expect(open[1]).toMatchObject({
      attempts: [{ at: TUESDAY_1030, result: 'busy' }],
      deadline: TUESDAY_1030 + 1000,
    });
    expect((await listOpenCallbacksOfCaller(db, { phone: '+79120000002' })).map((r) => r.id)).toEqual([
      'second',
    ]);
    expect(await recordCallbackAttempt(db, 'missing', { at: 0, result: 'busy', dueAt: 0 })).toBe(false);
  });
});
