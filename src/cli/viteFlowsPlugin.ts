// Vite plugin: checks scripts-flows/*.json with flows:check's rules and compiles them into ready flow
// definitions, so the operator's bundle ships no validator (zod). An invalid flow fails the build. The
// operator fetches them as a JSON asset (off the first-load JavaScript); lazy code imports them as a module.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import { FLOWS_DIR, listFlowFiles } from './cliUtil.ts';
import { checkFlowFileAt, knowledgeOptions } from './flowsCheck.ts';

/** What `import … from 'virtual:sufler-bundled-flows'` gives: the catalogue's bundled half. */
export interface CompiledFlows {
  flows: FlowDefinition[];
  /** Files that failed the check (only ever non-empty in dev and tests: the build stops instead). */
  invalid: { file: string; issues: FlowIssue[] }[];
}

export const BUNDLED_FLOWS_ID = 'virtual:sufler-bundled-flows';
const RESOLVED_ID = `\0${BUNDLED_FLOWS_ID}`;
/** The URL of the same flows as a JSON file: emitted with a content hash in a build, served fresh in dev. */
export const BUNDLED_FLOWS_URL_ID = 'virtual:sufler-bundled-flows-url';
const RESOLVED_URL_ID = `\0${BUNDLED_FLOWS_URL_ID}`;
/** Where the dev server answers with the flows JSON. */
export const DEV_FLOWS_PATH = '/@sufler/bundled-flows.json';

export interface FlowsCompilation {
  compiled: CompiledFlows;
  /** flows:check's lines for every error and warning, in file order. */
  errorLines: string[];
  warningLines: string[];
  files: string[];
}

export function compileBundledFlows(dir: string, root: string): FlowsCompilation {
  const files = listFlowFiles(dir, root);
  const options = knowledgeOptions(root);
  const compiled: CompiledFlows = { flows: [], invalid: [] };
  const errorLines: string[] = [];
  const warningLines: string[] = [];
  for (const file of files) {
    const report = checkFlowFileAt(file, root, options);
    const name = file.split('/').pop() ?? file;
    if (report.flow) compiled.flows.push(report.flow);
    else compiled.invalid.push({ file: name, issues: report.issues });
    report.lines.forEach((line, i) =>
      (report.issues[i]?.severity === 'warning' ? warningLines : errorLines).push(line),
    );
  }
  return { compiled, errorLines, warningLines, files: files.map((f) => resolve(root, f)) };
}

/**
 * The module's source: JSON.parse of a string literal parses faster than the same object as code. Marked
 * pure so a chunk that imports the module but never reads it (the first load, through a barrel) drops it.
 */
function moduleSource(compiled: CompiledFlows): string {
  return `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(compiled))});\n`;
}

export interface FlowsPluginOptions {
  /** Folder of flows relative to the project root. */
  dir?: string;
  /** Where scripts-flows/ and knowledge-base/ are, when Vite's root is elsewhere (the bench bundle). */
  root?: string;
}

export function bundledFlowsPlugin(options: FlowsPluginOptions = {}): Plugin {
  const dir = options.dir ?? FLOWS_DIR;
  let root = options.root ?? process.cwd();
  let building = false;
  let cached: FlowsCompilation | undefined;
  return {
    name: 'sufler-bundled-flows',
    configResolved(config) {
      root = options.root ?? config.root;
      building = config.command === 'build';
    },
    buildStart() {
      cached = undefined;
    },
    resolveId(id) {
      if (id === BUNDLED_FLOWS_ID) return RESOLVED_ID;
      return id === BUNDLED_FLOWS_URL_ID ? RESOLVED_URL_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_URL_ID) return undefined;
      if (id === RESOLVED_URL_ID && !building) return `export default ${JSON.stringify(DEV_FLOWS_PATH)};\n`;
      // The dev server and Vitest keep going with a broken file: the app shows it as invalid on screen.
      if (building && !existsSync(resolve(root, dir))) this.error(`No flow folder: ${dir}`);
      // Both modules of one build share one compilation (and one set of warnings); dev compiles afresh.
      const first = cached === undefined;
      const result = building ? (cached ??= compileBundledFlows(dir, root)) : compileBundledFlows(dir, root);
      result.files.forEach((f) => this.addWatchFile(f));
      if (building && result.errorLines.length > 0)
        this.error(`Invalid call flows (${result.errorLines.length}):\n${result.errorLines.join('\n')}`);
      if (building && first) result.warningLines.forEach((line) => this.warn(line));
      if (building && result.compiled.flows.length === 0) this.error(`No call flows in ${dir}`);
      if (id === RESOLVED_ID) return moduleSource(result.compiled);
      const ref = this.emitFile({
        type: 'asset',
        name: 'flows.json',
        source: JSON.stringify(result.compiled),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_FLOWS_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(compileBundledFlows(dir, root).compiled));
      });
      // A flow file added, changed or removed in dev reloads the page with the new catalogue.
      const folder = resolve(root, dir);
      server.watcher.add(folder);
      const refresh = (file: string) => {
        if (!file.startsWith(folder) || !file.endsWith('.json')) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, refresh);
    },
  };
}
