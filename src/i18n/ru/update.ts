// Russian texts of the new-version prompt: read only by its lazy chunk (vite.config.ts LAZY_ONLY), loaded
// when a new version is waiting.
export const update = {
  available: 'Доступна новая версия Суфлёра.',
  apply: 'Обновить',
  later: 'Позже',
  afterCall: 'Обновление применится после завершения звонка.',
};
