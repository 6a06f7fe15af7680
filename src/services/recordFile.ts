// A call's record as a JSON file: the way out when storage failed mid-call, so nothing is lost.
// Carries the whole log (enough to replay the call) plus the summary and the wrap-up, when given.
import type { CallbackTask, CallRecordEvent } from '../calls';
import type { WrapUp } from './callOwner/types';

export const RECORD_FILE_FORMAT = 'sufler-call-record';

export interface RecordFile {
  format: typeof RECORD_FILE_FORMAT;
  version: 1;
  savedAt: number;
  callId: string;
  flowId: string;
  flowVersion: number;
  callbackId: string | null;
  callback: CallbackTask | null;
  wrapUp: WrapUp | null;
  log: CallRecordEvent[];
}

export function buildRecordFile(parts: Omit<RecordFile, 'format' | 'version'>): RecordFile {
  return { format: RECORD_FILE_FORMAT, version: 1, ...parts };
}

/** "sufler-call-2026-11-24-1030-<id>.json": sorts by time in a downloads folder. */
export function recordFileName(file: RecordFile): string {
  const started = file.log[0]?.at ?? file.savedAt;
  const stamp = new Date(started).toISOString().slice(0, 16).replace(/[T:]/g, '-');
  return `sufler-call-${stamp}-${file.callId.slice(0, 8)}.json`;
}

/** Offers the file as a download (the browser saves it to the operator's downloads folder). */
export function downloadRecordFile(file: RecordFile): void {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = recordFileName(file);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
