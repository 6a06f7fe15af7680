// Browser half of the sync bench (issue 17): calls recorded through the operator workspace's own write
// path on a workstation signed in to the real server, each event timed from the start of its local write
// to the server's acknowledgement reaching the sync client. One event at a time, as an operator's
// actions come seconds apart.
import { AppDB } from '../../../src/db/db';
import { finishCall } from '../../../src/db/callsFinish';
import type { UploadOwner } from '../../../src/db/callsTables';
import {
  appendCallEvent,
  beginCall,
  claimCallOwnership,
  setUploadOwner,
} from '../../../src/db/callsRepository';
import { signIn } from '../../../src/services/account/session';
import { startSync } from '../../../src/services/sync/syncClient';
import { serverTransport } from '../../../src/services/sync/transport';
import { benchCalls, benchFlow } from './benchCalls';

const FROM = Date.UTC(2026, 0, 12, 4, 0);

/** Records the calls through the write path, connected (each event queued) or not; ms per write. */
async function recordPerWrite(calls: number, owner: UploadOwner | null): Promise<number> {
  const db = new AppDB(`sync-bench-write-${Date.now()}`);
  await db.open();
  setUploadOwner(db, owner);
  const epoch = await claimCallOwnership(db);
  let writes = 0;
  const t0 = performance.now();
  for (const c of benchCalls(calls, FROM)) {
    const [first, ...rest] = c.events;
    if (!first) continue;
    await beginCall(db, { row: c.row, first: first.record, epoch, flow: benchFlow() });
    for (const e of rest) await appendCallEvent(db, { record: e.record, row: e.row, callback: null, epoch });
    await finishCall(db, { callId: c.row.id, patch: c.finish, epoch, callback: c.callback, fulfilled: null });
    writes += c.events.length + 1;
  }
  const ms = performance.now() - t0;
  if (owner && (await db.outbox.count()) === 0) throw new Error('nothing was queued');
  db.close();
  await db.delete();
  return ms / writes;
}

export const syncBench = {
  /** The write path's cost per write without and with the outbox, interleaved to share the machine's moods. */
  async writeCost(calls: number, rounds: number): Promise<{ alone: number; queued: number }> {
    const owner = { personId: '00000000-0000-4000-8000-000000000001', organisationId: 'murmansk-sport' };
    const alone: number[] = [];
    const queued: number[] = [];
    for (let i = 0; i < rounds; i++) {
      alone.push(await recordPerWrite(calls, null));
      queued.push(await recordPerWrite(calls, owner));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    return { alone: median(alone), queued: median(queued) };
  },

  async ackLatency(
    calls: number,
    login: string,
    password: string,
  ): Promise<{ times: number[]; events: number }> {
    const session = await signIn(login, password);
    const owner = { personId: session.person.id, organisationId: session.organisation.id };
    const db = new AppDB(`sync-bench-${Date.now()}`);
    await db.open();
    setUploadOwner(db, owner);
    const epoch = await claimCallOwnership(db);
    const waiting = new Map<string, () => void>();
    const sync = startSync({
      db,
      owner,
      transport: {
        ...serverTransport,
        async send(batch) {
          const acks = await serverTransport.send(batch);
          for (const c of batch.calls) for (const e of c.events) waiting.get(`${c.callId}#${e.seq}`)?.();
          return acks;
        },
      },
    });
    const times: number[] = [];
    const timed = async (key: string, write: () => Promise<unknown>) => {
      const acked = new Promise<void>((resolve) => waiting.set(key, resolve));
      const t0 = performance.now();
      await write();
      await acked;
      times.push(performance.now() - t0);
      waiting.delete(key);
    };
    try {
      for (const c of benchCalls(calls, FROM)) {
        const [first, ...rest] = c.events;
        if (!first) continue;
        const id = c.row.id;
        await timed(`${id}#0`, () =>
          beginCall(db, { row: c.row, first: first.record, epoch, flow: benchFlow() }),
        );
        for (const e of rest)
          await timed(`${id}#${e.record.seq}`, () =>
            appendCallEvent(db, { record: e.record, row: e.row, callback: null, epoch }),
          );
        // The next call begins only once this one is closed, as on a workstation.
        await db.calls.update(id, { status: 'ended' });
      }
    } finally {
      sync.stop();
      db.close();
      await db.delete();
    }
    return { times: times.sort((a, b) => a - b), events: times.length };
  },
};
