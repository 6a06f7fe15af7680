// Calls this workstation stored before the person first connected it to the server go up only when they
// say so (issue 17), asked once: a quiet group in the account bar, never a dialog in the way of a call.
// A lazy chunk, like the status line beside it.
import { useState } from 'react';
import { t } from '../i18n';
import type { EarlierCalls } from '../services/sync';

const day = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' });

type Props = { earlier: EarlierCalls; answer: (answer: 'sent' | 'kept') => Promise<void> };

export function EarlierCallsOffer({ earlier, answer }: Props) {
  const words = t.sync.earlier;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const reply = (choice: 'sent' | 'kept') => {
    setBusy(true);
    setFailed(false);
    answer(choice).then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  };
  return (
    <div className="earlier-calls" role="group" aria-label={words.region} data-testid="earlier-calls">
      <p>{words.offer(earlier.callIds.length, day.format(earlier.firstAt), day.format(earlier.lastAt))}</p>
      <button type="button" disabled={busy} onClick={() => reply('sent')}>
        {words.send}
      </button>
      <button type="button" disabled={busy} onClick={() => reply('kept')}>
        {words.keep}
      </button>
      {failed && <p role="alert">{words.failed}</p>}
    </div>
  );
}
