// The flows as the operator's first load gets them: a JSON file emitted by the build beside the code,
// named by its content, and the module that gives its URL.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFlowsPlugin, compileBundledFlows, DEV_FLOWS_PATH } from '../../src/cli/viteFlowsPlugin';

const roots: string[] = [];
afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'flows-asset-'));
  roots.push(root);
  writeFileSync(
    join(root, 'main.js'),
    "import url from 'virtual:sufler-bundled-flows-url';\nconsole.log(url);\n",
  );
  mkdirSync(join(root, 'scripts-flows'));
  copyFileSync('test/fixtures/flows/valid-minimal.json', join(root, 'scripts-flows/minimal.json'));
  return root;
}

describe('the bundled flows as a JSON file', { timeout: 60_000 }, () => {
  it('emits the checked flows under a content-hashed name, and the code fetches that name', async () => {
    const root = project();
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [bundledFlowsPlugin()],
      build: {
        outDir: join(root, 'dist'),
        minify: false,
        rolldownOptions: { input: join(root, 'main.js') },
      },
    });
    const assets = readdirSync(join(root, 'dist/assets'));
    const file = assets.find((f) => /^flows-[\w-]+\.json$/.test(f));
    expect(file).toBeDefined();
    const json: unknown = JSON.parse(readFileSync(join(root, 'dist/assets', file ?? ''), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(compileBundledFlows('scripts-flows', root).compiled)));
    const code = assets
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(root, 'dist/assets', f), 'utf8'));
    expect(code.join('\n')).toContain(`/assets/${file}`);
  });

  it('is served fresh by the dev server at the URL the module gives', async () => {
    const root = project();
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [bundledFlowsPlugin()],
      server: { port: 0, ws: false },
    });
    try {
      await server.listen();
      const mod = (await server.ssrLoadModule('virtual:sufler-bundled-flows-url')) as { default: string };
      expect(mod.default).toBe(DEV_FLOWS_PATH);
      const base = server.resolvedUrls?.local[0] ?? '';
      const response = await fetch(new URL(DEV_FLOWS_PATH, base));
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const json: unknown = await response.json();
      expect(json).toEqual(JSON.parse(JSON.stringify(compileBundledFlows('scripts-flows', root).compiled)));
    } finally {
      await server.close();
    }
  });
});
