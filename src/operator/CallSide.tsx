import { PartFailed } from '../ui/Boundary';
import { useCallback, useEffect } from 'react';
import { callerCard, currentStep } from '../calls';
import { CallerCard } from './CallerCard';
import type { ResolvedWiring } from '../services/callOwner/CallControllerContext';
import type { CallDesk } from './callDesk';
import type { CallNotes, NotesUpdate } from './callNotes';
import { CallerHistory, KbSuggestions, KnowledgePanel, useCallPanelsStatus } from './lazyPanels';
import { useCallSelect } from './useCallSelect';

type Props = CallDesk & {
  wiring: ResolvedWiring;
  notes: CallNotes;
  onNotes: NotesUpdate;
  searchFocus: number;
};

const NO_LINKS = { topics: [], articles: [] };

/** Beside the script: who is calling, and the knowledge for this step and topic. */
export function CallSide({ wiring, notes, onNotes, searchFocus, ...desk }: Props) {
  const { session } = desk;
  const links = useCallSelect(session, (s) => currentStep(session.flow, s)?.kb ?? NO_LINKS);
  const orgId = useCallSelect(session, (s) => s.context.organisation.id);
  const callerPhone = useCallSelect(session, (s) => callerCard(s).phone);
  const callerName = useCallSelect(session, (s) => callerCard(s).name);
  const callId = useCallSelect(session, (s) => s.context.callId);
  const { articlesUsed, articleTitles } = notes;
  const source = wiring.knowledge;
  // The knowledge and the history come with the panels' chunk, just after the greeting is on screen.
  const panels = useCallPanelsStatus();
  // Its knowledge panel is the operator's first reader of the knowledge base: the sync starts with it.
  const { wantKnowledge } = wiring;
  useEffect(() => {
    if (panels === 'ready') wantKnowledge();
  }, [panels, wantKnowledge]);
  const onUse = useCallback(
    (id: string) => {
      if (articlesUsed.includes(id)) return;
      onNotes({ articlesUsed: [...articlesUsed, id] });
      void source?.getArticle(id).then(
        (a) => a && onNotes({ articleTitles: { ...articleTitles, [id]: a.title } }),
        () => undefined,
      );
    },
    [articlesUsed, articleTitles, onNotes, source],
  );
  return (
    <aside className="call-side">
      <CallerCard {...desk} />
      {panels === 'failed' && <PartFailed />}
      {panels === 'ready' && (
        <>
          <CallerHistory
            phone={callerPhone}
            name={callerName}
            excludeCallId={callId}
            flows={wiring.catalog.versions ?? wiring.catalog.flows}
            clock={wiring.clock}
          />
          <KbSuggestions
            source={wiring.knowledge}
            organisationId={orgId}
            links={links}
            topic={notes.topic}
            clock={wiring.clock}
            onUse={onUse}
          />
          <KnowledgePanel
            source={wiring.knowledge}
            organisationId={orgId}
            focusRequest={searchFocus > 0 ? searchFocus : undefined}
            onUse={onUse}
            notice={wiring.knowledgeNotice}
            clock={wiring.clock}
          />
        </>
      )}
    </aside>
  );
}
