import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { runFlowsCheck } from '../../src/cli/flowsCheck';
import { bundledFlowsPlugin, type CompiledFlows } from '../../src/cli/viteFlowsPlugin';
import { checkFlow } from '../../src/flows/check';

const roots: string[] = [];
afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

const FIXTURES = 'test/fixtures/flows';

/** A throwaway project: an entry that re-exports the compiled flows, and a scripts-flows folder. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'flows-plugin-'));
  roots.push(root);
  writeFileSync(join(root, 'main.js'), "export { default } from 'virtual:sufler-bundled-flows';\n");
  mkdirSync(join(root, 'scripts-flows'));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(root, 'scripts-flows', name));
  return root;
}

async function buildProject(root: string): Promise<CompiledFlows> {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [bundledFlowsPlugin()],
    build: {
      outDir: join(root, 'dist'),
      lib: { entry: join(root, 'main.js'), formats: ['es'], fileName: () => 'flows.mjs' },
    },
  });
  const mod = (await import(pathToFileURL(join(root, 'dist/flows.mjs')).href)) as { default: CompiledFlows };
  return mod.default;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error instanceof Error ? error.message : '';
}

/** What `npm run flows:check` prints for the project, without the summary line. */
function cliLines(root: string): string[] {
  const lines: string[] = [];
  runFlowsCheck([], (l) => lines.push(l), root);
  return lines.slice(0, -1);
}

describe('bundledFlowsPlugin', { timeout: 60_000 }, () => {
  it('bundles each flow restored with its defaults, exactly as the runtime check gave it', async () => {
    const root = project({ 'minimal.json': `${FIXTURES}/valid-minimal.json` });
    const compiled = await buildProject(root);
    const raw: unknown = JSON.parse(readFileSync(`${FIXTURES}/valid-minimal.json`, 'utf8'));
    expect(compiled.invalid).toEqual([]);
    expect(compiled.flows).toEqual([checkFlow(raw, 'minimal.json').flow]);
  });

  it('fails the build on an invalid flow with the lines flows:check prints, file and line included', async () => {
    const root = project({
      'good.json': `${FIXTURES}/valid-minimal.json`,
      'missing-target.json': `${FIXTURES}/broken/missing-target.json`,
      'invalid-json.json': `${FIXTURES}/broken/invalid-json.json`,
    });
    const expected = cliLines(root);
    expect(expected).toHaveLength(2);
    const message = await failure(buildProject(root));
    for (const line of expected) expect(message).toContain(line);
    expect(message).toMatch(
      /scripts-flows\/missing-target\.json: steps\[\d+\]\.options\[\d+\]\.next: .*\(строка \d+\)/,
    );
    expect(message).toContain('scripts-flows/invalid-json.json: файл не является корректным JSON (строка 5');
    expect(message).not.toContain('good.json');
  });

  it('refuses to build an app with no flows at all', async () => {
    const root = project({});
    expect(await failure(buildProject(root))).toContain('scripts-flows');
  });

  it('keeps the dev server running on a broken file and reports it for the screen instead', async () => {
    const root = project({
      'good.json': `${FIXTURES}/valid-minimal.json`,
      'schema-required.json': `${FIXTURES}/broken/schema-required.json`,
    });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [bundledFlowsPlugin()],
      server: { middlewareMode: true, ws: false },
    });
    try {
      const mod = (await server.ssrLoadModule('virtual:sufler-bundled-flows')) as { default: CompiledFlows };
      expect(mod.default.flows.map((f) => f.id)).toEqual(['fixture-minimal']);
      expect(mod.default.invalid.map((i) => i.file)).toEqual(['schema-required.json']);
      expect(mod.default.invalid[0]?.issues.some((i) => i.severity === 'error')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
