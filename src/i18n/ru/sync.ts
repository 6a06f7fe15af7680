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
  keptAside: (events: number, calls: number) =>
    `${events} ${plural(events, 'событие', 'события', 'событий')} ` +
    `${calls === 1 ? 'звонка' : `из ${calls} ${plural(calls, 'звонка', 'звонков', 'звонков')}`} ` +
    `${plural(events, 'сохранено', 'сохранены', 'сохранены')} на сервере отдельно: ` +
    'ваши звонки в это время вели на другом устройстве. Ничего не потеряно, руководитель увидит это в записи звонка',
  signInAgain: 'войдите снова, чтобы отправить',
  earlier: {
    region: 'Звонки, сделанные до подключения',
    offer: (calls: number, from: string, to: string) =>
      `На этом рабочем месте ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')}, ` +
      `сделанных до подключения к серверу (${from === to ? from : `с ${from} по ${to}`}). ` +
      'Отправить их на сервер от вашего имени?',
    send: 'Отправить',
    keep: 'Оставить только здесь',
    failed: 'Не удалось сохранить ответ. Попробуйте ещё раз.',
  },
};
