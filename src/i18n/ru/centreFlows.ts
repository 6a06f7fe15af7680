// Russian texts of the flows the centre publishes (issue 18), as the workstation shows them: the account
// bar's one quiet line while the server cannot be reached. Read only by lazy chunks (vite.config.ts LAZY_ONLY).
import { plural } from './plural';

const ago = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'только что';
  if (minutes < 60) return `${minutes} мин назад`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ч назад`;
  const days = Math.floor(hours / 24);
  return `${days} ${plural(days, 'день', 'дня', 'дней')} назад`;
};

export const centreFlows = {
  /** How old the workstation's flows are, said while the server cannot be reached. */
  age: (ms: number) => `нет связи: сценарии получены ${ago(ms)}`,
  ageTitle: (at: string) => `Сценарии звонков получены с сервера ${at}; новые придут, когда связь вернётся`,
};
