import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCallController, type AppCallController } from '../../../src/services/callOwner/controller';
import { webCallLock, type CallLock } from '../../../src/services/callOwner/lock';
import type { RecordFile } from '../../../src/services/recordFile';
import { holdRemainingMs } from '../../../src/calls/select';
import { readLog, AppDB } from '../../../src/db';
import type { ActiveCall, WrapUp } from '../../../src/services/callOwner/types';
import { flowFrom, loadFlow, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../../calls/helpers';
import { FakeLockManager } from './fakeLocks';
import { holdWrites } from './holdWrites';
import { linkLease, setLeaseStanding, type LeaseStanding } from '../../../src/services/lease/standing';

const FLOWS = [flowFrom(TINY_FLOW), loadFlow('outbound-callback.json')];
const clock = { now: () => Date.now() };

let n = 0;
const dbs: AppDB[] = [];
const controllers: AppCallController[] = [];

function freshName(): string {
  return `controller-test-${++n}`;
}

/** One browser tab: its own db connection and controller, sharing the lock manager with other tabs. */
function tab(name: string, locks: FakeLockManager, saved: RecordFile[] = []) {
  const db = new AppDB(name);
  dbs.push(db);
  const lock: CallLock = webCallLock(locks);
  let id = 0;
  const controller = createCallController({
    db,
    organisation: ORG,
    operator: OPERATOR,
    flows: FLOWS,
    clock,
    lock,
    saveFile: (f) => saved.push(f),
    newId: () => `${name}-call-${++id}`,
  });
  controllers.push(controller);
  return { db, controller, saved };
}

const WRAP: WrapUp = {
  outcome: null,
  summary: 'Подсказал срок рассмотрения',
  topic: 'appeals',
  articlesUsed: ['gen-callback'],
  satisfaction: 5,
  surveyOffered: true,
};

/** Sends each command in turn, as the screen does: the next only after the previous is stored. */
async function walkToAnswer(call: ActiveCall) {
  await call.send({ type: 'operator.choose', optionId: 'go' });
  await call.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  await call.send({ type: 'operator.choose', optionId: 'go' });
  await call.send({ type: 'operator.choose', optionId: 'go' });
  await call.send({ type: 'operator.choose', optionId: 'yes' });
}

const storedLog = (db: AppDB, callId: string) => readLog(db, callId);

/** What the screen shows of the call: the step, the phase tags, how many events are stored. */
function shown(call: ActiveCall) {
  const state = call.stored!.getSnapshot();
  return { stepId: state.view.context.stepId, events: state.events };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(TUESDAY_1030);
});

