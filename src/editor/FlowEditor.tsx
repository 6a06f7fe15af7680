import { lazy, Suspense, useState } from 'react';
import { t } from '../i18n';
import { Tabs } from '../ui/Tabs';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { publishDraft } from '../db/editor';
import { CentrePublish } from './CentrePublish';
import { publishesToCentre } from './centrePublish';
import { EditorPage } from './EditorPage';
import { controlId } from './fieldKeys';
import { FlowFormView } from './FlowFormView';
import { IssueList } from './IssueList';
import { Sandbox } from './Sandbox';
import { useFlowDraft } from './useFlowDraft';
import { VersionsPanel } from './VersionsPanel';

// The diagram library is the heaviest part of the editor: it loads only when the diagram is opened.
const FlowDiagram = lazy(() => import('./FlowDiagram').then((m) => ({ default: m.FlowDiagram })));

type View = keyof typeof t.editor.flow.views;
const VIEWS: readonly View[] = ['form', 'diagram', 'sandbox', 'versions'];

type Props = { db: AppDB; flowId: string; onBack: () => void };

/** One flow: its draft as forms or a diagram, tried in the sandbox, published, compared by version. */
export function FlowEditor({ db, flowId, onBack }: Props) {
  const clock = useClock();
  const draft = useFlowDraft(db, flowId);
  const [view, setView] = useState<View>('form');
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Signed in as an editor: publishing goes to the whole centre, through its server (issue 18).
  const [toCentre] = useState(publishesToCentre);
  const text = t.editor.flow;
  if (draft.status === 'loading') return <p role="status">{t.editor.loading}</p>;
  const flow = draft.flow;
  if (!flow) return <p role="alert">{text.notFound}</p>;

  const goTo = (stepId: string | null, target: string) => {
    setView('form');
    setSelected(stepId);
    requestAnimationFrame(() => document.getElementById(target)?.focus());
  };
  const publish = async () => {
    await draft.flush();
    const result = await publishDraft(db, flowId, clock.now());
    setMessage(result.ok ? text.published(result.version) : text.cannotPublish);
    if (result.ok) draft.reload();
  };
  const saveText =
    draft.save === 'saved'
      ? draft.isDraft
        ? text.saved
        : text.noDraft
      : draft.save === 'saving'
        ? text.saving
        : text.unsaved;
  return (
    <EditorPage
      kind="flow"
      edited={flow}
      onBack={onBack}
      subtitle={
        <>
          {flow.id} · {text.basedOn(draft.baseVersion, draft.isDraft)} ·{' '}
          <span data-testid="save-state">{saveText}</span>
        </>
      }
    >
      <div className="toolbar">
        {!toCentre && (
          <button
            type="button"
            className="primary"
            disabled={!draft.isDraft || !draft.check.publishable}
            onClick={() => void publish()}
          >
            {text.publish}
          </button>
        )}
        {draft.isDraft && (
          <button type="button" onClick={() => void draft.discard()}>
            {text.discard}
          </button>
        )}
        {draft.isDraft && !draft.check.publishable && <span className="muted">{text.cannotPublish}</span>}
      </div>
      {toCentre && draft.isDraft && (
        <CentrePublish
          db={db}
          flow={flow}
          baseVersion={draft.baseVersion}
          publishable={draft.check.publishable}
          flush={draft.flush}
          onPublished={(m) => {
            setMessage(m);
            void draft.discard();
          }}
          onTakeTheirs={draft.discard}
        />
      )}
      {message && <p role="status">{message}</p>}
      <IssueList flow={flow} issues={draft.check.issues} onGoTo={goTo} />
      <Tabs
        label={text.viewsLabel}
        tabs={VIEWS.map((v) => ({ id: v, label: text.views[v] }))}
        selected={view}
        onSelect={setView}
      >
        {view === 'form' && (
          <FlowFormView
            flow={flow}
            edit={draft.edit}
            issues={draft.check.issues}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {view === 'diagram' && (
          <Suspense fallback={<p role="status">{t.editor.loading}</p>}>
            <FlowDiagram
              flow={flow}
              issues={draft.check.issues}
              onOpen={(id) => goTo(id, controlId(id, ''))}
            />
          </Suspense>
        )}
        {view === 'sandbox' && <Sandbox flow={flow} publishable={draft.check.publishable} />}
        {view === 'versions' && <VersionsPanel db={db} flowId={flowId} onChanged={draft.reload} />}
      </Tabs>
    </EditorPage>
  );
}
