import { describe, expect, it } from 'vitest';
import { renderArticleBody } from '../../src/kb/render';

/** Every way an article could try to run code or leave the page, and what must NOT survive rendering. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="https://example.org" onclick="alert(1)">ссылка</a>',
  '[нажмите](javascript:alert(1))',
  '[нажмите](JAVASCRIPT:alert(1))',
  '[нажмите](  javascript:alert(1))',
  '[данные](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload="alert(1)"></svg>',
  '![трекер](https://evil.example/pixel.png)',
  '<style>body{display:none}</style>',
].join('\n\n');

describe('renderArticleBody', () => {
  const html = renderArticleBody(HOSTILE);

  it('renders raw tags as visible text, never as elements', () => {
    for (const tag of [
      '<script',
      '<img',
      '<iframe',
      '<svg',
      '<style',
      '<a href="https://example.org" onclick',
    ]) {
      expect(html).not.toContain(tag);
    }
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops javascript:, data: and vbscript: links, keeping their text', () => {
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).toContain('[нажмите](javascript:alert(1))');
  });

  it('leaves no event-handler attribute on any element', () => {
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).not.toMatch(/\son\w+=/i);
  });

  it('keeps ordinary Markdown: emphasis, lists, web, mail and phone links opening beside the workspace', () => {
    const out = renderArticleBody(
      '**30 дней**\n\n- почта\n- сайт\n\n[портал](https://www.gosuslugi.ru) [письмо](mailto:info@example.ru) [звонок](tel:+73433123456)',
    );
    expect(out).toContain('<strong>30 дней</strong>');
    expect(out).toContain('<li>почта</li>');
    expect(out).toContain(
      '<a href="https://www.gosuslugi.ru" target="_blank" rel="noopener noreferrer">портал</a>',
    );
    expect(out).toContain('href="mailto:info@example.ru"');
    expect(out).toContain('href="tel:+73433123456"');
  });
});
