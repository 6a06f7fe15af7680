// Russian texts of calls going up to the server (issue 17): the account bar's one quiet line. Read only by
// its lazy chunk (vite.config.ts LAZY_ONLY), so a single workstation's first load does not carry them.
import { plural } from './plural';

export const sync = {
  region: 'Отправка звонков на сервер',
  allSent: 'всё отправлено',
  unsent: (calls: number, since: string) =>
    `не отправлено: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} (с ${since})`,
  stuck: (calls: number, since: string) =>
    `не уходят на сервер больше 5 минут: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} (с ${since}) — сообщите администратору`,
  unreachable: 'нет связи с сервером',
  signInAgain: 'войдите снова, чтобы отправить',
};
