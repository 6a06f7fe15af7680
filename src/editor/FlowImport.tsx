import { useId, useState } from 'react';
import { t } from '../app/i18n';
import { systemClock } from '../calls/clock';
import type { AppDB } from '../db/db';
import { importFlowFile } from '../db/flowsRepository';
import type { FlowIssue } from '../flows/issues';

type Props = { db: AppDB; onImported: () => void };

/** Loads a scripts-flows/ file as the next version of its flow; a file with errors changes nothing. */
export function FlowImport({ db, onImported }: Props) {
  const id = useId();
  const [result, setResult] = useState<{ message: string; issues: FlowIssue[] } | null>(null);
  const text = t.editor.list;
  const onFile = async (file: File) => {
    const body = await file.text();
    const r = await importFlowFile(db, body, file.name, systemClock.now());
    if (r.ok) {
      setResult({ message: text.imported(r.flowId ?? '', r.version), issues: [] });
      onImported();
    } else setResult({ message: text.importFailed(file.name, r.issues.length), issues: r.issues });
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
        <div role={result.issues.length > 0 ? 'alert' : 'status'} data-testid="import-result">
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
