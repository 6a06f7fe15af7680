import { t } from '../../i18n';
import { CALLS_CAP } from '../../services/supervision/query';
import type { CentreCalls } from './useCentreCalls';

type Props = Pick<CentreCalls, 'capped' | 'problem'>;

/** Where the calls come from, and why they may be old or incomplete. */
export function CentreNotice({ capped, problem }: Props) {
  const text = t.centreSupervision;
  return (
    <div className="centre-notice">
      <p>{text.source}</p>
      {problem && <p role="alert">{text.lastKnown(problem.text, problem.at)}</p>}
      {capped && <p role="status">{text.capped(CALLS_CAP)}</p>}
    </div>
  );
}
