import { describe, expect, it } from 'vitest';
import { lineColumn, parseFlowFile, restoreFlow } from '../../src/flows/restore';

describe('restoreFlow', () => {
  it.each([null, 42, 'flow', [], undefined])('never throws on %s and reports the root', (raw) => {
    const r = restoreFlow(raw, 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ path: '', severity: 'error', file: 'x.json' });
    }
  });

  it('names every missing required field by its path', () => {
    const r = restoreFlow({ steps: [{ id: 'a' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.filter((i) => i.code === 'schema.required').map((i) => i.path);
    expect(paths.sort()).toEqual(
      ['client', 'direction', 'id', 'start', 'steps[0].say', 'steps[0].stage', 'title', 'version'].sort(),
    );
  });

  it('refuses an empty line to say', () => {
    const r = restoreFlow({
      id: 'x',
      version: 1,
      title: 't',
      direction: 'inbound',
      client: 'external',
      start: 'a',
      steps: [{ id: 'a', stage: 'greeting', say: '   ' }],
    });
    expect(!r.ok && r.issues).toEqual([
      {
        code: 'schema.tooSmall',
        path: 'steps[0].say',
        params: { origin: 'string', minimum: 1 },
        severity: 'error',
      },
    ]);
  });
});

describe('parseFlowFile', () => {
  it('reports invalid JSON with line and column', () => {
    const text = '{\n  "id": "x",\n  "version": 1,,\n}';
    const r = parseFlowFile(text, 'f.json');
    expect(!r.ok && r.issues).toEqual([
      {
        code: 'file.invalidJson',
        path: '',
        params: { line: 3, column: 16 },
        severity: 'error',
        file: 'f.json',
      },
    ]);
  });

  it('reports a truncated file at its end', () => {
    const r = parseFlowFile('{\n  "id": "x",\n', 'f.json');
    expect(!r.ok && r.issues[0]?.params).toEqual({ line: 3, column: 1 });
  });

  it('accepts a byte-order mark', () => {
    const r = parseFlowFile('\uFEFF{}');
    expect(!r.ok && r.issues[0]?.code).toBe('schema.required');
  });

  it('computes line and column from an offset', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
