import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleBundle, restoreBundle } from '../../src/kb/bundle';
import { restoreKnowledgeBase } from '../../src/kb/restoreKnowledgeBase';
import { renderArticleBody } from '../../src/kb/render';
import { articleText } from './articleText';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function bundleOf(bodies: Record<string, string>, builtAt = '2026-11-23T10:00:00.000Z') {
  const { articles, issues } = restoreKnowledgeBase(
    Object.entries(bodies).map(([id, body]) => ({ file: `${id}.md`, text: articleText({ id, body }) })),
  );
  expect(issues).toEqual([]);
  return assembleBundle(articles, { render: renderArticleBody, hash: sha, builtAt });
}

describe('assembleBundle', () => {
  it('names a version after the content: same articles, same version, whenever built', () => {
    const a = bundleOf({ contacts: 'Телефон приёмной.' }, '2026-11-23T10:00:00.000Z');
    const b = bundleOf({ contacts: 'Телефон приёмной.' }, '2026-12-01T10:00:00.000Z');
    const c = bundleOf({ contacts: 'Телефон приёмной изменился.' });
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
    expect(b.version).toBe(a.version);
    expect(c.version).not.toBe(a.version);
  });

  it('carries each body pre-rendered to inert HTML', () => {
    const bundle = bundleOf({ hostile: '<script>alert(1)</script> [x](javascript:alert(1))' });
    expect(bundle.articles[0]?.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>\n',
    );
  });
});

describe('restoreBundle', () => {
  const bundle = bundleOf({ contacts: 'Телефон.', schedule: 'Часы работы.' });

  it('accepts the JSON the build writes', () => {
    expect(restoreBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('rejects a foreign format, a truncated file and an article with a missing field', () => {
    expect(restoreBundle({ ...bundle, format: 2 })).toBeNull();
    expect(restoreBundle(null)).toBeNull();
    expect(restoreBundle('<html>offline</html>')).toBeNull();
    expect(restoreBundle({ ...bundle, version: '' })).toBeNull();
    const { html: _html, ...withoutHtml } = bundle.articles[0]!;
    expect(restoreBundle({ ...bundle, articles: [withoutHtml] })).toBeNull();
  });
});
