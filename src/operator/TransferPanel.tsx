import { useId, useMemo, useRef, useState } from 'react';
import { t } from '../i18n';
import { topicLabel } from '../i18n/topicLabel';
import { actionIndex } from '../services/shortcuts';
import { callerCard, transferCounter, type CallSession } from '../calls';
import { formatRuPhone } from '../flows/phone';
import { directoryEntries, filterDirectory, type DirectoryEntry } from './directory';
import type { Panel } from './panels';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';
import { useKeyDown } from './useKeyDown';
import { TopicSelect } from './TopicSelect';
import { usePanelFocus } from './usePanelFocus';
import { KeyButton } from '../ui/KeyButton';

type Props = {
  session: CallSession;
  send: Send;
  /** The call's topic, when the operator picked one: the directory opens filtered to it. */
  topic: string | null;
  onPanel: (panel: Panel | null) => void;
};

/** Transfer within the two the standard allows: the directory, the counter, the summary for the colleague. */
export function TransferPanel({ session, send, topic: callTopic, onPanel }: Props) {
  const flow = session.flow;
  const counter = useCallSelect(session, (s) => transferCounter(flow, s));
  const org = useCallSelect(session, (s) => s.context.organisation);
  const card = useCallSelect(session, callerCard);
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState(callTopic ?? '');
  // Follows the card until the operator types, and at the moment of transfer reads the call itself: a
  // need typed just before the panel opened may still be on its way to storage (the card lags by a write).
  const [typedSummary, setSummary] = useState<string | null>(null);
  const summaryOf = (c: typeof card) =>
    typedSummary ?? [c.name, c.appealNumber, c.need].filter(Boolean).join('. ');
  const summary = summaryOf(card);
  const ids = { filter: useId(), summary: useId() };
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  const entries = useMemo(() => directoryEntries(org), [org]);
  const shown = filterDirectory(entries, query, topic, topicLabel);
  const text = t.callPanels.transfer;

  const transfer = async (e: DirectoryEntry) => {
    const result = await send({
      type: 'operator.transfer',
      target: e.target,
      summary: summaryOf(callerCard(session.getSnapshot())),
    });
    if (result?.accepted && result.notice === null) onPanel(null);
  };
  useKeyDown((e) => {
    const entry = shown[actionIndex(e)];
    if (entry && counter.canTransferMore) {
      e.preventDefault();
      void transfer(entry);
    }
  });

  return (
    <section className="call-panel" aria-label={text.region} tabIndex={-1} ref={ref}>
      <h3>{text.region}</h3>
      <p data-testid="transfer-counter">{t.calls.transferCounter(counter.used, counter.max)}</p>
      {!counter.canTransferMore ? (
        <div role="alert" data-testid="transfer-refused">
          <p>{t.calls.notice('transferLimitReached', {})}</p>
          <button type="button" onClick={() => onPanel(null)}>
            {t.calls.alternatives.answerNow}
          </button>
          <button type="button" onClick={() => onPanel({ kind: 'callback' })}>
            {t.calls.alternatives.callback}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={ids.summary}>{text.summary}</label>
          <textarea id={ids.summary} value={summary} rows={2} onChange={(e) => setSummary(e.target.value)} />
          <p className="muted">{t.operator.transfer.summaryHint}</p>
          <label htmlFor={ids.filter}>{text.filter}</label>
          <input id={ids.filter} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <TopicSelect label={text.topic} emptyLabel={text.anyTopic} value={topic} onChange={setTopic} />
          {shown.length === 0 && <p>{text.nothing}</p>}
          <ol className="directory">
            {shown.map((e, i) => (
              <li key={`${e.target.kind}:${e.target.id}`}>
                <KeyButton shortcut={i < 9 ? String(i + 1) : null} onClick={() => void transfer(e)}>
                  {e.name}
                  {e.position ? `, ${e.position}` : ` (${text.department})`}
                </KeyButton>
                <small>
                  {formatRuPhone(e.phone)} · {e.topics.map(topicLabel).join(', ')}
                </small>
              </li>
            ))}
          </ol>
        </>
      )}
      <button type="button" className="secondary" onClick={() => onPanel(null)}>
        {text.close}
      </button>
    </section>
  );
}
