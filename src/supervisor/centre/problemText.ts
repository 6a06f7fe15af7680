import { t } from '../../i18n';
import type { Failure } from '../../services/supervision/centreCalls';

/** The sentence to show for a failed request to the centre. */
export function problemText(failure: Failure): string {
  if (failure.kind === 'refused') return failure.message;
  return failure.kind === 'badAnswer' ? t.centreSupervision.badAnswer : t.centreSupervision.offline;
}
