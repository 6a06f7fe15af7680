// Russian texts of the shell around every workspace: navigation, banners, the update prompt.
import { plural } from './plural';

export const shell = {
  appName: 'Суфлёр',
  skipToContent: 'Перейти к содержимому',
  mainNav: 'Рабочие места',
  workspaces: {
    operator: 'Оператор',
    supervisor: 'Руководитель',
    editor: 'Редактор',
    settings: 'Настройки',
    admin: 'Администрирование',
  },
  account: {
    signedInAs: (name: string) => `Вы вошли: ${name}`,
    signOut: 'Выйти',
    // Calls going up to the server (issue 17): one quiet line beside the name.
    sync: {
      region: 'Отправка звонков на сервер',
      allSent: 'всё отправлено',
      unsent: (calls: number, since: string) =>
        `не отправлено: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} (с ${since})`,
      unreachable: 'нет связи с сервером',
      signInAgain: 'войдите снова, чтобы отправить',
    },
  },
  loading: 'Загрузка…',
  version: (build: string) => `Версия ${build}`,
  notFound: 'Такой страницы нет.',
  operatorViews: {
    nav: 'Разделы оператора',
    call: 'Звонок',
    callbacks: 'Обещанные звонки',
    history: 'Мои звонки',
  },
  toOperator: 'Перейти к рабочему месту оператора',
  shortcutsHint:
    'Сочетания клавиш: Ctrl+Alt+1 — Оператор, Ctrl+Alt+2 — Руководитель, Ctrl+Alt+3 — Редактор, Ctrl+Alt+4 — Настройки.',
  offline: 'Нет сети. Суфлёр работает без неё: звонки и база знаний доступны.',
  update: {
    available: 'Доступна новая версия Суфлёра.',
    apply: 'Обновить',
    later: 'Позже',
    afterCall: 'Обновление применится после завершения звонка.',
  },
  storage: {
    unavailable:
      'Хранилище браузера недоступно (например, в режиме инкогнито или оно отключено). Данные не сохранятся после закрытия вкладки. Откройте Суфлёр в обычном окне браузера.',
    full: 'Хранилище браузера заполнено: новые данные не сохраняются. Освободите место на диске или удалите старые данные браузера.',
    upgraded: 'Суфлёр обновился в другой вкладке. Перезагрузите эту вкладку, чтобы продолжить работу.',
    blocked: 'Другая вкладка Суфлёра мешает обновлению хранилища. Закройте другие вкладки Суфлёра.',
    unknown: 'Не удалось открыть хранилище браузера. Перезагрузите страницу.',
    reload: 'Перезагрузить',
    saveFailed: 'Не удалось сохранить. Проверьте свободное место и повторите.',
  },
};
