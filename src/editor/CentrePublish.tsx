// Publishing a flow to the whole centre (issue 18): a change note, an optional go-live time in the
// organisation's time zone, and, when someone published since the draft began, the difference from
// their version with the editor's two choices. Nothing is overwritten without the editor deciding.
import { useId, useState } from 'react';
import { t } from '../i18n';
import type { AppDB } from '../db';
import { zonedToUtc } from '../flows/zonedTime';
import type { FlowDefinition } from '../flows/types';
import { useApp } from '../services/AppContext';
import { publishToCentre, type CentrePublishResult } from './centrePublish';
import { DiffView } from './DiffView';
import { PublishRefusal } from './PublishRefusal';

type Props = {
  db: AppDB;
  flow: FlowDefinition;
  baseVersion: number | null;
  publishable: boolean;
  flush: () => Promise<void>;
  /** Published: the message to show; the draft is done with. */
  onPublished: (message: string) => void;
  /** The editor took the newer version: the draft goes. */
  onTakeTheirs: () => Promise<void>;
};

const DEFAULT_ZONE = 'Europe/Moscow';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant a datetime-local value names on the organisation's clock; null when empty or malformed. */
function goLiveAt(value: string, timeZone: string): number | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  return zonedToUtc(y ?? 0, mo ?? 1, d ?? 1, (h ?? 0) * 60 + (mi ?? 0), timeZone);
}

export function CentrePublish({
  db,
  flow,
  baseVersion,
  publishable,
  flush,
  onPublished,
  onTakeTheirs,
}: Props) {
  const text = t.editor.flow;
  const words = text.centre;
  const timeZone = useApp().settings.organisation?.timeZone ?? DEFAULT_ZONE;
  const [note, setNote] = useState('');
  const [goLive, setGoLive] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CentrePublishResult | null>(null);
  const noteId = useId();
  const goLiveId = useId();

  const publish = async (base: number | null) => {
    setBusy(true);
    try {
      await flush();
      const r = await publishToCentre(db, flow, base, note, goLiveAt(goLive, timeZone));
      setResult(r);
      if (r.kind === 'published') {
        const at = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone });
        onPublished(
          goLive
            ? words.scheduled(r.version, at.format(Date.parse(r.effectiveAt)))
            : text.published(r.version),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const conflict = result?.kind === 'conflict' ? result : null;
  return (
    <div className="centre-publish">
      <label htmlFor={noteId}>{words.note}</label>
      <textarea id={noteId} value={note} rows={2} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={goLiveId}>{words.goLive}</label>
      <input id={goLiveId} type="datetime-local" value={goLive} onChange={(e) => setGoLive(e.target.value)} />
      <button
        type="button"
        className="primary"
        disabled={!publishable || busy}
        onClick={() => void publish(baseVersion)}
      >
        {text.publish}
      </button>
      {result?.kind === 'refused' && (
        <PublishRefusal message={result.message} unreachable={words.unreachable} issues={result.issues} />
      )}
      {conflict && (
        <section className="centre-conflict" aria-labelledby={`${goLiveId}-conflict`} role="alert">
          <h3 id={`${goLiveId}-conflict`}>{words.conflictTitle(conflict.latest.version, conflict.author)}</h3>
          <p>{conflict.message}</p>
          <h4>{words.conflictDiff(conflict.latest.version)}</h4>
          <DiffView before={conflict.latest} after={flow} />
          <div className="toolbar">
            <button type="button" disabled={busy} onClick={() => void publish(conflict.latest.version)}>
              {words.keepMine(conflict.latest.version)}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setResult(null);
                void onTakeTheirs();
              }}
            >
              {words.takeTheirs(conflict.latest.version)}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
