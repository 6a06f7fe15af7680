import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { listFlowVersions, republishVersion, type FlowVersionRow } from '../db/editor';
import { flowFileText } from '../flows/edit';
import { DiffView } from './DiffView';
import { downloadText } from './download';

type Props = { db: AppDB; flowId: string; onChanged: () => void };

function sourceText(row: FlowVersionRow): string {
  const s = row.source;
  return typeof s === 'string'
    ? t.editor.versions.source(s)
    : t.editor.versions.source('rollback', s.rollbackOf);
}

/** The published versions: export one, roll back to one, compare any two. */
export function VersionsPanel({ db, flowId, onChanged }: Props) {
  const clock = useClock();
  const text = t.editor.versions;
  const [rows, setRows] = useState<FlowVersionRow[] | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void listFlowVersions(db, flowId).then((r) => {
      if (cancelled) return;
      setRows(r);
      const last = r.at(-1)?.version;
      const prev = r.at(-2)?.version;
      setPair((p) => p ?? (last !== undefined && prev !== undefined ? [prev, last] : null));
    });
    return () => {
      cancelled = true;
    };
  }, [db, flowId, generation]);
  if (!rows) return <p role="status">{t.editor.loading}</p>;
  if (rows.length === 0) return <p>{text.none}</p>;

  const rollback = async (version: number) => {
    const result = await republishVersion(db, flowId, version, clock.now());
    if (result.ok) setMessage(text.rolledBack(version, result.version));
    setGeneration((g) => g + 1);
    onChanged();
  };
  const versionOptions = rows.map((r) => (
    <option key={r.version} value={r.version}>
      {text.version(r.version)}
    </option>
  ));
  const before = rows.find((r) => r.version === pair?.[0]);
  const after = rows.find((r) => r.version === pair?.[1]);
  return (
    <section aria-label={text.title}>
      <h3>{text.title}</h3>
      {message && <p role="status">{message}</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.version} data-version={r.version}>
            {text.version(r.version)} — {sourceText(r)}{' '}
            <button
              type="button"
              aria-label={text.exportOf(r.version)}
              onClick={() => downloadText(`${r.flowId}.json`, flowFileText(r.flow))}
            >
              {text.export}
            </button>{' '}
            {r.version !== rows.at(-1)?.version && (
              <button
                type="button"
                aria-label={text.rollbackTo(r.version)}
                onClick={() => void rollback(r.version)}
              >
                {text.rollback}
              </button>
            )}
          </li>
        ))}
      </ul>
      {rows.length > 1 && (
        <div className="toolbar">
          <label>
            {text.from}{' '}
            <select
              value={pair?.[0] ?? ''}
              onChange={(e) => setPair([Number(e.target.value), pair?.[1] ?? Number(e.target.value)])}
            >
              {versionOptions}
            </select>
          </label>
          <label>
            {text.to}{' '}
            <select
              value={pair?.[1] ?? ''}
              onChange={(e) => setPair([pair?.[0] ?? Number(e.target.value), Number(e.target.value)])}
            >
              {versionOptions}
            </select>
          </label>
        </div>
      )}
      {before && after && <DiffView before={before.flow} after={after.flow} />}
    </section>
  );
}
