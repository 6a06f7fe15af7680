// Restores a knowledge-base article from its Markdown source (YAML front matter + body).
// Every problem comes back as a code with the file, line and field, never as a thrown error.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import { ARTICLE_KEYS, CLIENT_NEEDS, DIRECTIONS, type Article } from './article.ts';
import { TOPICS } from './topics.ts';

/** About 25–30 seconds read aloud at a calm pace: longer than this is no longer a short answer. */
export const SHORT_MAX_CHARS = 450;
export const TITLE_MAX_CHARS = 120;
export const MIN_QUESTIONS = 2;
export const REVIEW_EVERY_MIN_DAYS = 7;
export const REVIEW_EVERY_MAX_DAYS = 730;
/**
 * The full answer, in UTF-8 bytes: the longest shipped body is 4 KB. A body of megabytes is a pasted
 * document, not an answer to read on a call, and it slows every search that touches it.
 */
export const BODY_MAX_BYTES = 200 * 1024;

/** Why a file's bytes were not read as an article (the same reasons as src/services/readTextFile.ts). */
export type UnreadableReason = 'tooBig' | 'utf16' | 'binary' | 'notUtf8' | 'unreadable' | 'notAFile';

type FrontMatterKey = Exclude<(typeof ARTICLE_KEYS)[number], 'body' | 'reviewEveryDays'> | 'reviewEvery';
/** The front matter's keys: the article's fields but its body, the review interval as authors write it. */
export const FRONT_MATTER_KEYS: readonly FrontMatterKey[] = ARTICLE_KEYS.flatMap((k) =>
  k === 'body' ? [] : [k === 'reviewEveryDays' ? 'reviewEvery' : k],
);

/** What is wrong, as data: the catalogue (src/i18n/ru/kb.ts) turns it into words. */
export type KbProblem =
  | { code: 'frontMatterMissing' }
  | { code: 'frontMatterUnclosed' }
  | { code: 'yamlSyntax'; yamlCode: string; detail: string }
  | { code: 'frontMatterNotMap' }
  | { code: 'missingKey' }
  | { code: 'unknownKey' }
  | { code: 'notText' }
  | { code: 'notList' }
  | { code: 'emptyValue' }
  | { code: 'tooFewQuestions'; min: number }
  | { code: 'duplicateInList'; value: string }
  | { code: 'idFormat'; value: string }
  | { code: 'idNotFileName'; value: string; expected: string }
  | { code: 'duplicateId'; value: string; otherFile: string }
  | { code: 'unknownDirection'; value: string }
  | { code: 'unknownNeed'; value: string }
  | { code: 'unknownTopic'; value: string }
  | { code: 'organisationFormat'; value: string }
  | { code: 'badDate'; value: string }
  | { code: 'titleTooLong'; length: number; max: number }
  | { code: 'shortTooLong'; length: number; max: number }
  | { code: 'reviewEveryRange'; value: string; min: number; max: number }
  | { code: 'bodyEmpty' }
  | { code: 'bodyTooLong'; kilobytes: number; maxKilobytes: number }
  | { code: 'unreadableFile'; reason: UnreadableReason; maxBytes: number };

export type KbIssueCode = KbProblem['code'];

export type KbIssue = KbProblem & {
  /** Path as given by the caller, e.g. "knowledge-base/appeal-deadlines.md". */
  file: string;
  /** 1-based line in the whole file. */
  line: number;
  /** Front-matter key the problem is about (possibly an unknown one); null for the file as a whole. */
  field: string | null;
};

export type RestoreResult = { ok: true; article: Article } | { ok: false; issues: KbIssue[] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The article id every file must carry: its name without folder and extension. */
export function idFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '');
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

interface Split {
  yaml: string;
  /** Line of the file on which the YAML text starts (1-based). */
  yamlFirstLine: number;
  body: string;
  bodyFirstLine: number;
}

