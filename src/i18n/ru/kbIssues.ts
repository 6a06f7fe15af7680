// Russian messages of the knowledge-base article checker (kb:check, the build, the editor). Apart from
// kb.ts so that the operator's first load does not carry them.
import type { KbIssue, KbIssueCode, KbProblem } from '../../kb/parse';
import { reason } from './files.ts';

type IssueMessages = { [C in KbIssueCode]: (p: Extract<KbProblem, { code: C }>) => string };

/** The YAML library's own messages are English; the common ones get Russian words. */
const yamlErrors: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'поле указано дважды',
  MISSING_CHAR: 'не закрыта кавычка или скобка (ошибка может быть выше этой строки)',
  BAD_INDENT: 'неверный отступ',
  TAB_AS_INDENT: 'отступ табуляцией; используйте пробелы',
  MULTILINE_IMPLICIT_KEY: 'значение перенесено на новую строку без «>» или «|»',
  BLOCK_AS_IMPLICIT_KEY: 'неверный отступ или лишнее двоеточие',
  UNEXPECTED_TOKEN: 'неожиданный символ',
};

export const issues = {
  frontMatterMissing: () => 'файл должен начинаться с блока свойств между строками «---»',
  frontMatterUnclosed: () => 'блок свойств не закрыт строкой «---»',
  yamlSyntax: (p) => `ошибка разметки YAML: ${yamlErrors[p.yamlCode] ?? p.detail}`,
  frontMatterNotMap: () => 'блок свойств должен состоять из строк вида «ключ: значение»',
  missingKey: () => 'нет обязательного поля',
  unknownKey: () => 'неизвестное поле (проверьте написание)',
  notText: () => 'ожидается текст',
  notList: () => 'ожидается список (строки, начинающиеся с «- »)',
  emptyValue: () => 'поле не заполнено',
  tooFewQuestions: (p) => `нужно не меньше ${p.min} формулировок вопроса — так, как спрашивают звонящие`,
  duplicateInList: (p) => `«${p.value}» указано дважды`,
  idFormat: (p) => `«${p.value}»: допустимы строчные латинские буквы, цифры и дефисы`,
  idNotFileName: (p) => `«${p.value}» не совпадает с именем файла — ожидается «${p.expected}»`,
  duplicateId: (p) => `статья «${p.value}» уже есть в файле ${p.otherFile}`,
  unknownDirection: (p) => `неизвестное направление деятельности «${p.value}»`,
  unknownNeed: (p) => `неизвестная потребность клиента «${p.value}»`,
  unknownTopic: (p) => `неизвестная тема «${p.value}» (список тем — в knowledge-base/README.md)`,
  organisationFormat: (p) =>
    `«${p.value}»: код организации пишется строчными латинскими буквами, цифрами и дефисами`,
  badDate: (p) => `«${p.value}» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2026-03-01`,
  titleTooLong: (p) => `длина заголовка — ${p.length}, допустимо не больше ${p.max} знаков`,
  shortTooLong: (p) =>
    `длина короткого ответа — ${p.length}: слишком долго читать вслух, сократите до ${p.max} знаков`,
  reviewEveryRange: (p) => `«${p.value}»: срок пересмотра — целое число дней от ${p.min} до ${p.max}`,
  bodyEmpty: () => 'после блока свойств нет полного ответа',
  bodyTooLong: (p) =>
    `полный ответ занимает ${p.kilobytes} КБ, допустимо не больше ${p.maxKilobytes} КБ: оставьте в статье ответ, а документ дайте ссылкой в поле source`,
  unreadableFile: (p) => `статья не прочитана: ${reason(p.reason, p.maxBytes)}`,
} satisfies IssueMessages;

export const check = {
  ok: (count: number) => `База знаний в порядке: статей — ${count}.`,
  failed: (issues: number, files: number) => `Найдено ошибок: ${issues}, в файлах: ${files}.`,
  noFolder: (dir: string) => `Папка ${dir} не найдена.`,
};

export function describeProblem(problem: KbProblem): string {
  // Each catalogue entry takes exactly its own problem shape; the map is checked by `satisfies` above.
  const format = issues[problem.code] as (p: KbProblem) => string;
  return format(problem);
}

/** One finding as kb:check prints it, "file:line: field: message": the CLI, the build, the server, the editor. */
export function formatKbIssue(issue: KbIssue): string {
  const field = issue.field === null ? '' : `${issue.field}: `;
  return `${issue.file}:${issue.line}: ${field}${describeProblem(issue)}`;
}