afterEach(async () => {
  controllers.splice(0).forEach((c) => c.dispose());
  vi.useRealTimers();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('call controller: storing as the call goes', () => {
  it('stores the start, and each event before send() resolves', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    await controller.ready;
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    expect(await storedLog(db, call.callId)).toHaveLength(1);
    const commands = [
      { type: 'operator.choose', optionId: 'go' },
      { type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' },
    ] as const;
    for (const [i, command] of commands.entries()) {
      await call.send(command);
      // No waiting beyond send(): the event is already in the database.
      expect((await storedLog(db, call.callId)).map((r) => r.event.type).at(-1)).toBe(command.type);
      expect(await db.calls.get(call.callId)).toMatchObject({ status: 'active', lastSeq: i + 1 });
    }
    expect(await db.calls.get(call.callId)).toMatchObject({ callerName: 'Ольга Ивановна' });
  });

  it('shows the next step only once its event is stored, never before', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    const changes: unknown[] = [];
    call.stored!.subscribe(() => changes.push(call.stored!.getSnapshot()));
    expect(shown(call)).toEqual({ stepId: 'hello', events: 1 });

    const held = holdWrites(db);
    const sent = call.send({ type: 'operator.choose', optionId: 'go' });
    await vi.advanceTimersByTimeAsync(50);
    // The engine has moved on; the screen and the database have not.
    expect(call.session.getSnapshot().context.stepId).toBe('who');
    expect(shown(call)).toEqual({ stepId: 'hello', events: 1 });
    expect(changes).toEqual([]);
    expect(await storedLog(db, call.callId)).toHaveLength(1);

    held.release();
    await sent;
    expect(shown(call)).toEqual({ stepId: 'who', events: 2 });
    expect(changes).toHaveLength(1);
    expect(await storedLog(db, call.callId)).toHaveLength(2);
  });

  it('shows a hold running out only once that timer event is stored', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    await call.send({ type: 'operator.hold', minutes: 1 });
    const held = holdWrites(db);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.session.getSnapshot().hasTag('holdExpired')).toBe(true);
    expect(call.stored!.getSnapshot().view.hasTag('holdExpired')).toBe(false);

    held.release();
    await vi.waitFor(() => expect(call.stored!.getSnapshot().view.hasTag('holdExpired')).toBe(true));
    expect((await storedLog(db, call.callId)).at(-1)?.event.type).toBe('clock.holdExpired');
  });

  it('shows each step at once when the call is kept in memory', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    vi.spyOn(db.callEvents, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    await call.send({ type: 'operator.choose', optionId: 'go' });
    expect(controller.getActive()?.storage).toBe('memory');
    const now = controller.getActive()!;
    const held = holdWrites(db);
    void now.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
    expect(now.stored!.getSnapshot()).toMatchObject({ events: 3 });
    expect(now.stored!.getSnapshot().view.context.fields.callerName).toBe('Ольга Ивановна');
    held.release();
  });

  it('refuses a second call while one is in progress', async () => {
    const { controller } = tab(freshName(), new FakeLockManager());
    await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await expect(
      controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 }),
    ).rejects.toThrow();
  });

  it('saves the wrap-up with the after-call time measured from the end of the conversation', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    await call.send({ type: 'operator.choose', optionId: 'resolved' });
    await call.send({ type: 'operator.finish' });
    const endedAt = Date.now();
    vi.setSystemTime(endedAt + 42_000);
    await controller.finish(WRAP);
    expect(controller.getActive()).toBeNull();
    expect(await db.calls.get(call.callId)).toMatchObject({
      status: 'ended',
      outcome: 'resolved',
      afterCallMs: 42_000,
      summary: WRAP.summary,
      satisfaction: 5,
      surveyOffered: true,
      endReason: 'farewell',
    });
  });
});

describe('call controller: restoring after a reload', () => {
  it('resumes at the same step with the same data, the hold counting down from its stored deadline', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const first = tab(name, locks);
    const call = await first.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    await call.send({ type: 'operator.hold', minutes: 2 });
    await vi.advanceTimersByTimeAsync(45_000);
    first.controller.dispose(); // the tab closes: its lock goes with it

    const second = tab(name, locks);
    await second.controller.ready;
    const restored = second.controller.getActive();
    expect(restored).toMatchObject({ callId: call.callId, readOnly: false, storage: 'stored' });
    const snap = restored!.session.getSnapshot();
    expect(snap.context.stepId).toBe('answer');
    expect(snap.context.fields.callerName).toBe('Ольга Ивановна');
    expect(holdRemainingMs(snap, Date.now())).toBe(75_000);

    await vi.advanceTimersByTimeAsync(75_000);
    expect(restored!.session.getSnapshot().hasTag('holdExpired')).toBe(true);
    // Timer events have no send() to await: they are written as they fire.
    await vi.waitFor(async () =>
      expect((await storedLog(second.db, call.callId)).at(-1)?.event.type).toBe('clock.holdExpired'),
    );
    const log = await storedLog(second.db, call.callId);
    expect(log.at(-1)?.at).toBe(TUESDAY_1030 + 120_000);
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i));
  });

  it('resumes a call in memory, not read-only, when the disk is full at reopening', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const first = tab(name, locks);
    const call = await first.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    first.controller.dispose();

    const saved: RecordFile[] = [];
    const full = new DOMException('disk full', 'QuotaExceededError');
    const second = tab(name, locks, saved);
    vi.spyOn(second.db.callLease, 'put').mockRejectedValue(full);
    vi.spyOn(second.db.callEvents, 'add').mockRejectedValue(full);
    await second.controller.ready;
    const resumed = second.controller.getActive();
    expect(resumed).toMatchObject({ callId: call.callId, readOnly: false, storage: 'memory' });
    expect((await resumed!.send({ type: 'operator.hold', minutes: 2 })).accepted).toBe(true);
    resumed!.downloadRecord();
    expect(saved.at(-1)?.log.length).toBe(resumed!.session.log().length);
    // The wrap-up cannot be stored either: the record goes to a file with it, and the next call can start.
    await second.controller.finish(WRAP);
    expect(saved.at(-1)?.wrapUp?.summary).toBe(WRAP.summary);
    expect(second.controller.getActive()).toBeNull();
  });

  it('fires a hold that ran out while the tab was closed at once, stamped with its deadline', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const first = tab(name, locks);
    const call = await first.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    await call.send({ type: 'operator.hold', minutes: 1 });
    first.controller.dispose();
    vi.setSystemTime(TUESDAY_1030 + 5 * 60_000);

    const second = tab(name, locks);
    await second.controller.ready;
    await vi.advanceTimersByTimeAsync(0);
    expect(second.controller.getActive()!.session.getSnapshot().hasTag('holdExpired')).toBe(true);
    await vi.waitFor(async () =>
      expect((await storedLog(second.db, call.callId)).at(-1)?.event.type).toBe('clock.holdExpired'),
    );
    const types = (await storedLog(second.db, call.callId)).map((r) => [r.event.type, r.at]);
    expect(types.slice(-2)).toEqual([
      ['clock.holdWarning', TUESDAY_1030 + 30_000],
      ['clock.holdExpired', TUESDAY_1030 + 60_000],
    ]);
  });
});

