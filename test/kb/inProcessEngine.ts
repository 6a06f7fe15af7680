// The real search engine run in-process, with the worker client's contract, for tests of kbSync and the panel.
import type { KbSearchEngine } from '../../src/services/kbSync';
import { buildIndex, exportIndex, importIndex, search, type SearchIndex } from '../../src/kb/search';

export function inProcessEngine(): KbSearchEngine & { builds: number } {
  let index: SearchIndex | null = null;
  const engine = {
    builds: 0,
    build: (articles: Parameters<typeof buildIndex>[0]) => {
      engine.builds++;
      index = buildIndex(articles);
      return Promise.resolve({ index: exportIndex(index) });
    },
    load: (data: unknown) => {
      index = importIndex(data);
      return Promise.resolve({});
    },
    search: (query: string, options?: Parameters<typeof search>[2]) =>
      index ? Promise.resolve(search(index, query, options)) : Promise.reject(new Error('no index')),
  };
  return engine;
}
