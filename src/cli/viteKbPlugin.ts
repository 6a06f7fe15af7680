// Vite plugin: compiles knowledge-base/*.md into kb-bundle.json (build: emitted asset, precached by the
// service worker; dev: served fresh on each request). An invalid article fails the build with kb:check's messages.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { assembleBundle, KB_BUNDLE_FILE, type KbBundle } from '../kb/bundle.ts';
import * as kb from '../i18n/ru/kb.ts';
import { renderArticleBody } from '../kb/render.ts';
import { formatKbIssue, isArticleFolder, KB_DIR, loadKnowledgeBase } from './kbCheck.ts';

export interface KbPluginOptions {
  /** Folder of articles relative to the project root; SUFLER_KB_DIR overrides it (e2e builds a hostile one). */
  dir?: string;
}

type Compiled = { ok: true; bundle: KbBundle; files: string[] } | { ok: false; message: string };

export function compileKnowledgeBase(dir: string, root: string, builtAt: string): Compiled {
  if (!isArticleFolder(dir, root)) return { ok: false, message: kb.check.noFolder(dir) };
  const { articles, issues } = loadKnowledgeBase(dir, root);
  if (issues.length > 0) {
    const lines = issues.map(formatKbIssue);
    return { ok: false, message: `Invalid knowledge-base articles (${issues.length}):\n${lines.join('\n')}` };
  }
  const bundle = assembleBundle(articles, {
    render: renderArticleBody,
    hash: (text) => createHash('sha256').update(text).digest('hex'),
    builtAt,
  });
  return { ok: true, bundle, files: articles.map((a) => resolve(root, dir, `${a.id}.md`)) };
}

export function kbBundlePlugin(options: KbPluginOptions = {}): Plugin {
  const dir = process.env.SUFLER_KB_DIR ?? options.dir ?? KB_DIR;
  let root = process.cwd();
  let json: string | undefined;
  let building = false;
  return {
    name: 'sufler-kb-bundle',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    buildStart() {
      json = undefined;
      // The dev server (and Vitest) compile on request instead: a broken article must not stop them.
      if (!building) return;
      const compiled = compileKnowledgeBase(dir, root, new Date().toISOString());
      if (!compiled.ok) this.error(compiled.message);
      else {
        compiled.files.forEach((f) => this.addWatchFile(f));
        json = JSON.stringify(compiled.bundle);
      }
    },
    generateBundle() {
      if (json !== undefined) this.emitFile({ type: 'asset', fileName: KB_BUNDLE_FILE, source: json });
    },
    configureServer(server) {
      server.middlewares.use(`/${KB_BUNDLE_FILE}`, (_req, res) => {
        const compiled = compileKnowledgeBase(dir, root, new Date().toISOString());
        if (!compiled.ok) {
          server.config.logger.error(compiled.message);
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(compiled.message);
          return;
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(compiled.bundle));
      });
    },
  };
}
