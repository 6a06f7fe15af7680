// Call events as a workstation uploads them, for the server's tests and bench: the shape of
// src/calls/record.ts, small but whole.
import type { Kysely } from 'kysely';
import type { CallEventBatch } from '../../src/protocol';
import type { Database } from '../../src/server/storage/schema';
import { loadFlow } from '../calls/helpers';

type UploadedEvent = CallEventBatch['calls'][number]['events'][number];

const T0 = Date.UTC(2026, 11, 6, 9, 0);
/** A flow every organisation is given with the build (scripts-flows), so the server knows its version. */
export const FLOW = loadFlow('inbound-consultation.json');

export function callEvent(
  callId: string,
  seq: number,
  overrides: Partial<UploadedEvent> = {},
): UploadedEvent {
  return {
    seq,
    at: T0 + seq * 1000,
    callId,
    flowId: FLOW.id,
    flowVersion: FLOW.version,
    event:
      seq === 0
        ? { type: 'call.started', at: T0, start: { callId, direction: 'inbound', transfersBefore: 0 } }
        : { type: 'operator.next', optionId: `option-${seq}` },
    after: { state: 'active', stepId: `step-${seq}` },
    ...overrides,
  };
}

/** Events from..to (inclusive) of one call. */
export function callEvents(callId: string, from: number, to: number): UploadedEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => callEvent(callId, from + i));
}

export function batch(organisationId: string, ...calls: [callId: string, events: UploadedEvent[]][]) {
  return { organisationId, calls: calls.map(([callId, events]) => ({ callId, events })) };
}

/** The database with every statement its storage sends counted (the database's work is what the centre pays for). */
export function countingStatements(db: Kysely<Database>): { db: Kysely<Database>; statements: number } {
  const counted = { db, statements: 0 };
  counted.db = db.withPlugin({
    transformQuery: (args) => ((counted.statements += 1), args.node),
    transformResult: (args) => Promise.resolve(args.result),
  });
  return counted;
}

/** The database failing every statement whose text holds `text`: as if it went away at that moment. */
export function failingAt(db: Kysely<Database>, text: string): Kysely<Database> {
  return db.withPlugin({
    transformQuery: (args) => {
      if (JSON.stringify(args.node).includes(text)) throw new Error('the database went away');
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  });
}
