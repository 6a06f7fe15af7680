import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n';

type Props = {
  /** Sends the comment; resolves with null when stored, else the sentence saying why not. */
  onSend: (body: string) => Promise<string | null>;
};

/** The supervisor's comment on a call, for its operator to read in their history. */
export function CommentForm({ onSend }: Props) {
  const text = t.centreSupervision.comments;
  const id = useId();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '') return setSaid({ ok: false, text: text.empty });
    setSending(true);
    const problem = await onSend(body.trim());
    setSending(false);
    if (problem === null) setBody('');
    setSaid(problem === null ? { ok: true, text: text.sent } : { ok: false, text: problem });
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={text.form}>
      <label htmlFor={id}>{text.field}</label>
      <textarea id={id} value={body} maxLength={2000} rows={3} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" disabled={sending}>
        {sending ? text.sending : text.send}
      </button>
      {said && <p role={said.ok ? 'status' : 'alert'}>{said.text}</p>}
    </form>
  );
}
