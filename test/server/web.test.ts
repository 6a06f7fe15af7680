// The built PWA served by the server: app routes fall back to index.html, hashed assets are cached for a
// year, and index.html and the service worker are revalidated on every load.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './serverHarness';

describe('serving the app', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'sufler-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Суфлёр</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    server = await startTestServer('embedded', { staticDir: dist, seedSamples: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/operator', '/supervisor', '/editor', '/operator/callbacks'])(
    'answers the app route %s with index.html',
    async (url) => {
      const res = await server.call('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Суфлёр');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const asset = await server.call('GET', '/assets/index-abc123.js');
    const sw = await server.call('GET', '/sw.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file and an unknown API route 404, not with the app', async () => {
    const file = await server.call('GET', '/assets/missing-000.js');
    const api = await server.call('GET', '/api/v1/whatever');
    expect(file.statusCode).toBe(404);
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
  });

  it.each(['/', '/operator', '/sw.js', '/assets/index-abc123.js', '/api/v1/session', '/api/v1/whatever'])(
    'sends a strict Content-Security-Policy and the other security headers with %s',
    async (url) => {
      const res = await server.call('GET', url);
      const policy = new Map(
        String(res.headers['content-security-policy'] ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name = '', ...values]) => [name, values]),
      );
      // Scripts only from this origin's files: no inline script, no eval, no other host.
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['permissions-policy']).toContain('camera=()');
      // Plain HTTP: no HSTS (it would be ignored, and it would lock out a test machine's HTTP later).
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );
});

describe('behind a TLS proxy', () => {
  it('tells the browser to stay on HTTPS', async () => {
    const server = await startTestServer('embedded', { seedSamples: false, trustProxy: true });
    try {
      const res = await server.call('GET', '/api/v1/session', { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await server.close();
    }
  });
});
