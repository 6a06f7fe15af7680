import { useState } from 'react';
import { useApp } from '../app/AppContext';
import { t } from '../app/i18n';
import { EXCHANGE_FILE_MAX_BYTES, readTextFile } from '../app/readTextFile';
import type { AppDB } from '../db';
import { exportWorkstation, importWorkstation } from '../db/exchangeRepository';
import { callsCsv, callsJson, download } from './callsExport';
import { flowOf } from './flowOf';
import { importInWorker } from './supervisedCallsClient';
import { dayInput } from './format';
import { RetentionPanel } from './RetentionPanel';
import type { SupervisorCall } from './useSupervisedCalls';

type Props = { db: AppDB; calls: readonly SupervisorCall[]; now: number };

export function ExchangePanel({ db, calls, now }: Props) {
  const text = t.supervisor.exchange;
  const { settings } = useApp();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const stamp = dayInput(now);
  const operator = settings.operator ? `${settings.operator.surname} ${settings.operator.firstName}` : '';

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const read = await readTextFile(file, EXCHANGE_FILE_MAX_BYTES);
    if (!read.ok) {
      setMessage({ ok: false, text: t.files.problem(read.problem, file.name, EXCHANGE_FILE_MAX_BYTES) });
      return;
    }
    setMessage({ ok: true, text: text.importing });
    const result =
      (await importInWorker(db.name, read.text)) ??
      (await importWorkstation(db, read.text, flowOf).catch(() => null));
    setMessage(
      !result
        ? { ok: false, text: text.importFailed }
        : result.ok
          ? {
              ok: true,
              text: text.imported(result.calls.added, result.calls.updated, result.calls.unchanged),
            }
          : { ok: false, text: text.importProblem(result.problem) },
    );
  };

  return (
    <div className="exchange">
      <section>
        <h2>{text.exportTitle}</h2>
        <button
          type="button"
          onClick={() => download(`calls-${stamp}.csv`, callsCsv(calls, now), 'text/csv;charset=utf-8')}
        >
          {text.csv}
        </button>{' '}
        <button
          type="button"
          onClick={() => download(`calls-${stamp}.json`, callsJson(calls, now), 'application/json')}
        >
          {text.json}
        </button>
      </section>
      <section>
        <h2>{text.workstationTitle}</h2>
        <p>{text.workstationHint}</p>
        <button
          type="button"
          onClick={() =>
            void exportWorkstation(db, Date.now(), operator).then((file) =>
              download(`sufler-calls-${stamp}.json`, file, 'application/json'),
            )
          }
        >
          {text.workstationExport}
        </button>{' '}
        <label>
          {text.importLabel}{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onImport(e.target.files?.[0])}
          />
        </label>
        {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      </section>
      <RetentionPanel db={db} />
    </div>
  );
}
