import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
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
      text: expect.stringContaining('Не удалось прочитать'),
    });
    const bad = run([FLOW, 'test/fixtures/simulate/bad-event.json']);
    expect(bad.code).toBe(1);
    expect(bad.text).toContain(
      'Файл событий test/fixtures/simulate/bad-event.json не подходит: events.1.type',
    );
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
