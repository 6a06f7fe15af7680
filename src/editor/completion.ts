// Variable completion in a line: what the editor is typing after "{{", and the text once one is chosen.
import { FIELDS_PREFIX, KNOWN_VARIABLES } from '../flows/templates';
import type { FlowDefinition } from '../flows/types';

const OPEN = /\{\{\s*([\w.]*)$/;

/** Variables a line of this flow may use: the fixed ones and every captured field. */
export function variablesOf(flow: FlowDefinition): string[] {
  const fields = new Set(flow.steps.flatMap((s) => s.capture.map((f) => `${FIELDS_PREFIX}${f.id}`)));
  return [...KNOWN_VARIABLES, ...fields];
}

/** The partial name typed right before the caret after an unclosed "{{", or null. */
export function typedVariable(text: string, caret: number): string | null {
  const m = OPEN.exec(text.slice(0, caret));
  return m ? (m[1] ?? '') : null;
}

export function suggestions(all: readonly string[], typed: string, limit = 8): string[] {
  const lower = typed.toLowerCase();
  const starts = all.filter((v) => v.toLowerCase().startsWith(lower));
  const contains = all.filter((v) => !starts.includes(v) && v.toLowerCase().includes(lower));
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the partial name before the caret with the chosen variable and closes the braces. */
export function acceptVariable(text: string, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, caret).replace(/\{\{\s*[\w.]*$/, `{{${name}}}`);
  const after = text.slice(caret).replace(/^[\w.]*\s*\}\}/, '');
  return { text: before + after, caret: before.length };
}
