// Russian texts for flow issues (validator, editor, CLI) and for template variable names.
import type { FieldError } from '../../../flows/fields';
import type { FlowIssue, IssueCode, IssueParams } from '../../../flows/issues';

const STAGES: Record<string, string> = {
  greeting: 'приветствие',
  identification: 'уточнение личности клиента',
  needs: 'выяснение потребности',
  understanding: 'подтверждение понимания',
  resolution: 'решение вопроса',
  purpose: 'цель звонка',
  status: 'положение на клиентском пути',
  questions: 'ответы на вопросы',
  farewell: 'прощание',
};

const OUTCOMES: Record<string, string> = {
  resolved: 'вопрос решён',
  byDate: 'будет решён к сроку',
  noDate: 'решаем без точного срока',
  impossible: 'не может быть решён',
  redirected: 'перенаправлен в другой орган',
  callback: 'обещан обратный звонок',
};

const DIRECTIONS: Record<string, string> = { inbound: 'входящего звонка', outbound: 'исходящего звонка' };

const TYPES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  integer: 'целое число',
  boolean: 'true или false',
  array: 'список',
  object: 'объект',
  null: 'null',
};

const FORMATS: Record<string, string> = {
  id: 'строчные латинские буквы, цифры и дефисы, начиная с буквы',
  fieldId: 'латинские буквы, цифры, «_» и «-», начиная с буквы',
};

const s = (p: IssueParams, key: string): string => String(p[key] ?? '');
const label = (dict: Record<string, string>, value: string): string => dict[value] ?? value;

