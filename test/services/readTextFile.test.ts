import { describe, expect, it } from 'vitest';
import { decodeUtf8, FLOW_FILE_MAX_BYTES, readTextFile } from '../../src/services/readTextFile';
import { t } from '../../src/i18n';

const utf8 = (s: string) => new TextEncoder().encode(s);
const JSON_TEXT = '{"title": "Запись на личный приём"}';

/** "Запись" as windows-1251 bytes, as an old Windows editor saves it. */
const CP1251 = new Uint8Array([0x7b, 0x22, 0xc7, 0xe0, 0xef, 0xe8, 0xf1, 0xfc, 0x22, 0x7d]);

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
}

describe('decodeUtf8', () => {
  it('reads UTF-8 text, with or without a byte-order mark', () => {
    expect(decodeUtf8(utf8(JSON_TEXT))).toEqual({ ok: true, text: JSON_TEXT });
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JSON_TEXT)]))).toEqual({
      ok: true,
      text: JSON_TEXT,
    });
  });

  it('names UTF-16 (either byte order), windows-1251 and binary data instead of guessing', () => {
    expect(decodeUtf8(utf16le(JSON_TEXT))).toEqual({ ok: false, problem: 'utf16' });
    expect(decodeUtf8(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]))).toEqual({ ok: false, problem: 'utf16' });
    expect(decodeUtf8(CP1251)).toEqual({ ok: false, problem: 'notUtf8' });
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(decodeUtf8(garbage)).toEqual({ ok: false, problem: 'binary' });
  });
});

describe('readTextFile', () => {
  it('refuses a file over the limit without reading it', async () => {
    let read = false;
    const huge = new Blob([new Uint8Array(FLOW_FILE_MAX_BYTES + 1)]);
    huge.arrayBuffer = () => {
      read = true;
      return Promise.resolve(new ArrayBuffer(0));
    };
    expect(await readTextFile(huge, FLOW_FILE_MAX_BYTES)).toEqual({ ok: false, problem: 'tooBig' });
    expect(read).toBe(false);
  });

  it('reads a file at the limit, and reports one the browser cannot read', async () => {
    const atLimit = new Blob([new Uint8Array(FLOW_FILE_MAX_BYTES).fill(0x20)]);
    expect(await readTextFile(atLimit, FLOW_FILE_MAX_BYTES)).toMatchObject({ ok: true });
    const gone = new Blob(['{}']);
    gone.arrayBuffer = () => Promise.reject(new DOMException('file moved', 'NotReadableError'));
    expect(await readTextFile(gone, FLOW_FILE_MAX_BYTES)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('has a Russian message for every problem, naming the file and the limit', () => {
    for (const problem of ['tooBig', 'utf16', 'binary', 'notUtf8', 'unreadable'] as const) {
      const message = t.files.problem(problem, 'сценарий.json', FLOW_FILE_MAX_BYTES);
      expect(message).toContain('«сценарий.json»');
      expect(message).toMatch(/[а-я]/);
    }
    expect(t.files.problem('tooBig', 'a.json', FLOW_FILE_MAX_BYTES)).toContain('1 МБ');
    expect(t.files.problem('notUtf8', 'a.json', FLOW_FILE_MAX_BYTES)).toContain('windows-1251');
  });
});
