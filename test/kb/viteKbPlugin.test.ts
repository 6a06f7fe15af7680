import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { formatKbIssue, loadKnowledgeBase } from '../../src/cli/kbCheck';
import { kbBundlePlugin } from '../../src/cli/viteKbPlugin';
import { restoreBundle } from '../../src/kb/bundle';
import { articleText } from './articleText';

const roots: string[] = [];
afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A throwaway project: an empty page and a knowledge-base folder, built with only our plugin. */
function project(fill: (kbDir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-plugin-'));
  roots.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(root, 'knowledge-base'));
  fill(join(root, 'knowledge-base'));
  return root;
}

function buildProject(root: string) {
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [kbBundlePlugin()],
    build: { outDir: join(root, 'dist'), write: true },
  });
}

describe('kbBundlePlugin', () => {
  it('emits kb-bundle.json with every article, rendered and versioned', async () => {
    const root = project((kb) => {
      writeFileSync(join(kb, 'contacts.md'), articleText({ id: 'contacts', body: 'Звоните <b>днём</b>.' }));
      writeFileSync(join(kb, 'schedule.md'), articleText({ id: 'schedule' }));
    });
    await buildProject(root);
    const bundle = restoreBundle(JSON.parse(readFileSync(join(root, 'dist/kb-bundle.json'), 'utf8')));
    expect(bundle?.articles.map((a) => a.id)).toEqual(['contacts', 'schedule']);
    expect(bundle?.articles[0]?.html).toBe('<p>Звоните &lt;b&gt;днём&lt;/b&gt;.</p>\n');
    expect(bundle?.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('fails the build on an invalid article with the same messages kb:check prints', async () => {
    const root = project((kb) => cpSync('test/fixtures/kb/broken', kb, { recursive: true }));
    const expected = loadKnowledgeBase('knowledge-base', root).issues.map(formatKbIssue);
    expect(expected.length).toBeGreaterThan(10);
    const failure = await buildProject(root).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = failure instanceof Error ? failure.message : '';
    for (const line of expected) expect(message).toContain(line);
  });

  it('serves a freshly compiled bundle in dev, and the messages with status 500 when an article is broken', async () => {
    const root = project((kb) => writeFileSync(join(kb, 'contacts.md'), articleText({ id: 'contacts' })));
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [kbBundlePlugin()],
      server: { port: 0, host: '127.0.0.1', ws: false },
    });
    try {
      await server.listen();
      const url = `${server.resolvedUrls?.local[0] ?? ''}kb-bundle.json`;
      const ok = await fetch(url);
      expect(ok.status).toBe(200);
      expect(restoreBundle(await ok.json())?.articles.map((a) => a.id)).toEqual(['contacts']);

      writeFileSync(
        join(root, 'knowledge-base/schedule.md'),
        articleText({ id: 'schedule', topics: ['weather'] }),
      );
      const broken = await fetch(url);
      expect(broken.status).toBe(500);
      expect(await broken.text()).toContain(
        'knowledge-base/schedule.md:11: topics: неизвестная тема «weather» (список тем — в knowledge-base/README.md)',
      );
    } finally {
      await server.close();
    }
  });
});
