// Messages of the knowledge-base search for people (the kb:search command for editors).
export const search = {
  cli: {
    usage:
      'Использование: npm run kb:search -- "запрос" [--limit 10] [--direction appeals] [--topic appeal-status] [--org minsport]',
    noQuery: 'Укажите запрос в кавычках.',
    badLimit: (value: string) => `--limit: ожидается число от 1 до 100, получено «${value}».`,
    unknownFlag: (flag: string) => `Неизвестный параметр ${flag}.`,
    noFolder: (dir: string) => `Папка ${dir} не найдена.`,
    skipped: (count: number) =>
      `Пропущено статей с ошибками: ${count} (подробности: npm run kb:check). Поиск идёт по остальным.`,
  },
};
