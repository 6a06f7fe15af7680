// One call as an object of the JSON export (issue 19): the same calls and the same judgement as the CSV
// row (callRow.ts), but for a program rather than a person: stable English keys, codes rather than
// words, times in ISO 8601 (UTC) and durations in seconds, so Power Query, pandas or jq read it as is.
import type { Direction } from '../flows/types';
import type { RowCall } from './callRow';
import { complianceIssues, type ComplianceRule } from './compliance';
import { resultOf, transferredTo, type CallResult } from './result';

export interface CallJson {
  callId: string;
  startedAt: string;
  endedAt: string | null;
  operator: string;
  direction: Direction;
  flowId: string;
  flowVersion: number;
  /** Null when the caller gave none or the retention erased it (then `personalDataErased`). */
  callerName: string | null;
  callerPhone: string | null;
  personalDataErased: boolean;
  handleSeconds: number | null;
  afterCallSeconds: number | null;
  /** An outcome code, `transferred` or `none` (result.ts). */
  result: CallResult;
  /** Where a transferred call was put through to. */
  transferredTo: string | null;
  topic: string | null;
  /** Transfers counted against the cap: those before this operator and their own that connected. */
  transfers: number;
  holdsOverPromise: number;
  satisfaction: number | null;
  /** The standard's rules the call broke, judged at the moment of the export (standardRules.ts codes). */
  rulesBroken: ComplianceRule[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

export function callJson(c: RowCall, now: number): CallJson {
  const f = c.facts;
  return {
    callId: f.callId,
    startedAt: new Date(f.startedAt).toISOString(),
    endedAt: iso(f.endedAt),
    operator: f.operatorName,
    direction: f.direction,
    flowId: f.flowId,
    flowVersion: f.flowVersion,
    callerName: c.callerName,
    callerPhone: c.callerPhone,
    personalDataErased: f.erased,
    handleSeconds: seconds(f.handleMs),
    afterCallSeconds: seconds(f.afterCallMs),
    result: resultOf(f),
    transferredTo: transferredTo(f)?.targetName ?? null,
    topic: f.topic,
    transfers: f.transfersBefore + f.transfers.filter((x) => x.status !== 'failed').length,
    holdsOverPromise: f.holds.filter((h) => h.overtimeMs > 0).length,
    satisfaction: f.satisfaction,
    rulesBroken: [...new Set(complianceIssues(f, now).map((i) => i.rule))],
  };
}
