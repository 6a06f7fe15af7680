// Synthetic Russian knowledge bases for the bench: pseudo-words with real Russian inflection paradigms,
// Zipf-distributed, from a fixed seed, so every run and every engine sees the same articles and queries.
import type { IndexableArticle } from '../../src/kb/search';
import { DIRECTIONS } from '../../src/kb/article';
import { TOPICS } from '../../src/kb/topics';

import { seededRng, type Rng } from '../helpers/random';

const pick = <T>(rng: Rng, xs: readonly T[]): T => {
  const x = xs[Math.floor(rng() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};

// Case/number endings of common Russian paradigms (nouns in -а, hard masculine, -ие, -ость; adjectives; verbs).
const PARADIGMS: readonly (readonly string[])[] = [
  ['а', 'ы', 'е', 'у', 'ой', 'ам', 'ами', 'ах'],
  ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах'],
  ['ие', 'ия', 'ию', 'ием', 'ии', 'ий', 'иям', 'иями', 'иях'],
  ['ость', 'ости', 'остью', 'остей', 'остям', 'остями'],
  ['ый', 'ая', 'ое', 'ого', 'ому', 'ым', 'ой', 'ую', 'ые', 'ых', 'ыми'],
  ['ать', 'аю', 'ает', 'ают', 'ал', 'ала', 'али', 'аете'],
];
const CONSONANTS = 'бвгдзклмнпрстфхчш';
const VOWELS = 'аоуиэе';

export interface Lexeme {
  forms: readonly string[];
}

function makeLexicon(rng: Rng, size: number): Lexeme[] {
  const seen = new Set<string>();
  const lexemes: Lexeme[] = [];
  while (lexemes.length < size) {
    const syllables = 2 + Math.floor(rng() * 2);
    let root = '';
    for (let i = 0; i < syllables; i++) root += pick(rng, [...CONSONANTS]) + pick(rng, [...VOWELS]);
    root += pick(rng, [...CONSONANTS]);
    if (seen.has(root)) continue;
    seen.add(root);
    lexemes.push({ forms: pick(rng, PARADIGMS).map((e) => root + e) });
  }
  return lexemes;
}

/** Zipf-like draw: low ranks (common words) come up far more often than high ones. */
function zipf(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rng() * Math.log(n + 1)) - 1));
}

export interface QueryCase {
  kind: string;
  query: string;
  expected: string;
}

export interface SyntheticKb {
  articles: IndexableArticle[];
  queries: QueryCase[];
}

const LEXICON_SIZE = 8000;

/**
 * Articles: a title of 4–6 words, 3 caller questions, a short answer and a body, all built around
 * the article's own rarer words plus common ones. Queries name an article by 3 of its title words:
 * as written (exact), in other case forms (inflected), with one typo, and cut short as typed (prefix-k).
 */
export function syntheticKb(size: number, queriesPerKind: number, seed = 20261123): SyntheticKb {
  const rng = seededRng(seed);
  const lex = makeLexicon(rng, LEXICON_SIZE);
  const word = (l: Lexeme): string => pick(rng, l.forms);
  const common = (): string => word(lex[zipf(rng, 300)] ?? lex[0]!);
  const anyWord = (): string => word(lex[zipf(rng, LEXICON_SIZE)] ?? lex[0]!);
  const sentence = (own: Lexeme[], length: number): string => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) {
      const r = rng();
      out.push(r < 0.35 ? word(pick(rng, own)) : r < 0.7 ? common() : anyWord());
    }
    return out.join(' ');
  };

  const articles: IndexableArticle[] = [];
  const titles: { lexemes: Lexeme[]; forms: string[] }[] = [];
  for (let i = 0; i < size; i++) {
    const own: Lexeme[] = [];
    while (own.length < 8) own.push(lex[300 + Math.floor(rng() * (LEXICON_SIZE - 300))] ?? lex[0]!);
    const titleLexemes = own.slice(0, 4 + Math.floor(rng() * 3));
    const titleForms = titleLexemes.map(word);
    titles.push({ lexemes: titleLexemes, forms: titleForms });
    const body: string[] = [];
    const paragraphs = 2 + Math.floor(rng() * 3);
    for (let p = 0; p < paragraphs; p++) body.push(sentence(own, 25 + Math.floor(rng() * 20)) + '.');
    articles.push({
      id: `kb-${String(i).padStart(5, '0')}`,
      title: titleForms.join(' '),
      questions: [0, 1, 2].map(() => sentence(own, 6 + Math.floor(rng() * 5)) + '?'),
      short: sentence(own, 18 + Math.floor(rng() * 12)) + '.',
      body: body.join('\n\n'),
      directions: [pick(rng, DIRECTIONS)],
      topics: [pick(rng, TOPICS), pick(rng, TOPICS)],
      organisations: rng() < 0.6 ? [] : [pick(rng, ['minsport', 'mincifra', 'minsoc'])],
    });
  }

  const queries: QueryCase[] = [];
  const qrng = seededRng(seed ^ 0x5eed);
  for (let q = 0; q < queriesPerKind; q++) {
    const target = Math.floor(qrng() * size);
    const t = titles[target];
    const a = articles[target];
    if (!t || !a) continue;
    const idx = [0, 1, 2, 3].sort(() => qrng() - 0.5).slice(0, 3);
    const exact = idx.map((i) => t.forms[i] ?? '');
    const inflected = idx.map((i) => {
      const forms = (t.lexemes[i]?.forms ?? []).filter((f) => f !== t.forms[i]);
      return forms.length > 0 ? pick(qrng, forms) : (t.forms[i] ?? '');
    });
    const typoAt = exact.findIndex((w) => w.length >= 5);
    const typo = exact.map((w, i) => (i === typoAt ? oneTypo(qrng, w) : w));
    queries.push({ kind: 'exact', query: exact.join(' '), expected: a.id });
    queries.push({ kind: 'inflected', query: inflected.join(' '), expected: a.id });
    queries.push({ kind: 'typo', query: typo.join(' '), expected: a.id });
    for (let k = 1; k <= 5; k++) {
      // Half of the typed states are the first word alone, half a word after a finished one.
      const head = q % 2 === 0 ? [] : exact.slice(0, 2);
      const last = (q % 2 === 0 ? exact[0] : exact[2]) ?? '';
      queries.push({ kind: `prefix-${k}`, query: [...head, last.slice(0, k)].join(' '), expected: a.id });
    }
  }
  return { articles, queries };
}

/** One insertion, deletion, substitution or swap of neighbours, anywhere but after the last letter. */
export function oneTypo(rng: Rng, w: string): string {
  const i = Math.floor(rng() * (w.length - 1));
  const letter = pick(rng, [...'абвгдеиклмнопрстуя']);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return w.slice(0, i) + letter + w.slice(i);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2: {
      const other = letter === w[i] ? 'ы' : letter;
      return w.slice(0, i) + other + w.slice(i + 1);
    }
    default:
      return w[i] === w[i + 1]
        ? w.slice(0, i) + letter + w.slice(i + 1)
        : w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
  }
}
