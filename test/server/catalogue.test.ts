// The server's Russian words live in the one string catalogue (src/i18n/ru/server.ts), like the app's:
// no refusal or console line is written into server code, where a translator would not find it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { server as messages } from '../../src/i18n/ru/server';
import { startTestServer } from './serverHarness';

const SERVER = join(import.meta.dirname, '..', '..', 'src', 'server');
// The sample people are data (fictional names), like the sample organisations in src/calls.
const DATA = new Set(['seed.ts']);

const sources = readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !DATA.has(f))
  .map((f) => join(SERVER, f));

describe('the server speaks from the catalogue', () => {
  it('has no Russian words in its code', () => {
    const cyrillic = /[\u0400-\u04ff]/;
    const found = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => `${relative(SERVER, file)}:${i + 1}: ${line.trim()}`)
        .filter((line) => cyrillic.test(line)),
    );
    expect(found).toEqual([]);
  });

  it('answers with the catalogue’s words', async () => {
    const s = await startTestServer('embedded');
    try {
      const res = await s.call('GET', '/api/v1/no-such-thing');
      expect(res.json()).toEqual({ code: 'not_found', message: messages.api.not_found });
      const tooBig = await s.call('POST', '/api/v1/session', {
        body: { login: 'x'.repeat(70_000), password: 'y' },
      });
      expect(tooBig.json()).toEqual({ code: 'body_too_large', message: messages.bodyTooLarge(64) });
      expect(messages.locked(1)).toContain('через 1 минуту');
      expect(messages.locked(3)).toContain('через 3 минуты');
      expect(messages.locked(11)).toContain('через 11 минут');
    } finally {
      await s.close();
    }
  });
});
