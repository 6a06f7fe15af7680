import { useId, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { importFlowFile } from '../db/editor';
import type { FlowIssue } from '../flows/issues';
import { FLOW_FILE_MAX_BYTES, readTextFile } from '../services/readTextFile';

type Props = { db: AppDB; onImported: () => void };

/** Loads a scripts-flows/ file as the next version of its flow; a file with errors changes nothing. */
export function FlowImport({ db, onImported }: Props) {
  const clock = useClock();
  const id = useId();
  const [result, setResult] = useState<{ ok: boolean; message: string; issues: FlowIssue[] } | null>(null);
  const text = t.editor.list;
  const onFile = async (file: File) => {
    const read = await readTextFile(file, FLOW_FILE_MAX_BYTES);
    if (!read.ok) {
      setResult({
        ok: false,
        message: t.files.problem(read.problem, file.name, FLOW_FILE_MAX_BYTES),
        issues: [],
      });
      return;
    }
    const r = await importFlowFile(db, read.text, file.name, clock.now());
    if (r.ok) {
      setResult({ ok: true, message: text.imported(r.flowId ?? '', r.version), issues: [] });
      onImported();
    } else setResult({ ok: false, message: text.importFailed(file.name, r.issues.length), issues: r.issues });
  };
  return (
    <div className="flow-import">
      <label htmlFor={id}>{text.import}</label>{' '}
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void onFile(file);
        }}
      />
      {result && (
        <div role={result.ok ? 'status' : 'alert'} data-testid="import-result">
          <p>{result.message}</p>
          {result.issues.length > 0 && (
            <ul>
              {result.issues.map((i, k) => (
                <li key={k}>{t.flows.issueLine(i)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
