// A transfer that carries the call (issue 17): when the colleague in the directory uses Sufler, the
// transfer hands over what the caller already told — their card, the need, the notes for the colleague
// and how many transfers the call went through — and the colleague's call starts from it, its transfer
// count continued (never guessed by the operator), one client call across desks.

import type { FlowDefinition } from '../flows/types';
import type { CallContext, CallStart } from './context';
import type { CareFlag, PersonKind } from './events';
import { operatorFullName } from './organisation';
import type { CallAnnotations } from './notes';
import { TRANSFER_CAP } from './rules';

export interface Handover {
  /** `<callId>:transfer:<n>`: the same transfer filed twice is one handover. */
  id: string;
  fromCallId: string;
  /** The client call this desk's call belongs to: the first call's id, carried along the chain. */
  chainId: string;
  recipientPersonId: string;
  /** The directory entry the operator chose. */
  colleagueId: string;
  caller: { name: string | null; phone: string | null; person: PersonKind | null; care: CareFlag[] };
  /** The need as the operator wrote it down in the call. */
  need: string;
  /** What the operator told the colleague with the transfer. */
  notes: string;
  /** Transfers the call went through, this one included (1 or 2). */
  transfers: number;
  at: number;
  fromOperator: string;
}

/** The colleague's server account behind a directory entry, when they use Sufler. */
function recipientOf(ctx: CallContext, colleagueId: string): string | null {
  for (const d of ctx.organisation.departments)
    for (const c of d.colleagues) if (c.id === colleagueId) return c.personId ?? null;
  return null;
}

/**
 * The handover of the call's latest transfer to a colleague who uses Sufler, or null (a department, a
 * colleague without an account, a failed transfer). `start` is the call's start record.
 */
export function handoverOf(ctx: CallContext, notes: CallAnnotations, start: CallStart): Handover | null {
  const index = ctx.transfers.length - 1;
  const transfer = ctx.transfers[index];
  if (!transfer || transfer.status === 'failed' || transfer.target.kind !== 'colleague') return null;
  const recipient = recipientOf(ctx, transfer.target.id);
  if (!recipient) return null;
  const transfers = ctx.transfersBefore + ctx.transfers.filter((t) => t.status !== 'failed').length;
  if (transfers > TRANSFER_CAP) return null;
  return {
    id: `${ctx.callId}:transfer:${index}`,
    fromCallId: ctx.callId,
    chainId: start.handover?.chainId ?? ctx.callId,
    recipientPersonId: recipient,
    colleagueId: transfer.target.id,
    caller: {
      name: ctx.fields.callerName ?? null,
      phone: ctx.fields.callerPhone ?? ctx.callerPhone,
      person: notes.person,
      care: notes.care,
    },
    need: ctx.fields.need ?? '',
    notes: transfer.summary,
    transfers,
    at: transfer.at,
    fromOperator: operatorFullName(ctx.operator),
  };
}

/** Why a handed-over call cannot be taken: it would be a transfer beyond the standard's cap. */
export function handoverRefusal(h: Pick<Handover, 'transfers'>): 'transferLimitReached' | null {
  return h.transfers > TRANSFER_CAP ? 'transferLimitReached' : null;
}

/**
 * How the colleague's call starts: the transfer count continued from the handed-over call (the
 * «Звонок уже переключали» answer is the system's), the caller's phone, the chain, and the fields the
 * caller already gave, filled before the colleague says a word.
 */
export function handoverStart(
  h: Pick<Handover, 'id' | 'chainId' | 'need' | 'transfers'> & {
    caller: Pick<Handover['caller'], 'name' | 'phone'>;
  },
): {
  transfersBefore: number;
  callerPhone: string | null;
  handover: NonNullable<CallStart['handover']>;
  prefills: [fieldId: string, value: string][];
} {
  const prefills: [string, string][] = [];
  if (h.caller.name) prefills.push(['callerName', h.caller.name]);
  if (h.need) prefills.push(['need', h.need]);
  return {
    transfersBefore: Math.min(h.transfers, TRANSFER_CAP),
    callerPhone: h.caller.phone,
    handover: { id: h.id, chainId: h.chainId },
    prefills,
  };
}

/**
 * The option that takes a handed-over call past its greeting (the caller was greeted at the first desk):
 * the flow's start step when it is a greeting with one way on, else null (the colleague starts as usual).
 */
export function pastGreetingOption(flow: FlowDefinition): string | null {
  const step = flow.steps.find((s) => s.id === flow.start);
  if (step?.stage !== 'greeting' || step.options.length !== 1) return null;
  return step.options[0]?.id ?? null;
}
