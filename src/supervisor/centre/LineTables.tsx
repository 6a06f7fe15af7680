import type { StageBucket } from '../../analytics';
import { t } from '../../i18n';
import { ColumnHeads } from '../../ui/ColumnHeads';
import type { LineRows } from './lineView';

type Props = { rows: LineRows };

/** The holds against their promise (soonest over first) and every call on the line, as tables. */
export function LineTables({ rows }: Props) {
  const text = t.centreSupervision.line;
  const stageName = (stage: StageBucket | null) =>
    stage === null ? text.unknownStage : t.supervisor.stages[stage];
  return (
    <>
      <h3 id="line-holds">{text.holds}</h3>
      {rows.holds.length === 0 ? (
        <p>{text.noHolds}</p>
      ) : (
        <table aria-labelledby="line-holds" data-testid="line-holds">
          <ColumnHeads columns={Object.values(text.holdColumns)} />
          <tbody>
            {rows.holds.map((h) => (
              <tr key={h.callId} className={`line-hold line-hold--${h.urgency}`}>
                <td>{h.operatorName}</td>
                <td>{text.promised(h.promisedMinutes, h.extension)}</td>
                <td>{text.left(h.leftMs)}</td>
                <td>{text.urgency[h.urgency]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="line-calls">{text.calls}</h3>
      {rows.calls.length === 0 ? (
        <p>{text.noCalls}</p>
      ) : (
        <table aria-labelledby="line-calls" data-testid="line-calls">
          <ColumnHeads columns={Object.values(text.callColumns)} />
          <tbody>
            {rows.calls.map((c) => (
              <tr key={c.callId}>
                <td>{c.operatorName}</td>
                <td>{stageName(c.stage)}</td>
                <td>{text.clock(c.inStageMs)}</td>
                <td>{text.clock(c.onCallMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{text.transfers}</h3>
      {rows.transfers.length === 0 ? (
        <p>{text.noTransfers}</p>
      ) : (
        <ul>
          {rows.transfers.map((c) => (
            <li key={c.callId}>{text.transferLine(c.operatorName, text.clock(c.inStageMs))}</li>
          ))}
        </ul>
      )}
    </>
  );
}
