import { useEffect, useState, type ReactNode } from 'react';
import { callbackState, complianceIssues, reachedOutcome } from '../analytics';
import { t } from '../i18n';
import { topicLabel } from '../i18n/topicLabel';
import { flowVersion, loadCall, type AppDB, type CallEventRow } from '../db';
import type { FlowDefinition } from '../flows/types';
import { bundledFlowOf } from './bundledFlowOf';
import { CallReplay } from './CallReplay';
import { CallTimeline } from './CallTimeline';
import { resultText } from './callText';
import { formatDateTime, formatDuration } from './format';
import { ListOrNone } from './ListOrNone';
import type { SupervisorCall } from './useSupervisedCalls';

/** A call's record as the workspace opens it: the storage, the call, the time it is judged at, closing. */
export type OpenRecord = { db: AppDB; call: SupervisorCall; now: number; onClose: () => void };

type Props = OpenRecord & {
  /** The log read elsewhere (the centre's server; null while it comes); by default read from `db`. */
  log?: readonly CallEventRow[] | null;
  /** Shown below the record (the comments on a centre's call). */
  children?: ReactNode;
};

function YesNo({ value }: { value: boolean | null }) {
  const text = t.supervisor.record;
  return <>{value === null ? text.notApplicable : value ? text.yes : text.no}</>;
}

export function CallRecord({ db, call, now, onClose, log: given, children }: Props) {
  const text = t.supervisor.record;
  const { row, facts } = call;
  const [stored, setLog] = useState<CallEventRow[] | null>(null);
  const local = given === undefined;
  const log = local ? stored : given;
  // The version the call ran, from the flow catalogue: undefined while it is looked up.
  const [flow, setFlow] = useState<FlowDefinition | null | undefined>(undefined);
  useEffect(() => {
    if (!local) return;
    let live = true;
    void loadCall(db, row.id).then((stored) => live && setLog(stored?.log ?? []));
    return () => {
      live = false;
    };
  }, [db, row.id, row.lastSeq, local]);
  useEffect(() => {
    let live = true;
    setFlow(undefined);
    flowVersion(db, row.flowId, row.flowVersion, bundledFlowOf).then(
      (found) => live && setFlow(found),
      () => live && setFlow(bundledFlowOf(row.flowId, row.flowVersion)),
    );
    return () => {
      live = false;
    };
  }, [db, row.flowId, row.flowVersion]);
  const issues = complianceIssues(facts, now);
  // Counted against the cap: a line the colleague never picked up is not a transfer.
  const own = facts.transfers.filter((x) => x.status !== 'failed').length;

  return (
    <aside className="call-record" aria-labelledby="call-record-title">
      <h2 id="call-record-title">
        {text.title}: {formatDateTime(row.startedAt)}, {row.operatorName}
      </h2>
      <button type="button" onClick={onClose}>
        {text.close}
      </button>
      {flow !== undefined && (
        <p>{flow ? text.flow(flow.title, flow.version) : text.flowMissing(row.flowId, row.flowVersion)}</p>
      )}
      <p>
        {text.outcome}: {reachedOutcome(facts) ? resultText(facts) : text.noOutcome}
        {facts.endReason ? ` — ${t.calls.endReasons[facts.endReason]}` : ''}, {formatDuration(facts.handleMs)}
      </p>
      {row.summary && (
        <p>
          {text.summary}: {row.summary}
        </p>
      )}
      {facts.topic && (
        <p>
          {text.topic}: {topicLabel(facts.topic)}
        </p>
      )}
      {facts.satisfaction !== null && <p>{text.satisfaction(facts.satisfaction)}</p>}
      <h3>{text.adherence}</h3>
      <ul>
        {(['greeting', 'identified', 'rephrased', 'farewell'] as const).map((k) => (
          <li key={k}>
            {text.adherenceItems[k]}: <YesNo value={facts.adherence[k]} />
          </li>
        ))}
      </ul>
      <h3>{text.holds}</h3>
      <ListOrNone items={facts.holds} none={text.none}>
        {(h) => (
          <li key={h.startedAt}>
            {formatDateTime(h.startedAt)}:{' '}
            {text.hold(
              h.promisedMinutes,
              Math.round(((h.endedAt ?? h.startedAt) - h.startedAt) / 1000),
              Math.round(h.overtimeMs / 1000),
            )}
          </li>
        )}
      </ListOrNone>
      <h3>{text.transfers}</h3>
      <p>{text.transfersTotal(facts.transfersBefore + own, facts.transfersBefore, own)}</p>
      <ListOrNone items={facts.transfers} none={text.none}>
        {(tr) => (
          <li key={tr.at}>{text.transfer(tr.targetName, text.transferStatus[tr.status], tr.summary)}</li>
        )}
      </ListOrNone>
      <h3>{text.callback}</h3>
      <p>
        {facts.callback
          ? text.callbackLine(
              formatDateTime(facts.callback.deadline),
              text.callbackState[callbackState(facts.callback, now)],
            )
          : text.none}
      </p>
      <h3>{text.articles}</h3>
      <p>{facts.articlesUsed.length > 0 ? facts.articlesUsed.join(', ') : text.none}</p>
      <h3>{text.issues}</h3>
      <ListOrNone items={issues} none={text.noIssues}>
        {(i) => (
          <li key={`${i.rule}-${i.at}`}>
            {formatDateTime(i.at)}: {t.supervisor.rules[i.rule]}
            {i.overMs !== null ? ` (+${formatDuration(i.overMs)})` : ''}
          </li>
        )}
      </ListOrNone>
      {log && <CallTimeline log={log} flow={flow ?? null} />}
      {log && flow && <CallReplay flow={flow} log={log} />}
      {children}
    </aside>
  );
}
