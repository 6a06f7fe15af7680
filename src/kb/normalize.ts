// Text normalisation shared by the search index, the query parser and the highlighter:
// one tokenizer and one stemmer, so what is indexed and what is searched always agree.
import { stemmer as snowballRu } from '@orama/stemmers/russian';

export interface Token {
  /** Lower-case, ё folded to е. */
  word: string;
  start: number;
  end: number;
}

export function normalizeWord(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

const OTHER_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

// Letters and digits of any script; a hyphenated word ("из-за", "онлайн-запись") splits into its parts.
// A char-code test for the common alphabets: building an index scans millions of characters.
function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x410 && c <= 0x44f) return true;
  if (c === 0x401 || c === 0x451) return true;
  return OTHER_WORD_CHAR.test(text[i] ?? '');
}

/**
 * Calls `visit` with each normalised word and its [start, end) in `text`. Pass `normalized` when the
 * whole text already went through normalizeWord (the index build does, to skip two copies per word).
 */
export function forEachWord(
  text: string,
  visit: (word: string, start: number, end: number) => void,
  normalized = false,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i), text, i)) i++;
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i), text, i)) i++;
    if (i > start) {
      const raw = text.slice(start, i);
      visit(normalized ? raw : normalizeWord(raw), start, i);
    }
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (word, start, end) => tokens.push({ word, start, end }));
  return tokens;
}

// Function words carry no meaning for search and would make every query touch every article.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее ' +
    'если есть еще же за здесь и из или им их к как ко когда кто ли либо мне может мы на над надо наш не него ' +
    'нее нет ни них но ну о об однако он она они оно от очень по под при с со так также такой там те тем то того ' +
    'тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этот я мой моя мое мои мне меня'
  ).split(' '),
);

const CYRILLIC = /[а-я]/;
const stemCache = new Map<string, string>();

/** Snowball Russian stem of a normalised word; words without Cyrillic (codes, numbers, Latin) stay whole. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = CYRILLIC.test(word) ? snowballRu(word) : word;
    // The cache only bounds repeated work inside one build; cap it so a long session cannot grow it forever.
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}
