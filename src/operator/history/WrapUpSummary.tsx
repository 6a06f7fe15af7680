import { t } from '../../i18n';
import type { CallRow } from '../../db';

type Props = { row: CallRow };

/** The wrap-up the operator saved with the call. */
export function WrapUpSummary({ row }: Props) {
  const text = t.callbacks.history;
  if (row.finishedAt === null) return null;
  return (
    <section aria-label={text.wrapUp} data-testid="call-record-wrapup">
      <h4>{text.wrapUp}</h4>
      <dl>
        {row.summary && (
          <>
            <dt>{text.summary}</dt>
            <dd>{row.summary}</dd>
          </>
        )}
        {row.topic && (
          <>
            <dt>{text.topic}</dt>
            <dd>{row.topic}</dd>
          </>
        )}
        {row.articlesUsed.length > 0 && (
          <>
            <dt>{text.articles}</dt>
            <dd>{row.articlesUsed.join(', ')}</dd>
          </>
        )}
        <dt>{text.operator}</dt>
        <dd>{row.operatorName}</dd>
      </dl>
      {row.satisfaction !== null && <p>{text.satisfaction(row.satisfaction)}</p>}
      {row.surveyOffered && <p>{text.surveyOffered}</p>}
      {row.afterCallMs !== null && <p>{text.afterCall(Math.round(row.afterCallMs / 1000))}</p>}
    </section>
  );
}
