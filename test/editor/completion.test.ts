import { describe, expect, it } from 'vitest';
import { acceptVariable, suggestions, typedVariable } from '../../src/editor/completion';

describe('variable completion in a line', () => {
  it('knows when the caret is inside an unclosed {{', () => {
    expect(typedVariable('Здравствуйте, {{cal', 19)).toBe('cal');
    expect(typedVariable('Здравствуйте, {{', 16)).toBe('');
    expect(typedVariable('{{caller.name}} и', 17)).toBeNull();
  });

  it('offers names that start with the typed text first', () => {
    const all = ['caller.name', 'callback.phone', 'organisation.phone', 'hold.duration'];
    expect(suggestions(all, 'phone')).toEqual(['callback.phone', 'organisation.phone']);
    expect(suggestions(all, 'call')).toEqual(['caller.name', 'callback.phone']);
  });

  it('closes the braces and puts the caret after them, replacing a half-typed name', () => {
    expect(acceptVariable('Добрый день, {{cal, как дела', 18, 'caller.name')).toEqual({
      text: 'Добрый день, {{caller.name}}, как дела',
      caret: 28,
    });
    expect(acceptVariable('{{cal}} ждёт', 5, 'caller.name').text).toBe('{{caller.name}} ждёт');
  });
});
