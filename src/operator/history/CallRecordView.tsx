import { t } from '../../i18n';
import { loadCall, type AppDB } from '../../db';
import { formatClock, formatDayMonth } from '../../flows/dates';
import { formatRuPhone } from '../../flows/phone';
import type { FlowDefinition } from '../../flows/types';
import { timelineOf } from '../../i18n/callTimeline';
import { useWatched } from './useWatched';
import { WrapUpSummary } from './WrapUpSummary';
import { CentreComments } from './CentreComments';
import { rememberedSession } from '../../services/account/serverProbe';

type Props = {
  db: AppDB;
  callId: string;
  flows: readonly FlowDefinition[];
  timeZone: string;
  onBack: () => void;
};

/** A call's full record: who, when, every event with its time, the outcome and the wrap-up. */
export function CallRecordView({ db, callId, flows, timeZone, onBack }: Props) {
  const text = t.callbacks.history;
  const call = useWatched(() => loadCall(db, callId), `call-${callId}`);
  const back = (
    <button type="button" onClick={onBack}>
      {text.back}
    </button>
  );
  if (call.status === 'loading') return back;
  if (call.status === 'failed' || !call.value)
    return (
      <div>
        {back}
        <p role="alert">{call.status === 'failed' ? text.loadFailed : text.notFound}</p>
      </div>
    );
  const { row, log } = call.value;
  const flow = flows.find((f) => f.id === row.flowId && f.version === row.flowVersion);
  return (
    <article className="call-record" aria-labelledby="call-record-title">
      {back}
      <h3 id="call-record-title">
        {text.directions[row.direction]}, {formatDayMonth(row.startedAt, timeZone)}{' '}
        {formatClock(row.startedAt, timeZone)} — {flow?.title ?? row.flowId}
      </h3>
      <p>
        {row.callerName ?? text.unknownCaller}
        {row.callerPhone && `, ${formatRuPhone(row.callerPhone)}`}
      </p>
      <p data-testid="call-record-outcome">
        <strong>
          {row.status === 'active'
            ? text.active
            : row.outcome
              ? t.calls.outcomes[row.outcome]
              : text.noOutcome}
        </strong>
      </p>
      {row.endReason === 'restoreFailed' && <p role="status">{t.operator.restoreFailed}</p>}
      <h4>{text.timeline}</h4>
      <ol className="call-timeline" data-testid="call-timeline">
        {timelineOf(log, flow, timeZone).map((e) => (
          <li key={e.seq}>
            <time dateTime={new Date(e.at).toISOString()}>{formatClock(e.at, timeZone)}</time> {e.label}
            {e.detail && `: ${e.detail}`}
          </li>
        ))}
      </ol>
      <WrapUpSummary row={row} />
      {rememberedSession() && <CentreComments callId={row.id} timeZone={timeZone} />}
    </article>
  );
}
