import { t } from '../i18n';
import { noticeOf, type CallSession, type NoticeCode } from '../calls';
import { TRANSFER_REFUSED_CHOICES } from '../calls/lines';
import type { Panel } from './panels';
import { useCallSelect } from './useCallSelect';

type Props = {
  session: CallSession;
  onPanel: (panel: Panel | null) => void;
  /** A refusal another part of the screen shows already. */
  hide?: NoticeCode | null;
};

/** Why the engine refused the last action, in words, with the alternatives it offers. */
export function NoticeBar({ session, onPanel, hide = null }: Props) {
  const notice = useCallSelect(session, noticeOf);
  if (!notice || notice.code === hide) return null;
  // Field ids mean nothing to the operator: name the fields by the labels the flow gives them.
  const labelOf = (id: string) =>
    session.flow.steps.flatMap((s) => s.capture).find((f) => f.id === id)?.label ?? id;
  const params = { ...notice.params };
  if (Array.isArray(params.fields)) params.fields = params.fields.map(labelOf);
  if (typeof params.fieldId === 'string') params.fieldId = labelOf(params.fieldId);
  return (
    <div className="call-notice" role="alert" data-testid="call-notice">
      <p>{t.calls.notice(notice.code, params)}</p>
      {notice.alternatives.length > 0 && (
        <ul>
          {notice.alternatives.map((a) => (
            <li key={a}>
              <button type="button" onClick={() => onPanel(a === 'callback' ? { kind: 'callback' } : null)}>
                {t.calls.alternatives[a]}
              </button>
              {a === 'answerNow' && <span className="muted"> — «{TRANSFER_REFUSED_CHOICES.answerNow}»</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
