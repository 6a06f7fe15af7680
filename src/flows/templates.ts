// {{variable}} templates in operator lines. A line is either rendered whole or not at all: the operator
// sees what to fill in first, never a half-filled sentence read out to a caller.

import type { RenderedLine, TemplateVars } from './types';

/** Every group.key a line may use, besides `greeting` and `fields.<captured field id>`. */
const GROUPS = {
  operator: ['fullName', 'surname', 'firstName', 'patronymic', 'position', 'department'],
  organisation: ['fullName', 'shortName', 'phone', 'website', 'email', 'address'],
  caller: ['name', 'phone', 'appealNumber', 'need'],
  hold: ['duration'],
  callback: ['deadline', 'phone', 'question'],
  transfer: ['target', 'count'],
  outcome: ['date', 'reason', 'wayForward', 'body'],
} as const satisfies {
  [K in Exclude<keyof TemplateVars, 'greeting' | 'fields'>]-?: readonly (keyof NonNullable<
    TemplateVars[K]
  >)[];
};

// Compile-time guard: adding a key to TemplateVars without listing it above fails here.
type Grouped = keyof typeof GROUPS;
type Unlisted = {
  [K in Grouped]: Exclude<keyof NonNullable<TemplateVars[K]>, (typeof GROUPS)[K][number]>;
}[Grouped];
const _allListed: [Unlisted] extends [never] ? true : never = true;
void _allListed;

export const FIELDS_PREFIX = 'fields.';

/** Every fixed variable name, e.g. "operator.fullName"; `fields.<id>` is open-ended and not listed. */
export const KNOWN_VARIABLES: readonly string[] = [
  'greeting',
  ...Object.entries(GROUPS).flatMap(([group, keys]) => keys.map((k) => `${group}.${k}`)),
];

const KNOWN = new Set(KNOWN_VARIABLES);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SENTENCE_PUNCTUATION = /^[.,;:!?…]$/u;
const TRAILING_PUNCTUATION = /[\s.,;:!?…]+$/u;

/** Variable names in the order they first appear, without repeats. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) seen.add(m[1] ?? '');
  return [...seen];
}

/** True when the name is a fixed variable or a well-formed `fields.<id>`. */
export function isKnownVariable(name: string): boolean {
  return KNOWN.has(name) || fieldIdOf(name) !== null;
}

/** The captured-field id in "fields.<id>", or null. */
export function fieldIdOf(name: string): string | null {
  if (!name.startsWith(FIELDS_PREFIX)) return null;
  const id = name.slice(FIELDS_PREFIX.length);
  return /^[A-Za-z][\w-]*$/.test(id) ? id : null;
}

/**
 * Braces that do not form a placeholder: "{{name" or "name}}" or "{{}}". Returned as the offending
 * fragments so the validator can point at them; a line with any of these is never rendered.
 */
export function malformedPlaceholders(template: string): string[] {
  const bad: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if ((m[1] ?? '') === '') bad.push(m[0]);
  const rest = template.replace(PLACEHOLDER, ' ');
  if (rest.includes('{{') || rest.includes('}}')) bad.push(rest.includes('{{') ? '{{' : '}}');
  return bad;
}

function lookup(vars: TemplateVars, name: string): string | undefined {
  if (name === 'greeting') return vars.greeting;
  const field = fieldIdOf(name);
  if (field !== null) return vars.fields?.[field];
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const group = name.slice(0, dot);
  const key = name.slice(dot + 1);
  if (!Object.hasOwn(GROUPS, group)) return undefined;
  const values: Readonly<Record<string, string | undefined>> | undefined = vars[group as Grouped]; // group checked above
  return values && Object.hasOwn(values, key) ? values[key] : undefined;
}

/** Free text the operator typed as the caller said it; names and numbers are never re-cased. */
const PHRASE_VARIABLES = new Set([
  'caller.need',
  'callback.question',
  'outcome.reason',
  'outcome.wayForward',
]);

/**
 * "Правильно ли я понимаю, что {{caller.need}}" with a need typed as "Как записаться на приём" must
 * read "…, что как записаться…": a phrase inside a sentence starts in lower case. Acronyms ("МФЦ") stay.
 */
function midSentenceCase(name: string, value: string, before: string): string {
  if (!PHRASE_VARIABLES.has(name)) return value;
  const lead = before.trimEnd();
  if (lead === '' || /[.!?…]$/u.test(lead)) return value;
  const [first, second] = [...value];
  if (!first || !second || second !== second.toLowerCase() || first === first.toLowerCase()) return value;
  return first.toLowerCase() + value.slice(first.length);
}

/**
 * Fills every placeholder, or reports the variables still empty (unknown names count as missing, so a
 * typo in a flow can never reach the caller). Values are trimmed; whitespace or punctuation alone counts
 * as empty.
 */
export function renderLine(template: string, vars: TemplateVars): RenderedLine {
  const missing: string[] = [];
  for (const name of templateVariables(template)) {
    const value = isKnownVariable(name) ? lookup(vars, name)?.replace(TRAILING_PUNCTUATION, '') : undefined;
    if (!value?.trim()) missing.push(name);
  }
  if (malformedPlaceholders(template).length > 0 && missing.length === 0) missing.push('{{…}}');
  if (missing.length > 0) return { kind: 'missing', missing };
  const text = template.replace(PLACEHOLDER, (match: string, name: string, offset: number) => {
    const value = midSentenceCase(name, lookup(vars, name)?.trim() ?? '', template.slice(0, offset));
    // A need written down as "Как подать обращение?" inside "…, что {{caller.need}}?" must not read "??".
    const after = template.charAt(offset + match.length);
    return SENTENCE_PUNCTUATION.test(after) ? value.replace(TRAILING_PUNCTUATION, '') : value;
  });
  return { kind: 'ready', text };
}
