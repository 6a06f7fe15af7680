import type { CallFilter } from '../../analytics';
import { t } from '../../i18n';
import { csvAddress } from '../../services/supervision/query';

type Props = { from: number; to: number; filter: CallFilter };

/** The server streams the CSV of every call that matches: a link, so the browser saves it as it comes. */
export function CentreExport(props: Props) {
  const text = t.centreSupervision;
  return (
    <section>
      <h2>{text.exportTitle}</h2>
      <p>{text.exportHint}</p>
      <a href={csvAddress(props)} download="calls.csv">
        {text.csv}
      </a>
    </section>
  );
}
