import { useCallback, useEffect, useState } from 'react';
import { t } from '../i18n';
import { bundledFlows } from '../services/flowCatalog';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import {
  createDraftFrom,
  latestFlowVersion,
  listFlows,
  seedBundledFlows,
  setArchived,
  type FlowSummary,
} from '../db/editor';
import { flowFileText, freeId } from '../flows/edit';
import { downloadZip } from './download';
import { FlowImport } from './FlowImport';
import { NewFlowForm } from './NewFlowForm';

type Props = { db: AppDB; onOpen: (flowId: string) => void };

/** Every flow with its versions and status; create, copy, archive, import. */
export function FlowList({ db, onOpen }: Props) {
  const clock = useClock();
  const text = t.editor.list;
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const refresh = useCallback(async () => {
    // The shipped flows become version rows once, so they can be compared and rolled back to.
    await seedBundledFlows(db, bundledFlows().flows, clock.now());
    setFlows(await listFlows(db));
  }, [db, clock]);
  useEffect(() => void refresh(), [refresh]);
  if (!flows) return <p role="status">{t.editor.loading}</p>;

  const duplicate = async (f: FlowSummary) => {
    const source = await latestFlowVersion(db, f.id);
    if (!source) return;
    const id = freeId(
      flows.map((x) => x.id),
      `${f.id}-copy`,
    );
    if (await createDraftFrom(db, source.flow, id, text.copyTitle(f.title), clock.now())) onOpen(id);
  };
  const archive = async (f: FlowSummary, archived: boolean) => {
    await setArchived(db, f.id, archived);
    await refresh();
  };
  // The newest version of every flow as its scripts-flows/ file, in one archive.
  const exportAll = async () => {
    const latest = await Promise.all(flows.map((f) => latestFlowVersion(db, f.id)));
    const files = latest
      .filter((v) => v !== undefined)
      .map((v) => ({ name: `scripts-flows/${v.flow.id}.json`, text: flowFileText(v.flow) }));
    downloadZip('scripts-flows.zip', files);
  };
  return (
    <section aria-labelledby="flow-list-title">
      <h2 id="flow-list-title">{text.title}</h2>
      {flows.length === 0 && <p>{text.empty}</p>}
      <ul className="flow-list">
        {flows.map((f) => (
          <li key={f.id} data-flow-id={f.id}>
            <strong>{f.title}</strong> <code>{f.id}</code> — {text.status[f.status]},{' '}
            {text.versions(f.versions)}
            {f.hasDraft && `, ${text.hasDraft}`}{' '}
            <button type="button" aria-label={text.openOf(f.title)} onClick={() => onOpen(f.id)}>
              {text.open}
            </button>{' '}
            {f.versions.length > 0 && (
              <button type="button" aria-label={text.duplicateOf(f.title)} onClick={() => void duplicate(f)}>
                {text.duplicate}
              </button>
            )}{' '}
            {f.versions.length > 0 && (
              <button
                type="button"
                aria-label={f.status === 'archived' ? text.unarchiveOf(f.title) : text.archiveOf(f.title)}
                onClick={() => void archive(f, f.status !== 'archived')}
              >
                {f.status === 'archived' ? text.unarchive : text.archive}
              </button>
            )}
          </li>
        ))}
      </ul>
      <NewFlowForm db={db} flows={flows} onCreated={onOpen} />
      <FlowImport db={db} onImported={() => void refresh()} />
      <p>
        <button type="button" onClick={() => void exportAll()}>
          {text.exportAll}
        </button>{' '}
        <span className="muted">{text.exportAllHint}</span>
      </p>
    </section>
  );
}
