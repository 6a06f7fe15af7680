// The flow being edited: the stored draft, else the newest version; every change is saved shortly after
// the editor stops typing (and at once when the page hides), so a reload loses nothing.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { discardDraft, getDraft, latestFlowVersion, saveDraft } from '../db/editor';
import { checkDraft, type DraftCheck } from '../flows/edit';
import type { FlowDefinition } from '../flows/types';
import { centreDraft, discardCentreDraft, publishesToCentre, saveCentreDraft } from './centrePublish';
import { useDraftEdit, useDraftSaving, type LoadedDraft, type SaveState } from './useDraftSaving';

type Loaded = LoadedDraft<FlowDefinition, number | null>;

export interface FlowDraft {
  status: 'loading' | 'missing' | 'ready';
  flow: FlowDefinition | null;
  baseVersion: number | null;
  isDraft: boolean;
  check: DraftCheck;
  save: SaveState;
  edit: (change: (flow: FlowDefinition) => FlowDefinition) => void;
  /** Saves anything pending now (before publishing). */
  flush: () => Promise<void>;
  /** Drops the draft and goes back to the newest version. */
  discard: () => Promise<void>;
  reload: () => void;
}

const NO_CHECK: DraftCheck = { issues: [], publishable: false };

export function useFlowDraft(db: AppDB, flowId: string): FlowDraft {
  const clock = useClock();
  const [loaded, setLoaded] = useState<Loaded | null | 'missing'>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const draft = await getDraft(db, flowId);
      // The editor's draft typed on another workstation of the centre, when there is none here.
      const remote = !draft && publishesToCentre() ? await centreDraft(flowId) : null;
      const latest = draft ? undefined : await latestFlowVersion(db, flowId);
      if (cancelled) return;
      if (draft) setLoaded({ text: draft.draft, base: draft.baseVersion, isDraft: true });
      else if (remote && remote.draft.id === flowId && Array.isArray(remote.draft.steps))
        setLoaded({
          // Typed by this editor and checked as they typed; errors and all, as a local draft is.
          text: remote.draft as unknown as FlowDefinition,
          base: remote.baseVersion,
          isDraft: true,
        });
      else if (latest) setLoaded({ text: latest.flow, base: latest.version, isDraft: false });
      else setLoaded('missing');
    })();
    return () => {
      cancelled = true;
    };
  }, [db, flowId, generation]);

  const saving = useDraftSaving(
    useCallback(
      async ({ text: flow, base }: { text: FlowDefinition; base: number | null }) => {
        await saveDraft(db, flow, base, clock.now());
        // The server keeps it too, for the editor's other workstations; offline, the local copy carries it.
        if (publishesToCentre()) void saveCentreDraft(flow, base);
      },
      [db, clock],
    ),
  );
  const edit = useDraftEdit(setLoaded, saving);

  const flow = loaded !== null && loaded !== 'missing' ? loaded.text : null;
  const check = useMemo(() => (flow ? checkDraft(flow) : NO_CHECK), [flow]);

  const { cancel } = saving;
  const discard = useCallback(async () => {
    cancel();
    await discardDraft(db, flowId);
    if (publishesToCentre()) await discardCentreDraft(flowId);
    setGeneration((g) => g + 1);
  }, [db, flowId, cancel]);

  return {
    status: loaded === null ? 'loading' : loaded === 'missing' ? 'missing' : 'ready',
    flow,
    baseVersion: loaded !== null && loaded !== 'missing' ? loaded.base : null,
    isDraft: loaded !== null && loaded !== 'missing' && loaded.isDraft,
    check,
    save: saving.state,
    edit,
    flush: saving.flush,
    discard,
    reload: () => setGeneration((g) => g + 1),
  };
}
