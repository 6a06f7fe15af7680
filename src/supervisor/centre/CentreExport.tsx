import type { CallFilter } from '../../analytics';
import { t } from '../../i18n';
import { exportAddress } from '../../services/supervision/query';

type Props = { from: number; to: number; filter: CallFilter };

/**
 * The server streams every call that matches, as CSV for Excel or as JSON for a program: links, so the
 * browser saves the file as it comes.
 */
export function CentreExport(props: Props) {
  const text = t.centreSupervision;
  return (
    <section>
      <h2>{text.exportTitle}</h2>
      <p>{text.exportHint}</p>
      <ul className="centre-export">
        <li>
          <a href={exportAddress(props, 'csv')} download="calls.csv">
            {text.csv}
          </a>
        </li>
        <li>
          <a href={exportAddress(props, 'json')} download="calls.json">
            {text.json}
          </a>
          <p>{text.jsonHint}</p>
        </li>
      </ul>
    </section>
  );
}
