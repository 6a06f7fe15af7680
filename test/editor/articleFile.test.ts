import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFileText, blankArticle, checkArticle, markReviewed } from '../../src/editor/articleFile';
import { restoreArticle } from '../../src/kb/parse';

const files = readdirSync('knowledge-base').filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('article files written by the editor', () => {
  it('read back as the same article for every article in knowledge-base/', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const original = restoreArticle(readFileSync(`knowledge-base/${file}`, 'utf8'), file);
      if (!original.ok) throw new Error(`${file} does not restore`);
      const again = restoreArticle(articleFileText(original.article), file);
      expect(again.ok && again.article).toEqual(original.article);
    }
  });

  it('an incomplete article is reported field by field', () => {
    const check = checkArticle(blankArticle('new-article', '2026-11-23T10:00:00Z'));
    expect(check.ok).toBe(false);
    const fields = check.ok ? [] : check.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'short', 'owner']));
  });

  it('mark reviewed sets only the review date', () => {
    const first = files[0] ?? '';
    const r = restoreArticle(readFileSync(`knowledge-base/${first}`, 'utf8'), first);
    if (!r.ok) throw new Error('fixture broken');
    const marked = markReviewed(r.article, '2026-11-23T10:00:00Z');
    expect(marked).toEqual({ ...r.article, reviewed: '2026-11-23' });
  });
});
