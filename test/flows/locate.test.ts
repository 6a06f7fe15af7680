import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlowFile } from '../../src/flows/check';
import { locatePath, parsePath } from '../../src/flows/locate';

const text = readFileSync('test/fixtures/flows/broken/missing-target.json', 'utf8');
const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('locatePath', () => {
  it('parses paths', () => {
    expect(parsePath('steps[3].options[0].next')).toEqual(['steps', 3, 'options', 0, 'next']);
    expect(parsePath('')).toEqual([]);
  });

  it('points at the line of the issue in the file', () => {
    const issue = checkFlowFile(text).issues[0];
    expect(issue?.path).toBe('steps[4].options[2].next');
    const at = locatePath(text, issue?.path ?? '');
    expect(at.line).toBe(lineOf('"next": "other-department"'));
    expect(text.split('\n')[at.line - 1]?.slice(at.column - 1)).toMatch(/^"next": "other-department"/);
  });

  it('points at an array element and at a top-level key', () => {
    expect(locatePath(text, 'steps[1]').line).toBe(lineOf('"id": "identify"') - 1);
    expect(locatePath(text, 'start').line).toBe(lineOf('"start"'));
  });

  it('points at the parent when the field is missing, and at the start for the whole file', () => {
    expect(locatePath(text, 'steps[0].hints').line).toBe(lineOf('"id": "greeting"') - 1);
    expect(locatePath(text, '')).toEqual({ line: 1, column: 1 });
  });

  it('is not confused by brackets and escaped quotes inside strings', () => {
    const tricky = '{"a": "x]}\\"{[", "b": [1, {"c": "}"}, 3], "d": true}';
    expect(locatePath(tricky, 'd')).toEqual({ line: 1, column: tricky.indexOf('"d"') + 1 });
    expect(locatePath(tricky, 'b[2]')).toEqual({ line: 1, column: tricky.indexOf('3]') + 1 });
    expect(locatePath(tricky, 'b[1].c')).toEqual({ line: 1, column: tricky.indexOf('"c"') + 1 });
  });
});
