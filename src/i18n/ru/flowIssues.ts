// Russian messages of the flow checker (validator, editor, CLI). Apart from flows.ts so that only the
// editor's chunk carries them: the operator never sees a flow issue in a production build.
import type { FlowIssue, IssueCode, IssueParams } from '../../flows/issues';
import type { DiskProblem } from '../../services/readTextFile';
import { reason } from './files.ts';
import { label, OUTCOMES, STAGES } from './flowWords.ts';

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
  'step.skipsUnderstanding': (p) =>
    `из шага «${s(p, 'step')}» переход ведёт к решению «${s(p, 'target')}», минуя этап «${label(STAGES, 'understanding')}»: сначала покажите, что вопрос понят, — перескажите его клиенту (стандарт, шаг 4)`,
  'step.farewellWithoutAskingForMore': (p) =>
    `из шага «${s(p, 'step')}» переход ведёт к прощанию «${s(p, 'target')}», а клиента не спросили, остались ли у него вопросы: проведите путь через шаг с этим вопросом и отметьте шаг как «остались ли вопросы» (в файле — "checks": ["askedForMore"]; стандарт 002, п. 17)`,
  'greeting.noOperator': (p) =>
    `приветствие «${s(p, 'step')}» не называет оператора: добавьте {{operator.fullName}} (или уберите {{greeting}} — тогда Суфлёр сам скажет приветствие с именем оператора и названием организации)`,
  'greeting.noOrganisation': (p) =>
    s(p, 'client') === 'internal'
      ? `приветствие «${s(p, 'step')}» не называет организацию или подразделение: добавьте {{organisation.shortName}} или {{operator.department}}`
      : `приветствие «${s(p, 'step')}» не называет организацию: добавьте {{organisation.fullName}} или {{organisation.shortName}}`,
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

/** The Russian message for an issue code. */
export function issue(code: IssueCode, params: IssueParams = {}): string {
  return ISSUES[code](params);
}

/**
 * "scripts-flows/x.json: steps[2].options[0].next: <message> (строка 57)" — the CLI and editor line;
 * the line number is added when the caller located the path in the file.
 */
export function issueLine(found: FlowIssue, file = found.file ?? '', line?: number): string {
  const where = [file, found.path].filter(Boolean).join(': ');
  const prefix = found.severity === 'warning' ? 'предупреждение: ' : '';
  const at = line === undefined ? '' : ` (строка ${line})`;
  return `${where ? `${where}: ` : ''}${prefix}${ISSUES[found.code](found.params)}${at}`;
}

export function summary(files: number, errors: number, warnings: number): string {
  return `Проверено файлов: ${files}; ошибок: ${errors}; предупреждений: ${warnings}`;
}

export const noFiles = 'Нет файлов сценариев для проверки';
/** A flow file that is not read as text: why, in the words every file reader uses. */
export const cannotRead = (file: string, problem: DiskProblem, maxBytes: number): string =>
  `${file}: сценарий не прочитан: ${reason(problem, maxBytes)}`;
