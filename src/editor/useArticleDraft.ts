// The article being edited (issue 18): the editor's draft if they have one — typed here, or on another
// workstation and kept by the server — else the article as the list shows it. Every change is saved here
// shortly after the editor stops typing (and at once when the page hides), then on the server; offline,
// the local copy waits and goes up the next time the article is opened.
import { useCallback, useEffect, useState } from 'react';
import type { AppDB } from '../db';
import {
  articleEditBase,
  deleteArticleDrafts,
  getArticleDraft,
  markArticleDraftSynced,
  putArticleDraft,
} from '../db/editor';
import { useClock } from '../services/ClockContext';
import type { ArticleFields } from './articleFile';
import {
  articleDraftOwner,
  centreArticleDraft,
  discardCentreArticleDraft,
  restoreArticleFields,
  saveCentreArticleDraft,
} from './articleDrafts';
import { publishesToCentre } from './centrePublish';
import { useDraftEdit, useDraftSaving, type LoadedDraft, type SaveState } from './useDraftSaving';

type Loaded = LoadedDraft<ArticleFields, string | null>;

export interface ArticleDraftState {
  /** Null while loading. */
  fields: ArticleFields | null;
  /** Digest of the published text the edit started from (null: a new article). */
  base: string | null;
  isDraft: boolean;
  save: SaveState;
  edit: (change: (fields: ArticleFields) => ArticleFields) => void;
  /** Saves anything pending now. */
  flush: () => Promise<void>;
  /** Drops the draft here and on the server, back to the article as it was. */
  discard: () => Promise<void>;
  /** Drops the draft, keeping its text (saved into this workstation's knowledge base, no centre). */
  settle: () => Promise<void>;
}

async function loadDraft(db: AppDB, initial: ArticleFields): Promise<Loaded> {
  const owner = articleDraftOwner();
  const local = await getArticleDraft(db, owner, initial.id);
  const fromLocal = local && restoreArticleFields(local.fields, initial.id);
  if (local && fromLocal && (!local.synced || !publishesToCentre())) {
    // Typed here while the server was away: it goes up now.
    if (publishesToCentre() && (await saveCentreArticleDraft(fromLocal, local.base)))
      await markArticleDraftSynced(db, owner, initial.id, local.savedAt);
    return { text: fromLocal, base: local.base, isDraft: true };
  }
  if (publishesToCentre()) {
    // The server has the editor's latest from any of their workstations.
    const remote = await centreArticleDraft(initial.id);
    const fields = remote.kind === 'found' ? restoreArticleFields(remote.draft.draft, initial.id) : null;
    if (remote.kind === 'found' && fields) {
      const savedAt = Date.parse(remote.draft.savedAt);
      await putArticleDraft(db, {
        owner,
        id: initial.id,
        fields,
        base: remote.draft.base,
        savedAt,
        synced: true,
      });
      return { text: fields, base: remote.draft.base, isDraft: true };
    }
    // Published or discarded elsewhere since this copy went up: it is done with.
    if (remote.kind === 'none' && local) await deleteArticleDrafts(db, owner, [initial.id]);
    else if (remote.kind === 'unreachable' && fromLocal)
      return { text: fromLocal, base: local.base, isDraft: true };
  }
  return { text: initial, base: await articleEditBase(db, initial.id), isDraft: false };
}

export function useArticleDraft(db: AppDB, initial: ArticleFields): ArticleDraftState {
  const clock = useClock();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadDraft(db, initial).then((l) => {
      if (!cancelled) setLoaded(l);
    });
    return () => {
      cancelled = true;
    };
  }, [db, initial]);

  const saving = useDraftSaving(
    useCallback(
      async ({ text: fields, base }: { text: ArticleFields; base: string | null }) => {
        const owner = articleDraftOwner();
        const savedAt = clock.now();
        await putArticleDraft(db, { owner, id: fields.id, fields, base, savedAt, synced: false });
        // The server keeps it too, for the editor's other workstations; offline, the local copy carries it.
        if (publishesToCentre() && (await saveCentreArticleDraft(fields, base)))
          await markArticleDraftSynced(db, owner, fields.id, savedAt);
      },
      [db, clock],
    ),
  );
  const { cancel } = saving;
  const edit = useDraftEdit(setLoaded, saving);

  const drop = useCallback(async () => {
    cancel();
    await deleteArticleDrafts(db, articleDraftOwner(), [initial.id]);
    if (publishesToCentre()) await discardCentreArticleDraft(initial.id);
  }, [db, initial.id, cancel]);

  const discard = useCallback(async () => {
    await drop();
    setLoaded({ text: initial, base: await articleEditBase(db, initial.id), isDraft: false });
  }, [db, drop, initial]);

  const settle = useCallback(async () => {
    await drop();
    setLoaded((current) => current && { ...current, isDraft: false });
  }, [drop]);

  return {
    fields: loaded?.text ?? null,
    base: loaded?.base ?? null,
    isDraft: loaded?.isDraft ?? false,
    save: saving.state,
    edit,
    flush: saving.flush,
    discard,
    settle,
  };
}
