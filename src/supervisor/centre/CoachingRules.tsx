import type { ComplianceRule } from '../../analytics';
import { t } from '../../i18n';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { formatDateTime } from '../format';

export interface CoachedOperator {
  operatorName: string;
  calls: number;
  rules: { rule: string; calls: number; callIds: string[]; callsAt: number[] }[];
}

type Props = { operator: CoachedOperator; onOpen: (callId: string) => void };

/** One operator's missed rules, most often missed first, each with its latest calls to open. */
export function CoachingRules({ operator, onOpen }: Props) {
  const text = t.centreSupervision.coaching;
  if (operator.rules.length === 0) return <p>{text.clean(operator.calls)}</p>;
  return (
    <>
      <p>{text.summary(operator.calls)}</p>
      <table aria-label={operator.operatorName} data-testid="coaching-rules">
        <ColumnHeads
          columns={[text.columns.rule, text.columns.calls, text.columns.share, text.columns.open]}
        />
        <tbody>
          {operator.rules.map((r) => {
            // The schema lets only the standard's rule codes through.
            const name = t.supervisor.rules[r.rule as ComplianceRule];
            return (
              <tr key={r.rule}>
                <th scope="row">{name}</th>
                <td>{r.calls}</td>
                <td>{text.share(r.calls, operator.calls)}</td>
                <td>
                  <ul className="coaching-calls">
                    {r.callIds.map((callId, i) => {
                      const time = formatDateTime(r.callsAt[i] ?? 0);
                      return (
                        <li key={callId}>
                          <button
                            type="button"
                            aria-label={text.openCallName(name, time)}
                            onClick={() => onOpen(callId)}
                          >
                            {text.openCall(time)}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                  {r.calls > r.callIds.length && <span>{text.more(r.calls - r.callIds.length)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
