// Restores a flow from outside data (a file, the editor, storage): validates the shape with the zod
// schema, fills defaults, and reports problems as coded issues with the JSON path in the file.

import type { z } from 'zod';
import { formatPath, type FlowIssue, type IssueParams } from './issues.ts';
import { flowFileSchema, MAX_FLOW_STEPS } from './schema.ts';
import type { FlowDefinition } from './types';

export type RestoreResult = { ok: true; flow: FlowDefinition } | { ok: false; issues: FlowIssue[] };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** The value at `path` in `raw`, and whether the last key exists at all. */
function at(raw: unknown, path: readonly PropertyKey[]): { exists: boolean; value: unknown } {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      return { exists: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[key]; // hasOwn checked above
  }
  return { exists: true, value: current };
}

/** One zod issue as coded issues (never zod's English): the flow files' and the simulator's scripts' words. */
export function toIssues(raw: unknown, zi: z.core.$ZodIssue): FlowIssue[] {
  const path = formatPath(zi.path);
  const issue = (code: FlowIssue['code'], params: IssueParams = {}, p = path): FlowIssue => ({
    code,
    path: p,
    params,
    severity: 'error',
  });
  const found = at(raw, zi.path);
  // Whatever zod's own code (an enum reports invalid_value), an absent field is a missing field.
  if (zi.code !== 'unrecognized_keys' && (!found.exists || found.value === undefined)) {
    return [issue('schema.required')];
  }
  switch (zi.code) {
    case 'invalid_type':
      return [issue('schema.invalidType', { expected: zi.expected, received: typeName(found.value) })];
    case 'unrecognized_keys':
      return zi.keys.map((key) => issue('schema.unknownKey', { key }, formatPath([...zi.path, key])));
    case 'invalid_value':
      return [issue('schema.invalidValue', { allowed: zi.values.map(String).join(', ') })];
    case 'too_small':
      return [issue('schema.tooSmall', { origin: zi.origin, minimum: Number(zi.minimum) })];
    case 'too_big':
      return [issue('schema.tooBig', { origin: zi.origin, maximum: Number(zi.maximum) })];
    case 'invalid_union':
      // A discriminated union (an event's type) names the values it knows.
      if ('options' in zi && Array.isArray(zi.options))
        return [issue('schema.invalidValue', { allowed: zi.options.map(String).join(', ') })];
      return [issue('schema.invalid')];
    case 'invalid_format':
      // The schema tags its regexes with a short name ("id", "fieldId") in the message.
      return [issue('schema.invalidFormat', { format: zi.format === 'regex' ? zi.message : zi.format })];
    default:
      return [issue('schema.invalid')];
  }
}

/**
 * Too many steps, told before zod walks them: a forged file of 10,000 broken steps would otherwise yield
 * tens of thousands of issues for the editor to list. The same limit as the schema's, same issue.
 */
function tooManySteps(raw: unknown): FlowIssue | null {
  const steps = raw !== null && typeof raw === 'object' && 'steps' in raw ? raw.steps : undefined;
  if (!Array.isArray(steps) || steps.length <= MAX_FLOW_STEPS) return null;
  return {
    code: 'schema.tooBig',
    path: formatPath(['steps']),
    params: { origin: 'array', maximum: MAX_FLOW_STEPS },
    severity: 'error',
  };
}

/** Validates and fills defaults. Never throws, whatever `raw` is. */
export function restoreFlow(raw: unknown, file?: string): RestoreResult {
  const tooMany = tooManySteps(raw);
  if (tooMany) return { ok: false, issues: [file === undefined ? tooMany : { ...tooMany, file }] };
  const parsed = flowFileSchema.safeParse(raw);
  if (parsed.success) {
    const { $schema: _pointer, ...flow } = parsed.data;
    return { ok: true, flow };
  }
  const issues = parsed.error.issues.flatMap((zi) => toIssues(raw, zi));
  return { ok: false, issues: file === undefined ? issues : issues.map((i) => ({ ...i, file })) };
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Where JSON.parse gave up, from V8's message ("at position 42" or "line 3 column 5"). */
function jsonErrorOffset(text: string, message: string): number {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    const line = Number(lc[1]);
    return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
  }
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  return text.length; // "Unexpected end of JSON input"
}

/** Parses a flow file's text: invalid JSON is reported with its line and column, then restoreFlow. */
export function parseFlowFile(text: string, file?: string): RestoreResult {
  // A byte-order mark from a Windows editor is not an error worth bothering an editor with.
  const body = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = lineColumn(body, jsonErrorOffset(body, message));
    const issue: FlowIssue = {
      code: 'file.invalidJson',
      path: '',
      params: { line, column },
      severity: 'error',
    };
    return { ok: false, issues: [file === undefined ? issue : { ...issue, file }] };
  }
  return restoreFlow(raw, file);
}