const ISSUES: Record<IssueCode, (p: IssueParams) => string> = {
  'file.invalidJson': (p) =>
    `файл не является корректным JSON (строка ${s(p, 'line')}, позиция ${s(p, 'column')})`,
  'schema.required': () => 'обязательное поле не заполнено',
  'schema.invalidType': (p) =>
    `ожидается ${label(TYPES, s(p, 'expected'))}, указано: ${label(TYPES, s(p, 'received'))}`,
  'schema.invalidValue': (p) => `недопустимое значение; допустимы: ${s(p, 'allowed')}`,
  'schema.unknownKey': (p) => `неизвестное поле «${s(p, 'key')}» (опечатка?)`,
  'schema.tooSmall': (p) =>
    s(p, 'origin') === 'array'
      ? `нужно не меньше ${s(p, 'minimum')} элементов`
      : s(p, 'origin') === 'string'
        ? 'текст не может быть пустым'
        : `значение должно быть больше ${s(p, 'minimum')}`,
  'schema.tooBig': (p) =>
    s(p, 'origin') === 'array'
      ? `допускается не больше ${s(p, 'maximum')} элементов`
      : `значение должно быть не больше ${s(p, 'maximum')}`,
  'schema.invalidFormat': (p) => `неверный формат: ${label(FORMATS, s(p, 'format'))}`,
  'schema.invalid': () => 'недопустимое значение',
  'flow.missingStart': (p) => `стартовый шаг «${s(p, 'target')}» не найден среди шагов`,
  'flow.startNotGreeting': (p) =>
    `сценарий должен начинаться с приветствия, а стартовый шаг «${s(p, 'target')}» — этап «${label(STAGES, s(p, 'stage'))}»`,
  'flow.stageMissing': (p) =>
    `в сценарии ${label(DIRECTIONS, s(p, 'direction'))} нет обязательного этапа «${label(STAGES, s(p, 'stage'))}»`,
  'flow.stageRecommended': (p) =>
    `в сценарии ${label(DIRECTIONS, s(p, 'direction'))} нет этапа «${label(STAGES, s(p, 'stage'))}» (рекомендуется стандартом)`,
  'step.stageWrongDirection': (p) =>
    `этап «${label(STAGES, s(p, 'stage'))}» не относится к сценарию ${label(DIRECTIONS, s(p, 'direction'))}`,
  'step.missingTarget': (p) => `переход ведёт на несуществующий шаг «${s(p, 'target')}»`,
  'step.unreachable': (p) => `шаг «${s(p, 'step')}» недостижим от стартового шага`,
  'step.noFarewell': (p) => `из шага «${s(p, 'step')}» нельзя дойти до прощания`,
  'step.outcomesOutsideFarewell': (p) =>
    `исходы указаны у шага «${s(p, 'step')}», который не является прощанием`,
  'step.farewellHasOptions': (p) =>
    `у прощания «${s(p, 'step')}» есть варианты перехода, но звонок на прощании заканчивается — они не будут показаны`,
  'outcome.noFarewell': (p) => `нет прощания для исхода «${label(OUTCOMES, s(p, 'outcome'))}»`,
  'template.unknownVariable': (p) => `неизвестная переменная {{${s(p, 'variable')}}}`,
  'template.fieldNotCaptured': (p) =>
    `переменная {{${s(p, 'variable')}}}: поле «${s(p, 'field')}» нигде в сценарии не заполняется`,
  'template.callerNotCaptured': (p) =>
    `переменная {{${s(p, 'variable')}}} заполняется из поля «${s(p, 'field')}», но ни один шаг его не запрашивает`,
  'template.malformed': (p) => `незакрытая или пустая подстановка «${s(p, 'fragment')}»`,
  'limits.tooManyTransfers': (p) =>
    `переключений не может быть больше ${s(p, 'max')} (стандарт), указано ${s(p, 'value')}`,
  'limits.holdMinOutOfRange': (p) =>
    `минимальное время удержания ${s(p, 'value')} мин вне допустимых пределов ${s(p, 'min')}–${s(p, 'max')} мин`,
  'limits.holdMaxOutOfRange': (p) =>
    `максимальное время удержания ${s(p, 'value')} мин вне допустимых пределов ${s(p, 'min')}–${s(p, 'max')} мин`,
  'limits.holdMinAboveMax': (p) =>
    `минимальное время удержания (${s(p, 'min')} мин) больше максимального (${s(p, 'max')} мин)`,
  'limits.holdPresetOutOfRange': (p) =>
    `время удержания ${s(p, 'value')} мин вне пределов сценария ${s(p, 'min')}–${s(p, 'max')} мин`,
  'limits.holdWarningTooLong': (p) =>
    `предупреждение за ${s(p, 'value')} с не короче самого удержания; нужно не больше ${s(p, 'max')} с`,
  'duplicate.stepId': (p) => `шаг с идентификатором «${s(p, 'id')}» уже есть`,
  'duplicate.optionId': (p) => `вариант «${s(p, 'id')}» уже есть в этом шаге`,
  'duplicate.fieldId': (p) => `поле «${s(p, 'id')}» уже заполняется в этом шаге`,
  'duplicate.phraseId': (p) => `быстрая фраза «${s(p, 'id')}» уже есть`,
  'field.kindConflict': (p) =>
    `поле «${s(p, 'id')}» уже заполняется в другом шаге как «${s(p, 'earlier')}», здесь — «${s(p, 'kind')}»`,
  'field.badPattern': (p) => `шаблон проверки «${s(p, 'pattern')}» не является регулярным выражением`,
  'kb.unknownTopic': (p) => `неизвестная тема базы знаний «${s(p, 'topic')}»`,
  'kb.unknownArticle': (p) => `в базе знаний нет статьи «${s(p, 'article')}»`,
};

