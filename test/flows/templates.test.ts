import { describe, expect, it } from 'vitest';
import {
  KNOWN_VARIABLES,
  malformedPlaceholders,
  renderLine,
  templateVariables,
} from '../../src/flows/templates';
import type { TemplateVars } from '../../src/flows/types';

const vars: TemplateVars = {
  greeting: 'Добрый день',
  operator: { fullName: 'Петрова Анна Сергеевна', position: 'консультант' },
  organisation: { shortName: 'Минцифры Свердловской области' },
  caller: { name: 'Иван Петрович', need: '' },
  hold: { duration: '2 минуты' },
  fields: { district: 'Кировский' },
};

describe('renderLine', () => {
  it('fills every variable', () => {
    expect(
      renderLine(
        '{{greeting}}! {{organisation.shortName}}, {{operator.position}} {{operator.fullName}}.',
        vars,
      ),
    ).toEqual({
      kind: 'ready',
      text: 'Добрый день! Минцифры Свердловской области, консультант Петрова Анна Сергеевна.',
    });
  });

  it('tolerates spaces inside braces and repeats', () => {
    expect(renderLine('{{ caller.name }}, подождите {{hold.duration}}, {{caller.name}}', vars)).toEqual({
      kind: 'ready',
      text: 'Иван Петрович, подождите 2 минуты, Иван Петрович',
    });
  });

  it('never returns a half-filled sentence: empty and absent values are listed instead', () => {
    const r = renderLine(
      'Правильно ли я понимаю, что {{caller.need}}? Перезвоню {{callback.deadline}}.',
      vars,
    );
    expect(r).toEqual({ kind: 'missing', missing: ['caller.need', 'callback.deadline'] });
  });

  it('treats whitespace-only or punctuation-only as empty', () => {
    expect(renderLine('{{caller.name}}', { caller: { name: '   ' } })).toEqual({
      kind: 'missing',
      missing: ['caller.name'],
    });
    expect(renderLine('что {{caller.need}}?', { caller: { need: ' ?' } })).toEqual({
      kind: 'missing',
      missing: ['caller.need'],
    });
  });

  it('reports unknown variables as missing so a typo never reaches the caller', () => {
    expect(renderLine('{{caller.nmae}} {{constructor}} {{operator.toString}}', vars)).toEqual({
      kind: 'missing',
      missing: ['caller.nmae', 'constructor', 'operator.toString'],
    });
  });

  it('fills captured custom fields', () => {
    expect(renderLine('Район: {{fields.district}}', vars)).toEqual({
      kind: 'ready',
      text: 'Район: Кировский',
    });
    expect(renderLine('{{fields.other}}', vars)).toEqual({ kind: 'missing', missing: ['fields.other'] });
  });

  it('refuses a line with broken braces', () => {
    expect(renderLine('Здравствуйте, {{caller.name', vars).kind).toBe('missing');
    expect(malformedPlaceholders('Здравствуйте, {{caller.name')).toEqual(['{{']);
    expect(malformedPlaceholders('a {{}} b')).toEqual(['{{}}']);
    expect(malformedPlaceholders('ok {{caller.name}}')).toEqual([]);
  });

  it("drops a value's own end punctuation where the line puts its own", () => {
    const v: TemplateVars = { caller: { need: 'как подать обращение?', name: 'Иван Петрович.' } };
    expect(renderLine('Правильно ли я понимаю, что {{caller.need}}?', v)).toEqual({
      kind: 'ready',
      text: 'Правильно ли я понимаю, что как подать обращение?',
    });
    expect(renderLine('{{caller.name}} — {{caller.need}}', v)).toEqual({
      kind: 'ready',
      text: 'Иван Петрович. — как подать обращение?',
    });
  });

  it('never re-reads placeholders inside values', () => {
    expect(renderLine('{{caller.need}}', { caller: { need: 'что такое {{greeting}}' } })).toEqual({
      kind: 'ready',
      text: 'что такое {{greeting}}',
    });
  });

  it('leaves a line without variables as it is', () => {
    expect(renderLine('Спасибо за ожидание', {})).toEqual({ kind: 'ready', text: 'Спасибо за ожидание' });
  });
});

describe('templateVariables / KNOWN_VARIABLES', () => {
  it('lists variables in order, once', () => {
    expect(templateVariables('{{b.x}} {{a.y}} {{b.x}}')).toEqual(['b.x', 'a.y']);
  });

  it('knows every variable of the contract', () => {
    expect(KNOWN_VARIABLES).toContain('greeting');
    expect(KNOWN_VARIABLES).toContain('operator.fullName');
    expect(KNOWN_VARIABLES).toContain('callback.question');
    expect(KNOWN_VARIABLES).toContain('outcome.wayForward');
    expect(KNOWN_VARIABLES).toHaveLength(1 + 6 + 6 + 4 + 1 + 3 + 2 + 4);
  });
});

describe('free text inside a sentence', () => {
  it('starts a typed need in lower case mid-sentence, keeps acronyms, names and sentence starts', () => {
    const line = 'Правильно ли я понимаю, что {{caller.need}}?';
    expect(renderLine(line, { caller: { need: 'Как записаться на приём?' } })).toEqual({
      kind: 'ready',
      text: 'Правильно ли я понимаю, что как записаться на приём?',
    });
    expect(renderLine(line, { caller: { need: 'МФЦ не принял заявление' } })).toEqual({
      kind: 'ready',
      text: 'Правильно ли я понимаю, что МФЦ не принял заявление?',
    });
    expect(renderLine('{{caller.need}} — так?', { caller: { need: 'Нужна справка' } })).toEqual({
      kind: 'ready',
      text: 'Нужна справка — так?',
    });
    expect(renderLine('Спасибо, {{caller.name}}.', { caller: { name: 'Мария Петровна' } })).toEqual({
      kind: 'ready',
      text: 'Спасибо, Мария Петровна.',
    });
  });
});