describe('call controller: a call that cannot be resumed', () => {
  it('closes it with its records kept and says why, so the next call can start', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const first = tab(name, locks);
    const call = await first.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await call.send({ type: 'operator.choose', optionId: 'go' });
    first.controller.dispose();

    // The app came back without that flow version (it was replaced, say): nothing to resume on.
    const db = new AppDB(name);
    dbs.push(db);
    const later = createCallController({
      db,
      organisation: ORG,
      operator: OPERATOR,
      flows: [{ ...FLOWS[0]!, version: 4 }],
      clock,
      lock: webCallLock(locks),
    });
    controllers.push(later);
    await later.ready;
    expect(later.getActive()).toBeNull();
    expect(later.restoreProblem()).toMatchObject({ code: 'restoreFailed', callId: call.callId });
    expect(await db.calls.get(call.callId)).toMatchObject({ status: 'ended', endReason: 'restoreFailed' });
    expect(await storedLog(db, call.callId)).toHaveLength(2);
    await expect(
      later.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 }),
    ).resolves.toMatchObject({ readOnly: false });
  });
});

describe('call controller: storage failure', () => {
  it('goes on in memory with a visible flag, and the record file holds every event', async () => {
    const { db, controller, saved } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await call.send({ type: 'operator.choose', optionId: 'go' });
    vi.spyOn(db.callEvents, 'add').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    const seen: ActiveCall[] = [];
    controller.subscribe(() => seen.push(controller.getActive()!));

    const result = await call.send({
      type: 'operator.capture',
      fieldId: 'callerName',
      value: 'Ольга Ивановна',
    });
    expect(result.accepted).toBe(true);
    expect(controller.getActive()?.storage).toBe('memory');
    expect(seen.at(-1)?.storage).toBe('memory');
    const now = controller.getActive()!;
    await now.send({ type: 'operator.choose', optionId: 'go' });
    expect(now.session.getSnapshot().context.stepId).toBe('need');

    now.downloadRecord();
    expect(saved[0]?.log.map((r) => r.event.type)).toEqual([
      'call.started',
      'operator.choose',
      'operator.capture',
      'operator.choose',
    ]);
    expect((await storedLog(db, call.callId)).length).toBe(2);
  });

  it('stores the whole call at finish if storage came back, else saves it as a file with the wrap-up', async () => {
    const { db, controller, saved } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    const spy = vi
      .spyOn(db.callEvents, 'add')
      .mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await walkToAnswer(call);
    spy.mockRestore();
    await controller.finish(WRAP);
    expect((await storedLog(db, call.callId)).map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(saved).toEqual([]);

    const next = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    vi.spyOn(db.callEvents, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    vi.spyOn(db.calls, 'update').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await walkToAnswer(next);
    await controller.finish(WRAP);
    expect(saved[0]).toMatchObject({ callId: next.callId, wrapUp: WRAP });
    expect(saved[0]?.log).toHaveLength(6);
  });
});

describe('call controller: one call across tabs', () => {
  it('shows the call read-only in a second tab, which takes it over; nothing duplicated or lost', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const a = tab(name, locks);
    const b = tab(name, locks);
    await b.controller.ready;
    const call = await a.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await call.send({ type: 'operator.choose', optionId: 'go' });
    await vi.waitFor(() => expect(b.controller.getActive()?.session.log()).toHaveLength(2));
    const mirror = b.controller.getActive()!;
    expect(mirror.readOnly).toBe(true);
    expect(await mirror.send({ type: 'operator.choose', optionId: 'go' })).toEqual({
      accepted: false,
      notice: null,
    });

    await mirror.takeOver();
    const owned = b.controller.getActive()!;
    expect(owned.readOnly).toBe(false);
    await vi.waitFor(() => expect(a.controller.getActive()?.readOnly).toBe(true));
    expect(
      (await call.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Чужая' })).accepted,
    ).toBe(false);
    await owned.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });

    const log = await storedLog(a.db, call.callId);
    expect(log.map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(log[2]?.event).toMatchObject({ value: 'Ольга Ивановна' });
    await vi.waitFor(() => expect(a.controller.getActive()?.session.log()).toHaveLength(3));
  });

  it('carries the call on in the second tab when the owning tab closes', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const a = tab(name, locks);
    const call = await a.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    const b = tab(name, locks);
    await b.controller.ready;
    expect(b.controller.getActive()?.readOnly).toBe(true);
    a.controller.dispose();
    await vi.waitFor(() => expect(b.controller.getActive()?.readOnly).toBe(false));
    await b.controller.getActive()!.send({ type: 'operator.choose', optionId: 'go' });
    expect((await storedLog(b.db, call.callId)).map((r) => r.seq)).toEqual([0, 1]);
  });
});

