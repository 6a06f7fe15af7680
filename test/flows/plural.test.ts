import { describe, expect, it } from 'vitest';
import { spokenMinutes, MINUTES_ACC, pluralRu } from '../../src/flows/plural';

describe('pluralRu', () => {
  it.each([
    [1, '1 минуту'],
    [2, '2 минуты'],
    [4, '4 минуты'],
    [5, '5 минут'],
    [0, '0 минут'],
    [11, '11 минут'],
    [12, '12 минут'],
    [14, '14 минут'],
    [21, '21 минуту'],
    [22, '22 минуты'],
    [25, '25 минут'],
    [101, '101 минуту'],
    [111, '111 минут'],
    [112, '112 минут'],
    [1001, '1001 минуту'],
  ])('%i → %s', (n, expected) => {
    expect(pluralRu(n, MINUTES_ACC)).toBe(expected);
  });
});

describe('spokenMinutes', () => {
  it.each([
    [1, '1 минуту'],
    [2, '2 минуты'],
    [5, '5 минут'],
    [15, '15 минут'],
    [60, '1 час'],
    [90, '1 час 30 минут'],
    [121, '2 часа 1 минуту'],
    [300, '5 часов'],
  ])('%i minutes → "на %s"', (minutes, expected) => {
    expect(spokenMinutes(minutes)).toBe(expected);
  });

  it('rounds a fraction up: a promise is never shorter than the wait', () => {
    expect(spokenMinutes(1.2)).toBe('2 минуты');
  });

  it('gives nothing for a non-positive or non-finite duration, so a line reports it missing', () => {
    expect(spokenMinutes(0)).toBe('');
    expect(spokenMinutes(-3)).toBe('');
    expect(spokenMinutes(Number.NaN)).toBe('');
  });
});
