// Russian derivation for search: a caller says a verb or an adjective where the article has a noun
// («где припарковаться» for «Парковка у здания», «доступен ли вход» for «Доступность здания»). Snowball
// stems inflection only, so such words shared no stem. A small measured rule set instead of a dictionary:
// a Snowball stem minus one verb or adjective suffix, and minus one verb prefix, gives roots; the indexed
// stems that begin with a root of five letters or more are the word's relatives. Only a word the articles
// do not have, and not a typo of one they have, is derived (query.ts): a word they have is itself, or
// «ответят» would find «ответственность» (test/kb/quality.test.ts measures the labelled queries of both
// kinds, `npm run bench` their top-3 share and the speed).

/** Shorter roots begin too many unrelated stems («пода», «вход»): they derive nothing. */
export const MIN_ROOT = 5;

// Verb-forming suffixes left by the stemmer («припаркова», «арендова», «зарегистрирова»), and adjective
// and noun suffixes («парковочн», «доступн», «парковк»), longest first.
const SUFFIXES = ['ирова', 'ова', 'ева', 'ива', 'ыва', 'очн', 'ечн', 'ск', 'н', 'к', 'а', 'я'];
// Verb prefixes a caller adds («при-парковаться», «за-регистрироваться», «по-жаловаться»).
const PREFIXES = [
  'пере',
  'при',
  'про',
  'под',
  'раз',
  'рас',
  'вы',
  'за',
  'по',
  'на',
  'от',
  'об',
  'до',
  'у',
  'с',
];

/** The roots whose indexed stems count as relatives of a word with Snowball stem `stem` (itself included). */
export function derivedRoots(stem: string): string[] {
  const roots = new Set<string>();
  const add = (root: string) => {
    if (root.length < MIN_ROOT) return;
    roots.add(root);
  };
  const bases = [stem, ...SUFFIXES.filter((x) => stem.endsWith(x)).map((x) => stem.slice(0, -x.length))];
  for (const base of bases) {
    add(base);
    const prefix = PREFIXES.find((p) => base.startsWith(p) && base.length - p.length >= MIN_ROOT);
    if (prefix) add(base.slice(prefix.length));
  }
  return [...roots];
}
