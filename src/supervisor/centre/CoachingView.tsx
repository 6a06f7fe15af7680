// The coaching page over the centre (issue 19): per operator over the period and under the workspace's
// filter, the standard's rules they missed most often, each with its share of their calls and the latest
// calls that missed it; a call opens its record, where the supervisor writes the operator a comment.
import { useEffect, useId, useState } from 'react';
import type { CallFilter } from '../../analytics';
import { t } from '../../i18n';
import type { SupervisorCall } from '../useSupervisedCalls';
import { CoachingRules, type CoachedOperator } from './CoachingRules';
import { problemText } from './problemText';

const centre = () => import('../../services/supervision');

type Props = {
  from: number;
  to: number;
  filter: CallFilter;
  /** The calls the list holds: one of them opens without asking the server again. */
  known: readonly SupervisorCall[];
  onOpen: (call: SupervisorCall) => void;
};

type Read =
  | { status: 'loading' }
  | { status: 'ready'; operators: CoachedOperator[] }
  | { status: 'failed'; problem: string };

export function CoachingView({ from, to, filter, known, onOpen }: Props) {
  const text = t.centreSupervision.coaching;
  const headingId = useId();
  const [read, setRead] = useState<Read>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(filter.operator ?? null);
  const [opening, setOpening] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    const wanted = JSON.parse(filterKey) as CallFilter; // made from `filter` above
    setRead({ status: 'loading' });
    void centre().then(async (s) => {
      try {
        const answer = await s.fetchCoaching({ from, to, filter: wanted });
        if (live) setRead({ status: 'ready', operators: answer.operators });
      } catch (error) {
        if (live) setRead({ status: 'failed', problem: problemText(s.failureOf(error)) });
      }
    });
    return () => {
      live = false;
    };
  }, [from, to, filterKey]);

  const open = async (callId: string) => {
    const held = known.find((c) => c.row.id === callId);
    if (held) return onOpen(held);
    setOpening(text.opening);
    const s = await centre();
    try {
      const call = await s.fetchCall(callId);
      setOpening(call ? null : text.notEnded);
      if (call) onOpen({ ...call, callerName: call.row.callerName, callerPhone: call.row.callerPhone });
    } catch (error) {
      setOpening(problemText(s.failureOf(error)));
    }
  };

  const operators = read.status === 'ready' ? read.operators : [];
  const shown = operators.find((o) => o.operatorName === chosen) ?? operators[0];
  return (
    <section aria-labelledby={headingId} data-testid="coaching">
      <h2 id={headingId}>{text.title}</h2>
      <p>{text.hint}</p>
      {read.status === 'loading' && <p role="status">{text.loading}</p>}
      {read.status === 'failed' && <p role="alert">{read.problem}</p>}
      {read.status === 'ready' && !shown && <p>{text.noCalls}</p>}
      {shown && (
        <>
          <label>
            {text.operator}{' '}
            <select value={shown.operatorName} onChange={(e) => setChosen(e.target.value)}>
              {operators.map((o) => (
                <option key={o.operatorName} value={o.operatorName}>
                  {o.operatorName}
                </option>
              ))}
            </select>
          </label>
          <CoachingRules operator={shown} onOpen={(callId) => void open(callId)} />
        </>
      )}
      {opening && <p role="status">{opening}</p>}
    </section>
  );
}
