// Browser half of the knowledge-base switch (issue 18): a workstation signed in to the real server takes
// the newest knowledge base as the centre's announcement makes it do (kbSync: download, index in the
// search worker, store with the index in one transaction), timed whole and for the download alone.
import { AppDB } from '../../../src/db/db';
import { signIn } from '../../../src/services/account/session';
import { fetchCentreKbBundle, syncKnowledgeBase } from '../../../src/services/kbSync';
import { createKbSearchClient } from '../../../src/services/kbSearchClient';

export const kbSwitchBench = {
  async signIn(login: string, password: string): Promise<void> {
    await signIn(login, password);
  },

  /** One sync of the workstation's database `name`; the search after it must find `query`'s article. */
  async sync(name: string, query: string, expected: string) {
    const db = new AppDB(name);
    await db.open();
    const engine = createKbSearchClient();
    let downloadMs = 0;
    const t0 = performance.now();
    const result = await syncKnowledgeBase({
      db,
      engine,
      fetchBundle: async () => {
        const t = performance.now();
        const bundle = await fetchCentreKbBundle();
        downloadMs = performance.now() - t;
        return bundle;
      },
    });
    const switchMs = performance.now() - t0;
    const found = (await engine.search(query))?.hits.some((h) => h.id === expected) ?? false;
    engine.dispose();
    db.close();
    return { switchMs, downloadMs, updated: result.updated, articles: result.info?.articleCount ?? 0, found };
  },
};
