import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import {
  eraseExpiredPersonalData,
  getRetentionDays,
  listErasures,
  setRetentionDays,
  type ErasureRecord,
} from '../db/supervisor';
import { bundledFlowOf } from './bundledFlowOf';
import { formatDateTime } from './format';
import { ListOrNone } from './ListOrNone';

type Props = { db: AppDB };

export function RetentionPanel({ db }: Props) {
  const clock = useClock();
  const text = t.supervisor.exchange;
  const [days, setDays] = useState('');
  const [log, setLog] = useState<ErasureRecord[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void getRetentionDays(db).then((d) => setDays(String(d)));
    void listErasures(db).then(setLog);
  }, [db]);

  const save = async () => {
    const ok = await setRetentionDays(db, Number(days));
    setMessage({ ok, text: ok ? text.retentionSaved : text.retentionInvalid });
  };
  const erase = async () => {
    const record = await eraseExpiredPersonalData(db, clock.now(), undefined, bundledFlowOf);
    setMessage({ ok: true, text: text.erased(record.calls, formatDateTime(record.at)) });
    setLog(await listErasures(db));
  };

  return (
    <section>
      <h2>{text.retentionTitle}</h2>
      <p>{text.retentionHint}</p>
      <label>
        {text.retentionDays}{' '}
        <input
          type="number"
          min={1}
          max={3650}
          step={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </label>{' '}
      <button type="button" onClick={() => void save()}>
        {text.retentionSave}
      </button>{' '}
      <button type="button" onClick={() => void erase()}>
        {text.eraseNow}
      </button>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <h3>{text.erasures}</h3>
      <ListOrNone items={log} none={text.noErasures}>
        {(r) => <li key={r.at}>{text.erased(r.calls, formatDateTime(r.at))}</li>}
      </ListOrNone>
    </section>
  );
}
