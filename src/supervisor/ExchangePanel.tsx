import { useState } from 'react';
import { useApp } from '../services/AppContext';
import { useClock } from '../services/ClockContext';
import { t } from '../i18n';
import { EXCHANGE_FILE_MAX_BYTES, readTextFile } from '../services/readTextFile';
import type { AppDB } from '../db';
import { exportWorkstation, importWorkstation } from '../db/exchange';
import { callsCsv, callsJson, download } from './callsExport';
import { bundledFlowOf } from './bundledFlowOf';
import { importInWorker } from './supervisedCallsClient';
import { dayInput } from './format';
import { RetentionPanel } from './RetentionPanel';
import { ImportsToServer, type ImportsUpload } from './centre/importsUpload';
import type { SupervisorCall } from './useSupervisedCalls';

type Props = {
  db: AppDB;
  calls: readonly SupervisorCall[];
  now: number;
  /** Signed in to the centre: imported calls go to its server too (issue 19). */
  toServer?: ImportsUpload | null;
};

export function ExchangePanel({ db, calls, now, toServer = null }: Props) {
  const clock = useClock();
  const text = t.supervisor.exchange;
  const { settings } = useApp();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const stamp = dayInput(now);
  const operator = settings.operator ? `${settings.operator.surname} ${settings.operator.firstName}` : '';

  /** One file, checked and stored whole or not at all: what to say about it. */
  const importOne = async (file: File): Promise<{ ok: boolean; text: string }> => {
    const read = await readTextFile(file, EXCHANGE_FILE_MAX_BYTES);
    if (!read.ok)
      return { ok: false, text: t.files.problem(read.problem, file.name, EXCHANGE_FILE_MAX_BYTES) };
    // In the worker where the browser has one (null: the worker or storage failed); else on the page.
    const result = await (importInWorker(db.name, read.text) ??
      importWorkstation(db, read.text, bundledFlowOf).catch(() => null));
    if (!result) return { ok: false, text: text.importFailed };
    if (!result.ok) return { ok: false, text: text.importProblem(result.problem) };
    const imported = text.imported(result.calls.added, result.calls.updated, result.calls.unchanged);
    if (toServer && !(await toServer.queue(result.callIds)))
      return { ok: false, text: `${imported} ${text.toServer.queueFailed}` };
    return { ok: true, text: imported };
  };

  // A workstation's export may come as several files: each is imported on its own, in turn.
  const onImport = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setMessage({ ok: true, text: text.importing });
    const said: { ok: boolean; text: string }[] = [];
    for (const file of files) said.push(await importOne(file));
    const [only] = said;
    setMessage(
      only && said.length === 1
        ? only
        : {
            ok: said.every((m) => m.ok),
            text: said.map((m, i) => text.fileResult(files[i]?.name ?? '', m.text)).join(' '),
          },
    );
  };

  const onExport = async () => {
    const parts = await exportWorkstation(db, clock.now(), operator);
    parts.forEach((file, i) =>
      download(
        parts.length === 1
          ? `sufler-calls-${stamp}.json`
          : `sufler-calls-${stamp}-${i + 1}-of-${parts.length}.json`,
        file,
        'application/json',
      ),
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
        <button type="button" onClick={() => void onExport()}>
          {text.workstationExport}
        </button>{' '}
        <label>
          {text.importLabel}{' '}
          <input
            type="file"
            accept=".json,application/json"
            multiple
            onChange={(e) => void onImport([...(e.target.files ?? [])])}
          />
        </label>
        {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
        {toServer && <ImportsToServer upload={toServer} />}
      </section>
      <RetentionPanel db={db} />
    </div>
  );
}
