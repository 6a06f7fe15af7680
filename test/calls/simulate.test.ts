import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlowsSimulate } from '../../src/cli/flowsSimulate';

const ROOT = resolve(import.meta.dirname, '../..');
const FLOW = 'scripts-flows/inbound-consultation.json';
const fixture = (name: string) => `test/fixtures/simulate/${name}.json`;

function run(args: string[]) {
  const lines: string[] = [];
  const code = runFlowsSimulate(args, (l) => lines.push(l), ROOT);
  const text = lines.join('\n');
  const jsonStart = text.indexOf('\n{');
  const final = code === 0 ? (JSON.parse(text.slice(jsonStart + 1)) as Record<string, unknown>) : null;
  return { code, text, transcript: code === 0 ? text.slice(0, jsonStart) : text, final };
}

describe('flows:simulate', () => {
  it('prints what the operator sees through a hold, its warning, expiry and one extension, then the outcome', () => {
    const { code, transcript, final } = run([FLOW, fixture('consultation-hold-by-date')]);
    expect(code).toBe(0);
    expect(transcript).toContain(
      '[+00:00] приветствие · Оператор: «Доброе утро! Министерство цифрового развития',
    );
    expect(transcript).toContain('[+01:30] → clock.holdWarning');
    expect(transcript).toContain(
      '[+02:00] Удержание: обещанное время вышло · Оператор: «Спасибо за ожидание!»',
    );
    expect(transcript).toContain(
      '«Ольга Ивановна, ваш вопрос будет решён к 24 декабря. Спасибо за звонок, всего доброго!»',
    );
    expect(final).toMatchObject({
      flow: 'inbound-consultation@1',
      state: 'ended',
      outcome: { kind: 'byDate' },
      end: { reason: 'farewell' },
      holds: [
        { promisedMinutes: 2, heldSeconds: 130, overrunSeconds: 10, endedBy: 'extended' },
        { promisedMinutes: 1, heldSeconds: 40, overrunSeconds: 0, endedBy: 'resumed' },
      ],
    });
  });

  it('refuses a third transfer with the reason, then ends with a callback task', () => {
    const { code, transcript, final } = run([FLOW, fixture('consultation-third-transfer')]);
    expect(code).toBe(0);
    expect(transcript).toMatch(/→ operator\.transfer — Переключить нельзя: звонок уже дважды переключали/);
    expect(transcript).toContain('я перезвоню вам до 18:00 сегодня по номеру +7 (912) 345-67-89');
    expect(final).toMatchObject({
      transfers: { counter: '2 из 2', records: [] },
      outcome: { kind: 'callback' },
      callback: { phone: '+79123456789', question: 'записаться на личный приём к министру' },
    });
  });

  it('records a dropped line, keeping the hold time and offering a callback to the known number', () => {
    const { code, final } = run([FLOW, fixture('consultation-dropped')]);
    expect(code).toBe(0);
    expect(final).toMatchObject({
      end: { reason: 'brokenOff', by: 'line', stepId: 'needs' },
      holds: [{ heldSeconds: 20, endedBy: 'brokenOff' }],
      offerCallback: { phone: '+73433120050' },
    });
  });

  it('on an outbound call, asks for the callback before its deadline is named, then says goodbye with it', () => {
    const { code, transcript, final } = run([
      'scripts-flows/outbound-callback.json',
      fixture('outbound-callback-not-now'),
    ]);
    expect(code).toBe(0);
    expect(transcript).toContain('Сначала заполните: callback.deadline');
    expect(transcript).toContain('«Ольга Ивановна, перезвоню вам завтра до 12:00. Спасибо, до свидания!»');
    expect(transcript).not.toContain('пропущено');
    expect(final).toMatchObject({
      outcome: { kind: 'callback' },
      end: { reason: 'farewell', by: 'caller' },
      callback: { question: 'сроки рассмотрения обращения', phone: '+79123456789' },
    });
  });

  it('explains bad input in Russian and exits non-zero', () => {
    expect(run([]).text).toMatch(/^Использование: npm run flows:simulate/);
    expect(run([FLOW, 'test/fixtures/simulate/missing.json'])).toMatchObject({
      code: 1,
      text: expect.stringContaining('не удалось прочитать'),
    });
    const bad = run([FLOW, 'test/fixtures/simulate/bad-event.json']);
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(
      /^Файл событий test\/fixtures\/simulate\/bad-event\.json не подходит: events\[1\]\.type: недопустимое значение; допустимы: wait, operator\.choose,/,
    );
  });

  it('speaks Russian only about a bad events file, whatever is wrong in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-'));
    const cases: [unknown, string][] = [
      [
        { start: { transfersBefore: 3 }, events: [] },
        'start.transfersBefore: значение должно быть не больше 2',
      ],
      [[{ type: 'operator.hold', minutes: '2' }], 'events[0].minutes: ожидается число, указано: строка'],
      [[{ type: 'operator.resume', now: true }], 'events[0].now: неизвестное поле «now» (опечатка?)'],
      [[{ type: 'wait' }], 'events[0].seconds: обязательное поле не заполнено'],
      [{ start: { organisation: 'kursk' }, events: [] }, 'start.organisation: нет организации «kursk»'],
      [{ start: { at: 'вчера' }, events: [] }, 'start.at: «вчера» — не время'],
    ];
    try {
      cases.forEach(([script, says], k) => {
        const file = join(dir, `case-${k}.json`);
        writeFileSync(file, JSON.stringify(script));
        const { code, text } = run([FLOW, file]);
        expect(code).toBe(1);
        expect(text).toContain(says);
        // No words of the validation library's English (or any other) leak through.
        expect(text).not.toMatch(/\b(Invalid|Expected|expected|Too big|Too small|Required|Unrecognized)\b/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at an option id the step does not have, naming the step and its options, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-'));
    const file = join(dir, 'typo.json');
    writeFileSync(
      file,
      JSON.stringify([
        { type: 'operator.choose', optionId: 'continue' },
        { type: 'operator.choose', optionId: 'kown' },
        { type: 'operator.hold', minutes: 2 },
      ]),
    );
    try {
      const { code, text } = run([FLOW, file]);
      expect(code).toBe(1);
      expect(text).toContain('! на шаге «identify» нет варианта «kown»; есть: known');
      expect(text).not.toContain('недоступно');
      expect(text).not.toContain('operator.hold');
      expect(text.split('\n').at(-1)).toBe(`Симуляция остановлена: исправьте файл событий ${file}.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as the npm script would', () => {
    const out = execFileSync(
      resolve(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/flowsSimulate.ts', FLOW, fixture('consultation-hold-by-date')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out).toContain('"state": "ended"');
  }, 30_000);
});
