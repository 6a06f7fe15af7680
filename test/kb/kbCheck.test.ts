import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleText } from './articleText';

const BROKEN = 'test/fixtures/kb/broken';

/** Each broken fixture and the one line kb:check must print for it. */
const EXPECTED: Record<string, string> = {
  'Bad_Id.md': '2: id: «Bad_Id»: допустимы строчные латинские буквы, цифры и дефисы',
  'bad-date.md': '15: reviewed: «2026-02-30» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2026-03-01',
  'duplicate-key.md': '17: ошибка разметки YAML: поле указано дважды',
  'duplicate-question.md': '7: questions: «Сколько рассматривают заявление» указано дважды',
  'empty-body.md': '19: после блока свойств нет полного ответа',
  'empty-short.md': '7: short: поле не заполнено',
  'extra-key.md': '17: author: неизвестное поле (проверьте написание)',
  'id-mismatch.md': '2: id: «appeal-deadlines» не совпадает с именем файла — ожидается «id-mismatch»',
  'missing-owner.md': '1: owner: нет обязательного поля',
  'no-front-matter.md': '1: файл должен начинаться с блока свойств между строками «---»',
  'questions-not-list.md': '4: questions: ожидается список (строки, начинающиеся с «- »)',
  'review-every-range.md': '16: reviewEvery: «3650»: срок пересмотра — целое число дней от 7 до 730',
  'review-every-text.md': '16: reviewEvery: «полгода»: срок пересмотра — целое число дней от 7 до 730',
  'short-too-long.md':
    '7: short: длина короткого ответа — 603: слишком долго читать вслух, сократите до 450 знаков',
  'title-not-text.md': '4: title: ожидается текст',
  'too-few-questions.md':
    '4: questions: нужно не меньше 2 формулировок вопроса — так, как спрашивают звонящие',
  'unknown-direction.md': '10: directions: неизвестное направление деятельности «tourism»',
  'unknown-need.md': '13: needs: неизвестная потребность клиента «advice»',
  'unknown-topic.md': '12: topics: неизвестная тема «weather» (список тем — в knowledge-base/README.md)',
  'yaml-syntax.md':
    '17: ошибка разметки YAML: не закрыта кавычка или скобка (ошибка может быть выше этой строки)',
};

function kbCheck(dir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kbCheck.ts', dir], {
    encoding: 'utf8',
  });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run kb:check', () => {
  it('names the file, line and field of the exact problem in every broken fixture and exits 1', () => {
    const { status, lines } = kbCheck(BROKEN);
    expect(status).toBe(1);
    const expected = Object.entries(EXPECTED)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, rest]) => `${BROKEN}/${file}:${rest}`);
    expect(lines.slice(0, -1)).toEqual(expected);
    expect(lines.at(-1)).toBe(`Найдено ошибок: ${expected.length}, в файлах: ${expected.length}.`);
  });

  it('passes a folder of valid articles with exit 0 and ignores README.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-ok-'));
    tmp.push(dir);
    writeFileSync(join(dir, 'contacts.md'), articleText({ id: 'contacts', topics: ['contacts'] }));
    writeFileSync(join(dir, 'appeal-status.md'), articleText({ id: 'appeal-status' }));
    writeFileSync(join(dir, 'README.md'), '# Формат статей\n');
    const { status, lines } = kbCheck(dir);
    expect(lines).toEqual(['База знаний в порядке: статей — 2.']);
    expect(status).toBe(0);
  });

  it('fails with a clear message when the folder does not exist', () => {
    const { status, lines } = kbCheck('no-such-folder');
    expect(status).toBe(1);
    expect(lines).toEqual(['Папка no-such-folder не найдена.']);
  });
});
