// A call's ending and its caller as the list, the export and the record word them.
import { resultOf, transferredTo, type CallFacts, type CallResult } from '../analytics';
import { t } from '../i18n';
import type { CallRow } from '../db';

/** How a call ended, as the list, the filter, the export and the dashboard name it. */
export function resultLabel(result: CallResult): string {
  return result === 'transferred' || result === 'none'
    ? t.supervisor.results[result]
    : t.calls.outcomes[result];
}

/** The outcome, or where the call was put through to. */
export function resultText(facts: CallFacts): string {
  const result = resultOf(facts);
  const target = result === 'transferred' ? transferredTo(facts) : null;
  return target ? t.supervisor.transferredTo(target.targetName) : resultLabel(result);
}

/** The caller's name; when there is none, whether the caller gave none or the retention erased it. */
export function callerNameText(row: CallRow, facts: CallFacts): string {
  if (row.callerName !== null) return row.callerName;
  if (row.status !== 'ended') return '';
  return facts.erased ? t.supervisor.list.erased : t.supervisor.list.noName;
}
