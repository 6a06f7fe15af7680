import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Runs the real command as `npm run flows:check` does (tsx), in the repository root; node directly saves npx's start-up. */
function flowsCheck(...files: string[]): { code: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/flowsCheck.ts', ...files], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean) };
}

const BROKEN = 'test/fixtures/flows/broken';
const lineOf = (file: string, needle: string): number => {
  const text = readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
};

describe('npm run flows:check', { timeout: 60_000 }, () => {
  it('prints "file: path: message" in Russian and fails on an error', () => {
    const { code, lines } = flowsCheck(`${BROKEN}/missing-target.json`);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${BROKEN}/missing-target.json: steps[4].options[2].next: переход ведёт на несуществующий шаг «other-department» (строка ${lineOf(`${BROKEN}/missing-target.json`, '"other-department"')})`,
      'Проверено файлов: 1; ошибок: 1; предупреждений: 0',
    ]);
  });

  it('reports invalid JSON with its line and keeps checking the other files', () => {
    const { code, lines } = flowsCheck(
      `${BROKEN}/invalid-json.json`,
      'test/fixtures/flows/valid-minimal.json',
    );
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      `${BROKEN}/invalid-json.json: файл не является корректным JSON (строка 5, позиция 3)`,
    );
    expect(lines.at(-1)).toBe('Проверено файлов: 2; ошибок: 1; предупреждений: 0');
  });

  it('passes a valid file', () => {
    expect(flowsCheck('test/fixtures/flows/valid-minimal.json')).toEqual({
      code: 0,
      lines: ['Проверено файлов: 1; ошибок: 0; предупреждений: 0'],
    });
  });

  it('fails on a file that does not exist', () => {
    const { code, lines } = flowsCheck('no/such/flow.json');
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'no/such/flow.json: сценарий не прочитан: файла нет или его не удалось прочитать (нет доступа, ссылка ведёт в никуда или по кругу).',
    );
  });

  it('with no arguments checks every flow in scripts-flows/ and they all pass', () => {
    const { code, lines } = flowsCheck();
    expect(lines.at(-1)).toMatch(/^Проверено файлов: [1-9]\d*; ошибок: 0;/);
    expect(code).toBe(0);
  });
});
