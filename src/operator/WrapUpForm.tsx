import { useId, useState } from 'react';
import { t } from '../i18n';
import { ACTION_KEYS, CALL_SHORTCUTS, matches, shortcutLabel, triggers } from '../services/shortcuts';
import { outcomeOf } from '../calls';
import { OUTCOMES, type Outcome } from '../flows/types';
import type { CallController } from '../services/callOwner/types';
import type { CallDesk } from './callDesk';
import type { CallNotes } from './callNotes';
import { LateCallback } from './LateCallback';
import { RATINGS, SatisfactionField } from './SatisfactionField';
import { OptionSelect } from '../ui/OptionSelect';
import { TopicSelect } from './TopicSelect';
import { useCallAnnotations } from './useCallAnnotations';
import { useCallSelect } from './useCallSelect';
import { useKeyDown } from './useKeyDown';
import { KeyButton } from '../ui/KeyButton';

type Props = CallDesk & { notes: CallNotes; controller: CallController };

/** After the call: outcome, summary, topic, articles used, the caller's rating; then the call is closed. */
export function WrapUpForm({ notes, controller, ...desk }: Props) {
  const { session, disabled } = desk;
  const engineOutcome = useCallSelect(session, (s) => outcomeOf(s)?.kind ?? null);
  const lateCallback = useCallAnnotations(session).lateCallback !== null;
  const ended = useCallSelect(session, (s) => s.context.end?.reason ?? null);
  const need = useCallSelect(session, (s) => s.context.fields.need ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(engineOutcome);
  const [callbackOpen, setCallbackOpen] = useState(false);
  // The callback queued after a break-off is where the question now stands. Its form is gone the moment
  // the record has it, so the wrap-up's own keys (Ctrl+Enter) work at once, not when the send settles.
  const [seenLate, setSeenLate] = useState(lateCallback);
  if (lateCallback !== seenLate) {
    setSeenLate(lateCallback);
    if (lateCallback) {
      setOutcome('callback');
      setCallbackOpen(false);
    }
  }
  // The need picked during the call starts the summary, so the category reaches the record too.
  const [summary, setSummary] = useState(() =>
    [notes.need ? t.kb.needs[notes.need] : null, need].filter(Boolean).join(': '),
  );
  const [topic, setTopic] = useState(notes.topic ?? '');
  const [rating, setRating] = useState<number | null>(null);
  const [survey, setSurvey] = useState(false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'failed'>('idle');
  const ids = { outcome: useId(), summary: useId() };
  const text = t.callPanels.wrapUp;

  const save = async () => {
    if (disabled || status === 'saving') return;
    setStatus('saving');
    try {
      await controller.finish({
        outcome,
        summary: summary.trim(),
        topic: topic || null,
        articlesUsed: notes.articlesUsed,
        satisfaction: rating,
        surveyOffered: survey,
      });
    } catch {
      setStatus('failed');
    }
  };
  useKeyDown((e) => {
    const n = ACTION_KEYS.findIndex((k) => triggers(e, k));
    if (n >= 0 && n < RATINGS.length) {
      e.preventDefault();
      setRating(RATINGS[n] ?? null);
    } else if (matches(e, CALL_SHORTCUTS.confirm)) {
      e.preventDefault();
      void save();
    }
  }, !callbackOpen);

  return (
    <section className="wrap-up" aria-labelledby={`${ids.outcome}-title`} tabIndex={-1} data-focus-home>
      <h2 id={`${ids.outcome}-title`}>{text.region}</h2>
      {ended && <p data-testid="end-reason">{t.calls.endReasons[ended]}</p>}
      <LateCallback {...desk} open={callbackOpen} onOpen={setCallbackOpen} />
      <OptionSelect
        id={ids.outcome}
        label={text.outcome}
        emptyLabel={text.noOutcome}
        value={outcome ?? ''}
        disabled={engineOutcome !== null || lateCallback}
        options={OUTCOMES}
        optionLabel={(o) => t.calls.outcomes[o]}
        onChange={(o) => setOutcome(o || null)}
      />
      <label htmlFor={ids.summary}>{text.summary}</label>
      <textarea id={ids.summary} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <TopicSelect
        label={text.topic}
        emptyLabel={t.callPanels.needs.none}
        value={topic}
        onChange={setTopic}
      />
      <p>
        {text.articles}:{' '}
        {notes.articlesUsed.length > 0
          ? notes.articlesUsed.map((id) => notes.articleTitles[id] ?? id).join('; ')
          : text.noArticles}
      </p>
      <SatisfactionField value={rating} onChange={setRating} />
      <label className="choice">
        <input type="checkbox" checked={survey} onChange={(e) => setSurvey(e.target.checked)} />
        {text.survey}
      </label>
      {status === 'failed' && <p role="alert">{text.failed}</p>}
      <KeyButton
        shortcut={shortcutLabel(CALL_SHORTCUTS.confirm)}
        className="primary"
        disabled={disabled || status === 'saving'}
        onClick={() => void save()}
      >
        {status === 'saving' ? text.saving : text.save}
      </KeyButton>
    </section>
  );
}