/** UTF-8 length of a string without encoding it (surrogate pairs count 4 bytes together). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 0 : c >= 0xdc00 && c < 0xe000 ? 4 : 3;
  }
  return n;
}

function splitFrontMatter(text: string): Split | KbProblem {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { code: 'frontMatterMissing' };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) return { code: 'frontMatterUnclosed' };
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlFirstLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyFirstLine: close + 2,
  };
}

export function restoreArticle(text: string, file: string): RestoreResult {
  const issues: KbIssue[] = [];
  const report = (line: number, field: string | null, problem: KbProblem) =>
    issues.push({ ...problem, file, line, field });

  const split = splitFrontMatter(text);
  if ('code' in split) {
    report(1, null, split);
    return { ok: false, issues };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (node: unknown): number =>
    isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line + split.yamlFirstLine - 1 : 1;

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = (e.linePos?.[0].line ?? 1) + split.yamlFirstLine - 1;
      // The library's message repeats a position relative to the YAML block; ours is the file's line.
      const detail = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      report(line, null, { code: 'yamlSyntax', yamlCode: e.code, detail });
    }
    return { ok: false, issues };
  }
  if (!isMap(doc.contents)) {
    report(1, null, { code: 'frontMatterNotMap' });
    return { ok: false, issues };
  }

  const pairs = new Map<FrontMatterKey, Pair<unknown, unknown>>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const known = FRONT_MATTER_KEYS.find((k) => k === key);
    if (known) pairs.set(known, pair);
    else report(lineOf(pair.key), key, { code: 'unknownKey' });
  }

  const ctx: FieldContext = { pairs, lineOf, report };
  const id = readText(ctx, 'id');
  const title = readText(ctx, 'title');
  const questions = readTextList(ctx, 'questions', false);
  const short = readText(ctx, 'short');
  const directions = readEnumList(ctx, 'directions', DIRECTIONS, 'unknownDirection');
  const needs = readEnumList(ctx, 'needs', CLIENT_NEEDS, 'unknownNeed');
  const topics = readEnumList(ctx, 'topics', TOPICS, 'unknownTopic');
  const organisations = readTextList(ctx, 'organisations', true);
  const source = readText(ctx, 'source');
  const reviewed = readText(ctx, 'reviewed');
  const reviewEvery = readNumber(ctx, 'reviewEvery');
  const owner = readText(ctx, 'owner');

  const at = (k: FrontMatterKey) => lineOf(pairs.get(k)?.key);
  const expectedId = idFromFileName(file);
  if (id !== undefined && !SLUG.test(id)) report(at('id'), 'id', { code: 'idFormat', value: id });
  else if (id !== undefined && id !== expectedId)
    report(at('id'), 'id', { code: 'idNotFileName', value: id, expected: expectedId });
  if (title !== undefined && title.length > TITLE_MAX_CHARS)
    report(at('title'), 'title', { code: 'titleTooLong', length: title.length, max: TITLE_MAX_CHARS });
  if (questions && questions.length < MIN_QUESTIONS)
    report(at('questions'), 'questions', { code: 'tooFewQuestions', min: MIN_QUESTIONS });
  if (short !== undefined && short.length > SHORT_MAX_CHARS)
    report(at('short'), 'short', { code: 'shortTooLong', length: short.length, max: SHORT_MAX_CHARS });
  for (const org of organisations ?? [])
    if (!SLUG.test(org))
      report(at('organisations'), 'organisations', { code: 'organisationFormat', value: org });
  if (reviewed !== undefined && !isValidIsoDate(reviewed))
    report(at('reviewed'), 'reviewed', { code: 'badDate', value: reviewed });
  if (
    reviewEvery !== undefined &&
    (!Number.isInteger(reviewEvery) ||
      reviewEvery < REVIEW_EVERY_MIN_DAYS ||
      reviewEvery > REVIEW_EVERY_MAX_DAYS)
  )
    report(at('reviewEvery'), 'reviewEvery', {
      code: 'reviewEveryRange',
      value: String(reviewEvery),
      min: REVIEW_EVERY_MIN_DAYS,
      max: REVIEW_EVERY_MAX_DAYS,
    });
  const body = split.body.trim();
  if (body === '') report(split.bodyFirstLine, null, { code: 'bodyEmpty' });
  const bodyBytes = utf8Length(body);
  if (bodyBytes > BODY_MAX_BYTES)
    report(split.bodyFirstLine, null, {
      code: 'bodyTooLong',
      kilobytes: Math.ceil(bodyBytes / 1024),
      maxKilobytes: BODY_MAX_BYTES / 1024,
    });

  if (issues.length > 0) return { ok: false, issues };
  // Every reader above reported an issue when it returned undefined, so these are all defined here.
  if (
    id === undefined ||
    title === undefined ||
    questions === undefined ||
    short === undefined ||
    directions === undefined ||
    needs === undefined ||
    topics === undefined ||
    organisations === undefined ||
    source === undefined ||
    reviewed === undefined ||
    reviewEvery === undefined ||
    owner === undefined
  )
    return { ok: false, issues };
  return {
    ok: true,
    article: {
      id,
      title,
      questions,
      short,
      directions,
      needs,
      topics,
      organisations,
      source,
      reviewed,
      reviewEveryDays: reviewEvery,
      owner,
      body,
    },
  };
}

interface FieldContext {
  pairs: Map<FrontMatterKey, Pair<unknown, unknown>>;
  lineOf: (node: unknown) => number;
  report: (line: number, field: string | null, problem: KbProblem) => void;
}

function present(ctx: FieldContext, key: FrontMatterKey): Pair<unknown, unknown> | undefined {
  const pair = ctx.pairs.get(key);
  if (!pair) ctx.report(1, key, { code: 'missingKey' });
  return pair;
}

/** Folded YAML text keeps a trailing newline and the writer's spacing; a spoken line needs neither. */
function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function readText(ctx: FieldContext, key: FrontMatterKey): string | undefined {
  const pair = present(ctx, key);
  if (!pair) return undefined;
  const line = ctx.lineOf(pair.value ?? pair.key);
  const node = pair.value;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    const empty = node === null || (isScalar(node) && node.value === null);
    ctx.report(line, key, { code: empty ? 'emptyValue' : 'notText' });
    return undefined;
  }
  const text = cleanText(String(node.value));
  if (text === '') {
    ctx.report(line, key, { code: 'emptyValue' });
    return undefined;
  }
  return text;
}

