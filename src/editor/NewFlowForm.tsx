import { useId, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { createDraftFrom, latestFlowVersion, type FlowSummary } from '../db/editor';

type Props = { db: AppDB; flows: readonly FlowSummary[]; onCreated: (id: string) => void };

const ID = /^[a-z][a-z0-9-]*$/;

/** A new flow starts as a copy of an existing one (a sample): the standard's stages are already there. */
export function NewFlowForm({ db, flows, onCreated }: Props) {
  const clock = useClock();
  const text = t.editor.list;
  const sampleId = useId();
  const idId = useId();
  const [sample, setSample] = useState(flows[0]?.id ?? '');
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    if (!ID.test(id)) return setError(text.idBad);
    const source = await latestFlowVersion(db, sample);
    if (!source) return;
    const ok = await createDraftFrom(db, source.flow, id, text.newTitle, clock.now());
    if (!ok) return setError(text.idTaken);
    setError(null);
    onCreated(id);
  };
  return (
    <form
      className="new-flow"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h3>{text.createFrom}</h3>
      <label htmlFor={sampleId}>{text.sample}</label>{' '}
      <select id={sampleId} value={sample} onChange={(e) => setSample(e.target.value)}>
        {flows
          .filter((f) => f.versions.length > 0)
          .map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
      </select>{' '}
      <label htmlFor={idId}>{text.newId}</label>{' '}
      <input
        id={idId}
        value={id}
        onChange={(e) => setId(e.target.value.trim())}
        aria-invalid={error !== null || undefined}
      />{' '}
      <button type="submit">{text.create}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
