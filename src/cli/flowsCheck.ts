// `npm run flows:check [files…]`: checks flow files (all of scripts-flows/ without arguments) and prints
// "file: path: message (строка N)" per issue, then a summary; exits 1 on any error. CI runs it.
import { basename, resolve } from 'node:path';
import * as flows from '../i18n/ru/flows.ts';
import { checkFlowFile } from '../flows/check.ts';
import type { FlowIssue } from '../flows/issues';
import { locatePath } from '../flows/locate.ts';
import type { FlowDefinition } from '../flows/types';
import type { ValidateOptions } from '../flows/validate';
import { FLOW_FILE_MAX_BYTES } from '../services/readTextFile.ts';
import { FLOWS_DIR, isMain, listFlowFiles } from './cliUtil.ts';
import { isArticleFolder, KB_DIR, readArticleSources } from './kbCheck.ts';
import { readDiskText } from './sourceFiles.ts';

/** Article ids are their file names; with no knowledge base at hand, article links are not checked. */
export function knowledgeOptions(root: string): ValidateOptions {
  if (!isArticleFolder(KB_DIR, root)) return {};
  const ids = readArticleSources(KB_DIR, root).map((s) => basename(s.file, '.md'));
  return { knownArticles: new Set(ids) };
}

export interface FlowFileReport {
  /** Present only when the file has no error (warnings allowed). */
  flow?: FlowDefinition;
  issues: FlowIssue[];
  /** One printed line per issue, with the line in the file where it can be found. */
  lines: string[];
  errors: number;
  warnings: number;
}

/** Checks one file as flows:check does; the build plugin runs the same so both print the same lines. */
export function checkFlowFileAt(file: string, root: string, options: ValidateOptions): FlowFileReport {
  const read = readDiskText(resolve(root, file), FLOW_FILE_MAX_BYTES);
  if (!read.ok)
    return {
      issues: [],
      lines: [flows.cannotRead(file, read.problem, FLOW_FILE_MAX_BYTES)],
      errors: 1,
      warnings: 0,
    };
  const text = read.text;
  const checked = checkFlowFile(text, file, options);
  const lines = checked.issues.map((issue) => {
    // Invalid JSON carries its own line; paths are located in the text so editors can jump there.
    const line =
      issue.code === 'file.invalidJson' || issue.path === '' ? undefined : locatePath(text, issue.path).line;
    return flows.issueLine(issue, file, line);
  });
  const errors = checked.issues.filter((i) => i.severity === 'error').length;
  return { ...checked, lines, errors, warnings: checked.issues.length - errors };
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
    const report = checkFlowFileAt(file, root, options);
    report.lines.forEach(out);
    errors += report.errors;
    warnings += report.warnings;
  }
  out(flows.summary(targets.length, errors, warnings));
  return errors > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = runFlowsCheck(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
}