function readNumber(ctx: FieldContext, key: FrontMatterKey): number | undefined {
  const pair = present(ctx, key);
  if (!pair) return undefined;
  const node = pair.value;
  const line = ctx.lineOf(node ?? pair.key);
  if (isScalar(node) && typeof node.value === 'number') return node.value;
  const shown = isScalar(node) ? String(node.value) : '';
  ctx.report(line, key, {
    code: 'reviewEveryRange',
    value: shown,
    min: REVIEW_EVERY_MIN_DAYS,
    max: REVIEW_EVERY_MAX_DAYS,
  });
  return undefined;
}

function readTextList(ctx: FieldContext, key: FrontMatterKey, mayBeEmpty: boolean): string[] | undefined {
  const pair = present(ctx, key);
  if (!pair) return undefined;
  const node = pair.value;
  if (!isSeq(node)) {
    ctx.report(ctx.lineOf(node ?? pair.key), key, { code: 'notList' });
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  for (const itemNode of node.items) {
    const line = ctx.lineOf(itemNode);
    if (!isScalar(itemNode) || typeof itemNode.value !== 'string' || cleanText(itemNode.value) === '') {
      ctx.report(line, key, {
        code: isScalar(itemNode) && itemNode.value === null ? 'emptyValue' : 'notText',
      });
      ok = false;
      continue;
    }
    const text = cleanText(itemNode.value);
    if (out.includes(text)) {
      ctx.report(line, key, { code: 'duplicateInList', value: text });
      ok = false;
    }
    out.push(text);
  }
  if (!mayBeEmpty && node.items.length === 0) {
    ctx.report(ctx.lineOf(pair.key), key, { code: 'emptyValue' });
    return undefined;
  }
  return ok ? out : undefined;
}

function readEnumList<T extends string>(
  ctx: FieldContext,
  key: FrontMatterKey,
  allowed: readonly T[],
  unknownCode: 'unknownDirection' | 'unknownNeed' | 'unknownTopic',
): T[] | undefined {
  const list = readTextList(ctx, key, false);
  if (!list) return undefined;
  const pair = ctx.pairs.get(key);
  const items = isSeq(pair?.value) ? pair.value.items : [];
  const out: T[] = [];
  list.forEach((value, i) => {
    const known = allowed.find((a) => a === value);
    if (known) out.push(known);
    else ctx.report(ctx.lineOf(items[i]), key, { code: unknownCode, value });
  });
  return out.length === list.length ? out : undefined;
}
