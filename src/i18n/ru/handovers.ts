// Russian texts of calls handed over between desks (issue 17), read by a lazy chunk of the operator's
// workspace shown only with a server.
export const handovers = {
  title: 'Вам переключили звонок',
  from: (name: string) => `Переключил(а): ${name}`,
  caller: 'Клиент',
  unknownCaller: 'имя не записано',
  need: 'Вопрос',
  notes: 'Что сказал коллега',
  count: (n: number) => `Звонок уже переключали: ${n === 1 ? '1 раз' : '2 раза'} (заполнено системой)`,
  atCap: 'Это последнее допустимое переключение: дальше переключить звонок нельзя.',
  accept: 'Принять звонок',
  acceptLabel: (who: string) => `Принять звонок: ${who}`,
  noFlow: 'Нет сценария входящего звонка, чтобы принять переключенный звонок.',
  busy: 'Сначала завершите текущий звонок.',
  startFailed: 'Не удалось начать звонок. Попробуйте ещё раз.',
};
