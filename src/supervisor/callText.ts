// A call's ending and its caller as the list, the export and the record word them.
import { callerWording, resultName, resultWording, type CallFacts, type CallResult } from '../analytics';
import { callsExport } from '../i18n/ru/callsExport';
import type { CallRow } from '../db';

/** How a call ended, as the list, the filter, the export and the dashboard name it. */
export const resultLabel = (result: CallResult): string => resultName(result, callsExport);

/** The outcome, or where the call was put through to. */
export const resultText = (facts: CallFacts): string => resultWording(facts, callsExport);

/** The caller's name; when there is none, whether the caller gave none or the retention erased it. */
export const callerNameText = (row: CallRow, facts: CallFacts): string =>
  callerWording(
    { facts, callerName: row.callerName, callerPhone: null, open: row.status !== 'ended' },
    callsExport,
  );
