// Russian texts of the flow simulator (npm run flows:simulate): apart from calls.ts so that the app's
// bundle does not carry them.
import type { ScriptError } from '../../calls/simulate';
import type { DiskProblem } from '../../services/readTextFile';
import { reason } from './files';

/** A step's line cannot be said yet: these fields come first. */
export const fillFirst = (names: string[]) => `Сначала заполните: ${names.join(', ')}`;

export const simulate = {
  usage: 'Использование: npm run flows:simulate -- <файл сценария> <файл событий>',
  flowInvalid: (file: string) =>
    `Сценарий ${file} содержит ошибки; проверьте его командой npm run flows:check.`,
  cannotRead: (file: string, problem: DiskProblem, maxBytes: number) =>
    `Файл ${file} не прочитан: ${reason(problem, maxBytes)}`,
  eventsInvalid: (file: string, detail: string) => `Файл событий ${file} не подходит: ${detail}`,
  unknownOrganisation: (id: string | undefined, known: string[]) =>
    `start.organisation: нет организации «${id ?? ''}»; есть: ${known.join(', ')}`,
  scriptError: (e: ScriptError): string =>
    e.code === 'badTime'
      ? `${e.field}: «${e.value}» — не время; нужно, например, 2026-11-24T10:30, число миллисекунд или endOfDay`
      : `на шаге «${e.stepId}» нет варианта «${e.optionId}»; есть: ${e.known.join(', ') || 'никаких вариантов'}`,
  stopped: (file: string) => `Симуляция остановлена: исправьте файл событий ${file}.`,
  notAvailable: (type: string) => `(событие ${type} сейчас недоступно — пропущено)`,
  waited: (seconds: number) => `(ожидание ${seconds} с)`,
  operatorSays: 'Оператор',
  orSay: 'или:',
};
