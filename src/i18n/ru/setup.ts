// Russian texts of the first run and the settings page (a lazy chunk: not in the operator's first load).
import type { FontSize, Theme } from '../../db';

export const setup = {
  firstRun: {
    title: 'Добро пожаловать в Суфлёр',
    intro:
      'Выберите организацию и укажите, кто работает на линии. Всё это можно изменить позже в настройках.',
    organisation: 'Организация',
    operator: 'Оператор',
    start: 'Начать работу',
    required: 'Заполните фамилию, имя, должность и отдел оператора: они звучат в приветствии.',
  },
  operatorProfile: {
    legend: 'Профиль оператора',
    surname: 'Фамилия',
    firstName: 'Имя',
    patronymic: 'Отчество',
    position: 'Должность',
    department: 'Отдел',
  },
  organisation: {
    legend: 'Организация',
    choose: 'Образец организации',
    fullName: 'Полное название',
    shortName: 'Краткое название',
    phone: 'Телефон',
    email: 'Электронная почта',
    website: 'Сайт',
    address: 'Адрес',
    timeZone: 'Часовой пояс',
    badTimeZone: 'Неизвестный часовой пояс. Пример: Europe/Moscow.',
    workingHours: 'Часы работы',
    dayOff: 'выходной',
    from: 'с',
    to: 'до',
    breakFrom: 'перерыв с',
    breakTo: 'до',
    weekdays: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
    departments: 'Отделы — справочник для переключений',
    department: (n: number) => `Отдел ${n}`,
    departmentName: 'Название отдела',
    departmentPhone: 'Телефон отдела',
    departmentTopics: 'Темы (через запятую)',
    addDepartment: 'Добавить отдел',
    removeDepartment: (name: string) => `Удалить отдел «${name || 'без названия'}»`,
    colleagues: (n: number) => `Сотрудников: ${n}`,
  },
  appearance: {
    legend: 'Оформление',
    theme: 'Цветовая схема',
    themes: { light: 'Светлая', dark: 'Тёмная', contrast: 'Высокий контраст' } satisfies Record<
      Theme,
      string
    >,
    fontSize: 'Размер шрифта',
    fontSizes: { normal: 'Обычный', large: 'Крупный', larger: 'Очень крупный' } satisfies Record<
      FontSize,
      string
    >,
  },
  storageInfo: {
    legend: 'Хранилище',
    used: (used: string, quota: string) => `Занято ${used} из ${quota}`,
    unknown: 'Браузер не сообщает объём хранилища.',
    persisted: 'Браузер не удалит данные Суфлёра при нехватке места.',
    notPersisted:
      'Браузер может удалить данные Суфлёра при нехватке места. Установите Суфлёр как приложение или разрешите постоянное хранение.',
    askPersist: 'Запросить постоянное хранение',
  },
  settings: {
    title: 'Настройки',
    saveProfile: 'Сохранить профиль',
    saveOrganisation: 'Сохранить организацию',
    saved: 'Сохранено',
  },
  units: { bytes: 'Б', kb: 'КБ', mb: 'МБ', gb: 'ГБ' },
};