describe('call controller: callbacks', () => {
  it('files a promised callback; a call from the queue is prefilled and closes it with an outcome', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    await call.send({ type: 'operator.capture', fieldId: 'need', value: 'как получить справку' });
    await call.send({ type: 'operator.callback', phone: '+79123456789', deadline: TUESDAY_1030 + 3_600_000 });
    const task = (await db.callbacks.toArray())[0];
    expect(task).toMatchObject({ status: 'open', phone: '+79123456789', question: 'как получить справку' });
    await call.send({ type: 'operator.finish' });
    await controller.finish({ ...WRAP, outcome: null });
    expect(await db.calls.get(call.callId)).toMatchObject({ outcome: 'callback' });

    const back = await controller.start({
      flowId: 'outbound-callback',
      direction: 'outbound',
      transfersBefore: 0,
      callbackId: task!.id,
    });
    const ctx = back.session.getSnapshot().context;
    expect(ctx.callerPhone).toBe('+79123456789');
    expect(ctx.fields).toMatchObject({ callerName: 'Ольга Ивановна', need: 'как получить справку' });
    await back.send({ type: 'operator.choose', optionId: 'ok' });
    await back.send({ type: 'operator.choose', optionId: 'remembers' });
    await back.send({ type: 'operator.choose', optionId: 'resolved' });
    await controller.finish(WRAP);
    expect(await db.callbacks.get(task!.id)).toMatchObject({ status: 'done', doneByCallId: back.callId });
  });
});

