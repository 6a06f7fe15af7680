// Russian texts of the centre's callbacks queue (issue 17): the queue the server keeps for the whole
// organisation, read by the callbacks route (a lazy chunk).
export const centre = {
  title: 'Обещанные звонки центра',
  loading: 'Загружаю очередь центра…',
  live: 'Очередь всего центра: обновляется сама, когда кто-то обещает или берёт звонок.',
  lastKnown: (time: string) =>
    `Нет связи с сервером. Очередь по последним данным на ${time}; брать звонки можно, когда связь вернётся.`,
  neverFetched:
    'Нет связи с сервером: очередь центра пока не получена. Брать звонки можно, когда связь вернётся.',
  empty: 'Обещанных звонков в центре нет.',
  take: 'Взять и позвонить',
  takeLabel: (who: string) => `Взять и позвонить: ${who}`,
  release: 'Вернуть в очередь',
  releaseLabel: (who: string) => `Вернуть в очередь: ${who}`,
  heldBy: (name: string) => `Занимается: ${name}`,
  heldByMe: 'Вы взяли этот звонок.',
  offlineReason: 'Взять нельзя: нет связи с сервером, и клиенту могли бы позвонить дважды.',
  takenReason: (name: string) => `Взять нельзя: этим звонком уже занимается ${name}.`,
  takeFailed: 'Не удалось взять звонок. Попробуйте ещё раз.',
};
