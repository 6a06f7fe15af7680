import { t } from '../i18n';
import { callerCard, currentStep, templateVars, type CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { renderLine } from '../flows/templates';
import { CLIENT_NEEDS } from '../kb/article';
import { TOPICS, type Topic } from '../kb/topics';
import type { CallNotes, NotesUpdate } from './callNotes';
import { useCallSelect } from './useCallSelect';
import { OptionSelect } from '../ui/OptionSelect';
import { TopicSelect } from './TopicSelect';

type Props = { session: CallSession; clock: Clock; notes: CallNotes; onNotes: NotesUpdate };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Needs discovery: the step's leading questions, the need and topic pickers, the rephrase helper. */
export function NeedsPanel({ session, clock, notes, onNotes }: Props) {
  const flow = session.flow;
  const questions = useCallSelect(session, (s) => {
    const step = currentStep(flow, s);
    if (!step || !s.hasTag('talking')) return [];
    const vars = templateVars(s.context, clock.now());
    return step.questions
      .map((q) => renderLine(q, vars))
      .flatMap((r) => (r.kind === 'ready' ? [r.text] : []));
  });
  const card = useCallSelect(session, callerCard);
  const text = t.callPanels.needs;
  const rephrase = card.need
    ? text.rephraseLine(lowerFirst(card.need.replace(/[.?!]+$/, '')), card.appealNumber)
    : null;
  return (
    <section className="needs" aria-label={text.region}>
      {questions.length > 0 && (
        <>
          <h3>{text.questions}</h3>
          <ul className="needs-questions">
            {questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </>
      )}
      <div className="needs-pickers">
        <OptionSelect
          label={text.need}
          emptyLabel={text.none}
          value={notes.need ?? ''}
          options={CLIENT_NEEDS}
          optionLabel={(n) => t.kb.needs[n]}
          onChange={(n) => onNotes({ need: n || null })}
        />
        <TopicSelect
          label={text.topic}
          emptyLabel={text.none}
          value={notes.topic ?? ''}
          // The flow's own topics first.
          options={[...flow.topics, ...TOPICS.filter((x) => !flow.topics.includes(x))].filter(
            (x): x is Topic => (TOPICS as readonly string[]).includes(x),
          )}
          onChange={(x) => onNotes({ topic: x || null })}
        />
      </div>
      <p className="needs-rephrase" data-testid="rephrase">
        <span className="needs-rephrase-label">{text.rephrase}: </span>
        {rephrase ?? <span className="muted">{text.rephraseEmpty}</span>}
      </p>
    </section>
  );
}