describe('call controller: rare turns of the owner', () => {
  it('keeps the call when a finish fails for a reason other than another tab, and finishes it later', async () => {
    const { db, controller, saved } = tab(freshName(), new FakeLockManager());
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    await walkToAnswer(call);
    // Storage refuses the wrap-up and the file cannot be offered either (a download blocked).
    const update = vi
      .spyOn(db.calls, 'update')
      .mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const push = vi.spyOn(saved, 'push').mockImplementation(() => {
      throw new Error('download blocked');
    });
    await expect(controller.finish(WRAP)).rejects.toThrow('download blocked');
    expect(controller.getActive()).toMatchObject({ callId: call.callId, readOnly: false });

    update.mockRestore();
    push.mockRestore();
    await controller.finish(WRAP);
    expect(controller.getActive()).toBeNull();
    expect(await db.calls.get(call.callId)).toMatchObject({ status: 'ended', summary: WRAP.summary });
  });

  it('goes on in memory when storage fails as a tab takes the call over', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const a = tab(name, locks);
    const call = await a.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    const b = tab(name, locks);
    await b.controller.ready;
    vi.spyOn(b.db.callLease, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await b.controller.getActive()!.takeOver();
    expect(b.controller.getActive()).toMatchObject({
      callId: call.callId,
      readOnly: false,
      storage: 'memory',
    });
    expect((await b.controller.getActive()!.send({ type: 'operator.choose', optionId: 'go' })).accepted).toBe(
      true,
    );
  });

  it('leaves one owner when two tabs take the call over at once; the other shows it read-only', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const a = tab(name, locks);
    const call = await a.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    const b = tab(name, locks);
    const c = tab(name, locks);
    await Promise.all([b.controller.ready, c.controller.ready]);
    await Promise.all([b.controller.getActive()!.takeOver(), c.controller.getActive()!.takeOver()]);
    await vi.waitFor(() => {
      const modes = [a, b, c].map((t) => t.controller.getActive()?.readOnly);
      expect(modes.filter((m) => m === false)).toHaveLength(1);
    });
    const owner = [a, b, c].find((t) => t.controller.getActive()?.readOnly === false)!;
    expect(owner).not.toBe(a);
    await owner.controller.getActive()!.send({ type: 'operator.choose', optionId: 'go' });
    expect((await storedLog(owner.db, call.callId)).map((r) => r.seq)).toEqual([0, 1]);
  });
});

/** The lease client as the controller sees it: each ask answered with `answer`, a take-over as told. */
function fakeLease(answer: LeaseStanding, reachable = true) {
  const link = {
    asks: 0,
    ask() {
      link.asks += 1;
      queueMicrotask(() => setLeaseStanding(answer));
    },
    takeOver: () => {
      if (reachable) setLeaseStanding('free');
      return Promise.resolve(reachable);
    },
  };
  linkLease(link);
  return link;
}

describe('call controller: one call per operator across devices', () => {
  // A call of another test asked with no client running: that ask is not this test's.
  beforeEach(() => linkLease(null));
  afterEach(() => linkLease(null));

  it('starts at once; told another device holds the lease, the call turns read-only, and a take-over makes it writable', async () => {
    const { db, controller } = tab(freshName(), new FakeLockManager());
    const lease = fakeLease('elsewhere', false);
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    expect(lease.asks).toBe(1);
    await vi.waitFor(() =>
      expect(controller.getActive()).toMatchObject({ readOnly: true, heldElsewhere: true }),
    );
    const readOnly = controller.getActive()!;
    expect(await readOnly.send({ type: 'operator.choose', optionId: 'go' })).toEqual({
      accepted: false,
      notice: null,
    });
    // What was recorded before stays recorded.
    expect(await storedLog(db, call.callId)).toHaveLength(1);

    // Offline, the take-over fails and nothing changes.
    await readOnly.takeOver();
    expect(controller.getActive()).toMatchObject({ readOnly: true, heldElsewhere: true });

    fakeLease('elsewhere', true);
    await readOnly.takeOver();
    const writable = controller.getActive()!;
    expect(writable).toMatchObject({ readOnly: false, heldElsewhere: false });
    await writable.send({ type: 'operator.choose', optionId: 'go' });
    expect(await storedLog(db, call.callId)).toHaveLength(2);
  });

  it('starts no call while the lease is held elsewhere or lost', async () => {
    const { controller } = tab(freshName(), new FakeLockManager());
    await controller.ready;
    fakeLease('lost');
    setLeaseStanding('lost');
    await expect(
      controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 }),
    ).rejects.toThrow();
    expect(controller.getActive()).toBeNull();
  });

  it('asks for the lease when it resumes a call after a reload, even before the lease client is running', async () => {
    const name = freshName();
    const locks = new FakeLockManager();
    const first = tab(name, locks);
    await first.controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    first.controller.dispose();

    const second = tab(name, locks);
    await second.controller.ready;
    // The lease client's chunk arrives after the call was resumed: it is asked as it links.
    const lease = fakeLease('free');
    expect(lease.asks).toBe(1);
    expect(second.controller.getActive()).toMatchObject({ readOnly: false });
  });
});
