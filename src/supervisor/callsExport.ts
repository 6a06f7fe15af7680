// The filtered calls as files a supervisor takes away: CSV for Russian Excel and JSON for other tools.
import { complianceIssues, toCsv, type CsvCell } from '../analytics';
import { t } from '../i18n';
import { callerNameText, resultText } from './callText';
import { formatDateTime } from './format';
import type { SupervisorCall } from './useSupervisedCalls';

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

export function callsCsv(calls: readonly SupervisorCall[], now: number): string {
  const rows: CsvCell[][] = calls.map(({ row, facts }) => [
    row.id,
    formatDateTime(row.startedAt),
    row.operatorName,
    t.callbacks.history.directions[row.direction],
    row.flowId,
    row.flowVersion,
    callerNameText(row, facts),
    row.callerPhone === null ? null : { text: row.callerPhone },
    seconds(facts.handleMs),
    seconds(facts.afterCallMs),
    resultText(facts),
    row.topic,
    facts.transfersBefore + facts.transfers.filter((x) => x.status !== 'failed').length,
    facts.holds.filter((h) => h.overtimeMs > 0).length,
    row.satisfaction,
    complianceIssues(facts, now)
      .map((i) => t.supervisor.rules[i.rule])
      .join(', '),
  ]);
  return toCsv([t.supervisor.csv.header, ...rows]);
}

/** Summary rows with their figures and issues: what the list shows, for machines. */
export function callsJson(calls: readonly SupervisorCall[], now: number): string {
  return JSON.stringify(
    calls.map(({ row, facts }) => ({ ...row, facts, issues: complianceIssues(facts, now) })),
    null,
    2,
  );
}

export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