/** Human names of template variables: what the operator is asked to fill in first. */
const VARIABLES: Record<string, string> = {
  greeting: 'приветствие по времени суток',
  'operator.fullName': 'ФИО оператора',
  'operator.surname': 'фамилия оператора',
  'operator.firstName': 'имя оператора',
  'operator.patronymic': 'отчество оператора',
  'operator.position': 'должность оператора',
  'operator.department': 'подразделение оператора',
  'organisation.fullName': 'полное название организации',
  'organisation.shortName': 'краткое название организации',
  'organisation.phone': 'телефон организации',
  'organisation.website': 'сайт организации',
  'organisation.email': 'электронная почта организации',
  'organisation.address': 'адрес организации',
  'caller.name': 'имя и отчество клиента',
  'caller.phone': 'телефон клиента',
  'caller.appealNumber': 'номер обращения',
  'caller.need': 'суть вопроса клиента',
  'hold.duration': 'время ожидания',
  'callback.deadline': 'срок обратного звонка',
  'callback.phone': 'телефон для обратного звонка',
  'callback.question': 'вопрос для обратного звонка',
  'transfer.target': 'кому переключить',
  'transfer.count': 'число переключений',
  'outcome.date': 'дата решения',
  'outcome.reason': 'причина',
  'outcome.wayForward': 'что можно сделать',
  'outcome.body': 'орган, куда перенаправлен вопрос',
};

const FIELD_ERRORS: Record<FieldError, string> = {
  'field.required': 'Заполните поле',
  'field.tooLong': 'Слишком длинное значение',
  'field.patternMismatch': 'Значение не подходит по формату',
  'name.notCyrillic': 'Имя и отчество — русскими буквами, можно через дефис',
  'name.tooManyWords': 'Не больше трёх слов: фамилия, имя, отчество',
  'appeal.noDigits': 'В номере обращения должны быть цифры',
  'appeal.invalidChars': 'В номере допустимы буквы, цифры, «-», «/» и «.»',
  'date.invalid': 'Такой даты нет; формат: ДД.ММ.ГГГГ',
  'need.noLetters': 'Запишите вопрос словами клиента',
  'phone.empty': 'Укажите номер телефона',
  'phone.invalidChars': 'В номере допустимы цифры, пробелы, скобки, дефисы и «+» в начале',
  'phone.tooShort': 'В номере не хватает цифр: нужно 10 цифр после +7 или 8',
  'phone.tooLong': 'В номере лишние цифры: нужно 10 цифр после +7 или 8',
  'phone.notRussian': 'Это не российский номер: нужен номер, начинающийся с +7 (3, 4, 8 или 9 после кода)',
};

export const flows = {
  /** The Russian message for an issue code. */
  issue(code: IssueCode, params: IssueParams = {}): string {
    return ISSUES[code](params);
  },
  /**
   * "scripts-flows/x.json: steps[2].options[0].next: <message> (строка 57)" — the CLI and editor line;
   * the line number is added when the caller located the path in the file.
   */
  issueLine(issue: FlowIssue, file = issue.file ?? '', line?: number): string {
    const where = [file, issue.path].filter(Boolean).join(': ');
    const prefix = issue.severity === 'warning' ? 'предупреждение: ' : '';
    const at = line === undefined ? '' : ` (строка ${line})`;
    return `${where ? `${where}: ` : ''}${prefix}${ISSUES[issue.code](issue.params)}${at}`;
  },
  /** "fields.x" → the field's own label is better; this is the fallback. */
  variable(name: string): string {
    return VARIABLES[name] ?? name.replace(/^fields\./, 'поле ');
  },
  stage: (stage: string): string => label(STAGES, stage),
  outcome: (outcome: string): string => label(OUTCOMES, outcome),
  fillFirst: 'Сначала заполните:',
  /** Message under a captured field that failed validation. */
  fieldError(code: FieldError, patternHint?: string): string {
    return code === 'field.patternMismatch' && patternHint ? patternHint : FIELD_ERRORS[code];
  },
  summary(files: number, errors: number, warnings: number): string {
    return `Проверено файлов: ${files}; ошибок: ${errors}; предупреждений: ${warnings}`;
  },
  noFiles: 'Нет файлов сценариев для проверки',
  cannotRead: (file: string): string => `${file}: не удалось прочитать файл`,
};
