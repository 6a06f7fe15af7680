// Hostile files on disk (issue 15): flows:check, kb:check and the build plugins read files through one
// reader, so a file not in UTF-8, a folder named like a file or a link that loops is a Russian message
// (or is skipped), never a stack trace, and never text the operator would see as «����».
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFlowsCheck } from '../../src/cli/flowsCheck';
import { runKbCheck } from '../../src/cli/kbCheck';
import { compileBundledFlows } from '../../src/cli/viteFlowsPlugin';
import { compileKnowledgeBase } from '../../src/cli/viteKbPlugin';
import { articleText } from '../kb/articleText';

const ROOT = join(import.meta.dirname, '../..');
const FLOW = join(ROOT, 'test/fixtures/flows/valid-minimal.json');

/** windows-1251 bytes of a text of ASCII and Russian letters (а–я, А–Я), as an old Windows editor saves it. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    throw new Error(`no windows-1251 byte for ${ch}`);
  });
}

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project folder with the given flows and articles (scripts-flows/, knowledge-base/). */
function project(): { root: string; flows: string; kb: string } {
  const root = mkdtempSync(join(tmpdir(), 'sufler-files-'));
  tmp.push(root);
  const flows = join(root, 'scripts-flows');
  const kb = join(root, 'knowledge-base');
  mkdirSync(flows);
  mkdirSync(kb);
  return { root, flows, kb };
}

function run(check: (out: (line: string) => void) => number): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = check((line) => lines.push(line));
  return { code, lines };
}

describe('flow and article files that are not UTF-8 text', () => {
  const flowText = readFileSync(FLOW, 'utf8');
  // The sample flow's Russian letters all have windows-1251 bytes; «ё» and «—» are replaced to be sure.
  const flowCp1251 = cp1251(
    flowText.replaceAll('ё', 'е').replaceAll('—', '-').replaceAll('«', '"').replaceAll('»', '"'),
  );

  it('flows:check refuses a flow saved in windows-1251, naming the encoding, and accepts a UTF-8 BOM', () => {
    const p = project();
    writeFileSync(join(p.flows, 'cp1251.json'), flowCp1251);
    writeFileSync(join(p.flows, 'bom.json'), `\uFEFF${flowText}`);
    const { code, lines } = run((out) => runFlowsCheck([], out, p.root));
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'scripts-flows/cp1251.json: сценарий не прочитан: текст не в кодировке UTF-8 (возможно, windows-1251). Сохраните файл в кодировке UTF-8.',
    );
    expect(lines.at(-1)).toBe('Проверено файлов: 2; ошибок: 1; предупреждений: 0');
  });

  it('kb:check refuses an article saved in windows-1251 or UTF-16 and accepts one with a BOM', () => {
    const p = project();
    writeFileSync(join(p.kb, 'cp1251.md'), cp1251(articleText({ id: 'cp1251' }).replaceAll('ё', 'е')));
    const utf16 = articleText({ id: 'utf16' });
    writeFileSync(
      join(p.kb, 'utf16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
    );
    writeFileSync(join(p.kb, 'bom.md'), `\uFEFF${articleText({ id: 'bom' })}`);
    const { code, lines } = run((out) => runKbCheck(p.kb, out));
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${p.kb}/cp1251.md:1: статья не прочитана: текст не в кодировке UTF-8 (возможно, windows-1251). Сохраните файл в кодировке UTF-8.`,
      `${p.kb}/utf16.md:1: статья не прочитана: он сохранён в кодировке UTF-16. Сохраните его в кодировке UTF-8.`,
      'Найдено ошибок: 2, в файлах: 2.',
    ]);
  });

  it('the build plugins refuse the same files with the same words', () => {
    const p = project();
    writeFileSync(join(p.flows, 'cp1251.json'), flowCp1251);
    writeFileSync(join(p.kb, 'cp1251.md'), cp1251(articleText({ id: 'cp1251' }).replaceAll('ё', 'е')));
    const flows = compileBundledFlows('scripts-flows', p.root);
    expect(flows.errorLines).toEqual([expect.stringContaining('не в кодировке UTF-8')]);
    expect(flows.compiled.flows).toEqual([]);
    const kb = compileKnowledgeBase('knowledge-base', p.root, '2026-01-01T00:00:00Z');
    expect(kb).toMatchObject({
      ok: false,
      message: expect.stringContaining('cp1251.md:1: статья не прочитана: текст не в кодировке UTF-8'),
    });
  });
});

describe('folders, links and other paths that are not files', () => {
  it('skips a folder named like an article or a flow in both checks', () => {
    const p = project();
    mkdirSync(join(p.kb, 'folder.md'));
    mkdirSync(join(p.flows, 'folder.json'));
    writeFileSync(join(p.kb, 'contacts.md'), articleText({ id: 'contacts', topics: ['contacts'] }));
    copyFileSync(FLOW, join(p.flows, 'minimal.json'));
    expect(run((out) => runKbCheck(p.kb, out))).toEqual({
      code: 0,
      lines: ['База знаний в порядке: статей — 1.'],
    });
    expect(run((out) => runFlowsCheck([], out, p.root))).toEqual({
      code: 0,
      lines: ['Проверено файлов: 1; ошибок: 0; предупреждений: 0'],
    });
  });

  it('reports a link that loops or leads nowhere, and a folder or device named on the command line', () => {
    const p = project();
    symlinkSync(join(p.kb, 'loop.md'), join(p.kb, 'loop.md'));
    symlinkSync(join(p.kb, 'missing'), join(p.kb, 'dangling.md'));
    const kb = run((out) => runKbCheck(p.kb, out));
    expect(kb.code).toBe(1);
    expect(kb.lines.slice(0, 2)).toEqual([
      `${p.kb}/dangling.md:1: статья не прочитана: файла нет или его не удалось прочитать (нет доступа, ссылка ведёт в никуда или по кругу).`,
      `${p.kb}/loop.md:1: статья не прочитана: файла нет или его не удалось прочитать (нет доступа, ссылка ведёт в никуда или по кругу).`,
    ]);
    // flows:check reads the knowledge base for article links: the same folder must not stop it either.
    copyFileSync(FLOW, join(p.flows, 'minimal.json'));
    const flows = run((out) =>
      runFlowsCheck(['scripts-flows/minimal.json', 'scripts-flows', '/dev/zero'], out, p.root),
    );
    expect(flows.code).toBe(1);
    expect(flows.lines).toEqual([
      'scripts-flows: сценарий не прочитан: это не файл, а папка или устройство.',
      '/dev/zero: сценарий не прочитан: это не файл, а папка или устройство.',
      'Проверено файлов: 3; ошибок: 2; предупреждений: 0',
    ]);
  });

  it('kb:check says a path that is a file, not a folder, is no article folder', () => {
    const p = project();
    const file = join(p.kb, 'contacts.md');
    writeFileSync(file, articleText({ id: 'contacts', topics: ['contacts'] }));
    expect(run((out) => runKbCheck(file, out))).toEqual({ code: 1, lines: [`Папка ${file} не найдена.`] });
  });
});
