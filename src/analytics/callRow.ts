// One call as a row of the calls export: the same columns and words whether the workspace writes the file
// from its own calls or the server streams it page by page. The words come from the catalogue (the
// caller passes them), the date from the caller's time zone, the moment compliance is judged at as `now`.
import type { Direction, Outcome } from '../flows/types';
import type { CallFacts } from './callFacts';
import { complianceIssues, type ComplianceRule } from './compliance';
import type { CsvCell } from './csv';
import type { ListedCall } from './listing';
import { resultOf, transferredTo, type CallResult } from './result';

/** The catalogue's words the export uses. */
export interface CallRowWords {
  header: readonly string[];
  directions: Readonly<Record<Direction, string>>;
  outcomes: Readonly<Record<Outcome, string>>;
  results: Readonly<Record<Exclude<CallResult, Outcome>, string>>;
  transferredTo: (targetName: string) => string;
  rules: Readonly<Record<ComplianceRule, string>>;
  erased: string;
  noName: string;
}

export interface RowCall extends ListedCall {
  /** A call still going on names no missing caller yet (the workspace lists calls in progress). */
  open?: boolean;
}

/** How a call ended, as the list, the filter, the export and the dashboard name it. */
export function resultName(result: CallResult, words: Pick<CallRowWords, 'outcomes' | 'results'>): string {
  return result === 'transferred' || result === 'none' ? words.results[result] : words.outcomes[result];
}

/** The outcome, or where the call was put through to. */
export function resultWording(
  facts: CallFacts,
  words: Pick<CallRowWords, 'outcomes' | 'results' | 'transferredTo'>,
): string {
  const result = resultOf(facts);
  const target = result === 'transferred' ? transferredTo(facts) : null;
  return target ? words.transferredTo(target.targetName) : resultName(result, words);
}

/** The caller's name; when there is none, whether the caller gave none or the retention erased it. */
export function callerWording(c: RowCall, words: Pick<CallRowWords, 'erased' | 'noName'>): string {
  if (c.callerName !== null) return c.callerName;
  if (c.open) return '';
  return c.facts.erased ? words.erased : words.noName;
}

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

/** The row under CallRowWords.header. */
export function callRow(
  c: RowCall,
  words: CallRowWords,
  now: number,
  date: (ms: number) => string,
): CsvCell[] {
  const f = c.facts;
  return [
    f.callId,
    date(f.startedAt),
    f.operatorName,
    words.directions[f.direction],
    f.flowId,
    f.flowVersion,
    callerWording(c, words),
    c.callerPhone === null ? null : { text: c.callerPhone },
    seconds(f.handleMs),
    seconds(f.afterCallMs),
    resultWording(f, words),
    f.topic,
    f.transfersBefore + f.transfers.filter((x) => x.status !== 'failed').length,
    f.holds.filter((h) => h.overtimeMs > 0).length,
    f.satisfaction,
    complianceIssues(f, now)
      .map((i) => words.rules[i.rule])
      .join(', '),
  ];
}
