// A call taken on from a colleague's handover starts past the greeting, with the transfer count the
// handed-over call reached (the system's answer to «Звонок уже переключали»), the chain in its start
// record, and what the caller already said filled in; at the cap the colleague cannot transfer again.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handoverStart, type Handover } from '../../../src/calls/handover';
import { AppDB, readLog } from '../../../src/db';
import { createCallController, type AppCallController } from '../../../src/services/callOwner/controller';
import { singleTabCallLock } from '../../../src/services/callOwner/lock';
import { flowFrom, OPERATOR, ORG, TINY_FLOW } from '../../calls/helpers';

const FLOW = flowFrom(TINY_FLOW);
const dbs: AppDB[] = [];
const controllers: AppCallController[] = [];
afterEach(async () => {
  controllers.splice(0).forEach((c) => c.dispose());
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

const HANDOVER: Handover = {
  id: 'first-call:transfer:0',
  fromCallId: 'first-call',
  chainId: 'first-call',
  recipientPersonId: 'me',
  colleagueId: 'sv-kovaleva',
  caller: { name: 'Ольга Ивановна', phone: '+79123456789', person: null, care: [] },
  need: 'запись на приём',
  notes: 'просит четверг',
  transfers: 2,
  at: 0,
  fromOperator: 'Смирнова Анна Сергеевна',
};

describe('a call taken on from a handover', () => {
  it('starts past the greeting with the count continued, the chain recorded and the caller known', async () => {
    const db = new AppDB(`handover-start-${Date.now()}`);
    dbs.push(db);
    const controller = createCallController({
      db,
      organisation: ORG,
      operator: OPERATOR,
      flows: [FLOW],
      clock: { now: () => Date.now() },
      lock: singleTabCallLock(),
      newId: () => 'second-call',
    });
    controllers.push(controller);
    await controller.ready;
    // What the screen would show, each time it is told the call changed: never the greeting.
    const shown: string[] = [];
    controller.subscribe(() => {
      const active = controller.getActive();
      if (active?.stored) shown.push(active.stored.getSnapshot().view.context.stepId);
    });
    const start = handoverStart(HANDOVER);
    const call = await controller.start({
      flowId: FLOW.id,
      direction: 'inbound',
      transfersBefore: start.transfersBefore,
      ...(start.callerPhone ? { callerPhone: start.callerPhone } : {}),
      handover: { ...start.handover, prefills: start.prefills },
    });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain(FLOW.start);
    const ctx = call.session.getSnapshot().context;
    expect(ctx.transfersBefore).toBe(2);
    expect(ctx.fields).toMatchObject({ callerName: 'Ольга Ивановна' });
    expect(ctx.visited).toContain(FLOW.start);
    expect(ctx.stepId).not.toBe(FLOW.start);
    const log = await readLog(db, 'second-call');
    expect(log[0]?.event).toMatchObject({
      type: 'call.started',
      start: { transfersBefore: 2, handover: { id: HANDOVER.id, chainId: 'first-call' } },
    });
    const refused = await call.send({
      type: 'operator.transfer',
      target: { kind: 'department', id: 'reception' },
      summary: 'ещё раз',
    });
    expect(refused.notice).toMatchObject({ code: 'transferLimitReached' });
  });
});
