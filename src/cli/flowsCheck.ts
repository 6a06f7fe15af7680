// `npm run flows:check [files…]`: checks flow files (all of scripts-flows/ without arguments) and prints
// "file: path: message (строка N)" per issue, then a summary; exits 1 on any error. CI runs it.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { flows } from '../app/i18n/ru/flows';
import { checkFlowFile } from '../flows/check';
import { locatePath } from '../flows/locate';
import type { ValidateOptions } from '../flows/validate';
import { FLOWS_DIR, isMain, listFlowFiles } from './cliUtil';
import { KB_DIR, readArticleSources } from './kbCheck';

/** Article ids are their file names; with no knowledge base at hand, article links are not checked. */
function knowledgeOptions(root: string): ValidateOptions {
  if (!existsSync(resolve(root, KB_DIR))) return {};
  const ids = readArticleSources(KB_DIR, root).map((s) => basename(s.file, '.md'));
  return { knownArticles: new Set(ids) };
}

export function runFlowsCheck(files: readonly string[], out: (line: string) => void, root = '.'): number {
  const targets = files.length > 0 ? files : listFlowFiles(FLOWS_DIR, root);
  if (targets.length === 0) {
    out(flows.noFiles);
    return 1;
  }
  const options = knowledgeOptions(root);
  let errors = 0;
  let warnings = 0;
  for (const file of targets) {
    let text: string;
    try {
      text = readFileSync(resolve(root, file), 'utf8');
    } catch {
      out(flows.cannotRead(file));
      errors++;
      continue;
    }
    for (const issue of checkFlowFile(text, file, options).issues) {
      // Invalid JSON carries its own line; paths are located in the text so editors can jump there.
      const line =
        issue.code === 'file.invalidJson' || issue.path === ''
          ? undefined
          : locatePath(text, issue.path).line;
      out(flows.issueLine(issue, file, line));
      if (issue.severity === 'error') errors++;
      else warnings++;
    }
  }
  out(flows.summary(targets.length, errors, warnings));
  return errors > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = runFlowsCheck(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
}
