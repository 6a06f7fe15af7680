// The filtered calls as files a supervisor takes away: CSV for Russian Excel and JSON for other tools.
import { callRow, complianceIssues, toCsv } from '../analytics';
import { callsExport } from '../i18n/ru/callsExport';
import { formatDateTime } from './format';
import type { SupervisorCall } from './useSupervisedCalls';

export function callsCsv(calls: readonly SupervisorCall[], now: number): string {
  const rows = calls.map((c) =>
    callRow({ ...c, open: c.row.status !== 'ended' }, callsExport, now, formatDateTime),
  );
  return toCsv([callsExport.header, ...rows]);
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
