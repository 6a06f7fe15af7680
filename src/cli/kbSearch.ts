// `npm run kb:search -- "<query>"`: searches knowledge-base/ with the app's own engine and prints the top
// results as JSON, with the words that matched, so editors see why an article does or does not come up.
import { search as messages } from '../i18n/ru/search';
import { buildIndex, search, type SearchFilters } from '../kb/search';
import { isMain } from './cliUtil';
import { isArticleFolder, KB_DIR, loadKnowledgeBase } from './kbCheck';

export interface KbSearchArgs {
  query: string;
  limit: number;
  filters: SearchFilters;
  dir: string;
}

/** Parses argv; returns a message for the person on bad input. */
export function parseKbSearchArgs(argv: readonly string[]): KbSearchArgs | { error: string } {
  const words: string[] = [];
  const directions: string[] = [];
  const topics: string[] = [];
  let organisation: string | undefined;
  let limit = 10;
  let dir = KB_DIR;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const value = argv[++i] ?? '';
    if (arg === '--limit') {
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        return { error: messages.cli.badLimit(value) };
    } else if (arg === '--direction') directions.push(value);
    else if (arg === '--topic') topics.push(value);
    else if (arg === '--org') organisation = value;
    else if (arg === '--dir') dir = value;
    else return { error: `${messages.cli.unknownFlag(arg)}\n${messages.cli.usage}` };
  }
  // A query given without a trailing space still means finished words on the command line.
  const query = words.join(' ').trim();
  if (query === '') return { error: `${messages.cli.noQuery}\n${messages.cli.usage}` };
  const filters: SearchFilters = {};
  if (directions.length > 0) filters.directions = directions;
  if (topics.length > 0) filters.topics = topics;
  if (organisation !== undefined) filters.organisation = organisation;
  return { query: `${query} `, limit, filters, dir };
}

export function runKbSearch(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const args = parseKbSearchArgs(argv);
  if ('error' in args) {
    err(args.error);
    return 2;
  }
  if (!isArticleFolder(args.dir)) {
    err(messages.cli.noFolder(args.dir));
    return 1;
  }
  const { articles, issues } = loadKnowledgeBase(args.dir);
  if (issues.length > 0) err(messages.cli.skipped(new Set(issues.map((i) => i.file)).size));
  const result = search(buildIndex(articles), args.query, { limit: args.limit, filters: args.filters });
  const words = (text: string, ranges: readonly (readonly [number, number])[]): string[] =>
    ranges.map(([s, e]) => text.slice(s, e));
  const report = {
    query: args.query.trim(),
    total: result.total,
    results: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      short: h.short,
      score: h.score,
      matched: [...new Set([...words(h.title, h.titleRanges), ...words(h.short, h.shortRanges)])],
    })),
  };
  out(JSON.stringify(report, null, 2));
  return 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = runKbSearch(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
