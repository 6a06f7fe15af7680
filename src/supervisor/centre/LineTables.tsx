import type { StageBucket } from '../../analytics';
import { t } from '../../i18n';
import { ListOrNone } from '../ListOrNone';
import { LineTable } from './LineTable';
import type { LineRows } from './lineView';

type Props = { rows: LineRows };

/** The holds against their promise (soonest over first) and every call on the line, as tables. */
export function LineTables({ rows }: Props) {
  const text = t.centreSupervision.line;
  const stageName = (stage: StageBucket | null) =>
    stage === null ? text.unknownStage : t.supervisor.stages[stage];
  return (
    <>
      <LineTable
        name="holds"
        rows={rows.holds.map((h) => (
          <tr key={h.callId} className={`line-hold line-hold--${h.urgency}`}>
            <td>{h.operatorName}</td>
            <td>{text.promised(h.promisedMinutes, h.extension)}</td>
            <td>{text.left(h.leftMs)}</td>
            <td>{text.urgency[h.urgency]}</td>
          </tr>
        ))}
      />
      <LineTable
        name="calls"
        rows={rows.calls.map((c) => (
          <tr key={c.callId}>
            <td>{c.operatorName}</td>
            <td>{stageName(c.stage)}</td>
            <td>{text.clock(c.inStageMs)}</td>
            <td>{text.clock(c.onCallMs)}</td>
          </tr>
        ))}
      />
      <h3>{text.transfers}</h3>
      <ListOrNone items={rows.transfers} none={text.noTransfers}>
        {(c) => <li key={c.callId}>{text.transferLine(c.operatorName, text.clock(c.inStageMs))}</li>}
      </ListOrNone>
    </>
  );
}
