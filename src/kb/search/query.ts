import { STOP_WORDS, stem, tokenize } from '../normalize';
import { forEachOneEditNeighbour, lexiconSize, lookup, prefixRange, wordAt } from './lexicon';
import { packedLength as lexiconLength } from './packedStrings';
import { derivedRoots } from './derivation';
import { highlightRanges } from './highlight';
import { WEIGHT_STEP } from './build';
import { PREFIX_FACTOR, SHORT_PREFIX, STRONG_WEIGHT, idfOf, prefixLists } from './shortPrefix';
import type {
  HighlightTerms,
  SearchFilters,
  SearchHit,
  SearchIndex,
  SearchOptions,
  SearchResult,
} from './types';

/** A corrected typo counts for less than the word as written. */
const TYPO_FACTOR = 0.6;
/** A word of the same root (derivation.ts) counts for less than the word's own stem, more than a typo. */
const DERIVED_FACTOR = 0.7;
/** A root that begins more stems than this is too general to stand for one word's relatives. */
const MAX_DERIVED = 12;
/** Below this length one edit turns a word into too many others. */
const MIN_TYPO_LENGTH = 4;
const DEFAULT_LIMIT = 10;
/** A pasted paragraph is not a query: its first words decide (and per-doc counts stay within a byte). */
const MAX_WORDS = 24;

/** Per-index work arrays, reused across queries; stamps avoid clearing them between queries. */
interface Scratch {
  stamp: number;
  // Per document: this word's best score, the query's running total and how many words matched.
  wordStamp: Uint32Array;
  wordBest: Float32Array;
  docStamp: Uint32Array;
  total: Float32Array;
  matched: Uint8Array;
  touched: Uint32Array;
  docs: Uint32Array;
  // Per stem: the expansions of the word being matched, each with its best factor.
  wordMark: number;
  stemStamp: Uint32Array;
  factor: Float64Array;
  expansions: Uint32Array;
  expansionCount: number;
  /** idf per stem, computed on first use (NaN until then): a short prefix expands to hundreds of stems. */
  idf: Float64Array;
  filterKey: string;
  allowed: Uint8Array | null;
  /** keep() for the typo corrector's neighbours (stems, and word forms), made once per index. */
  keepTypo: (stemId: number) => void;
  keepTypoForm: (formId: number) => void;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docs.count;
    const stems = lexiconSize(index.stems);
    const created: Scratch = {
      stamp: 0,
      wordStamp: new Uint32Array(n),
      wordBest: new Float32Array(n),
      docStamp: new Uint32Array(n),
      total: new Float32Array(n),
      matched: new Uint8Array(n),
      touched: new Uint32Array(n),
      docs: new Uint32Array(n),
      wordMark: 0,
      stemStamp: new Uint32Array(stems),
      factor: new Float64Array(stems),
      expansions: new Uint32Array(stems),
      expansionCount: 0,
      idf: new Float64Array(stems).fill(Number.NaN),
      filterKey: '',
      allowed: null,
      keepTypo: (stemId) => keep(created, stemId, TYPO_FACTOR),
      keepTypoForm: (formId) => keep(created, index.surfaceStem[formId] ?? 0, TYPO_FACTOR),
    };
    s = created;
    scratches.set(index, s);
  }
  return s;
}

/** Adds a stem to the current word's expansions; when several routes reach it, the best factor wins. */
function keep(s: Scratch, stemId: number, factor: number): void {
  if (s.stemStamp[stemId] !== s.wordMark) {
    s.stemStamp[stemId] = s.wordMark;
    s.factor[stemId] = factor;
    s.expansions[s.expansionCount++] = stemId;
  } else if ((s.factor[stemId] ?? 0) < factor) {
    s.factor[stemId] = factor;
  }
}

/** How many articles hold a stem. */
const docFrequency = (index: SearchIndex, stemId: number): number =>
  (index.postStart[stemId + 1] ?? 0) - (index.postStart[stemId] ?? 0);

/**
 * `st` is the word's stem, which is not indexed. Called with no expansions kept yet for the word.
 *
 * A typo may be one edit from several words («окращение»: обращение, сокращение). The likelier reading
 * is the more common word, but idf favours the rarer one, so a rare neighbour in a title used to outrank
 * every article about the word meant. So every correction of one typo counts with the commonest
 * correction's idf (the typo is one word, whichever it was meant to be), times its share of the
 * commonest's article count: the commonest keeps TYPO_FACTOR, a word in one article against five counts
 * a fifth.
 */
function addTypoCorrections(index: SearchIndex, s: Scratch, word: string, st: string): void {
  if (word.length < MIN_TYPO_LENGTH) return;
  // The stems are few, so they are corrected first. A typo in the ending can confuse the stemmer: when
  // no stem is one edit away, the word form as written is corrected among every indexed form.
  if (st.length >= MIN_TYPO_LENGTH) forEachOneEditNeighbour(index.stems, st, s.keepTypo);
  if (s.expansionCount === 0) forEachOneEditNeighbour(index.surface, word, s.keepTypoForm);
  if (s.expansionCount < 2) return;
  let commonest = s.expansions[0] ?? 0;
  for (let e = 1; e < s.expansionCount; e++) {
    const id = s.expansions[e] ?? 0;
    if (docFrequency(index, id) > docFrequency(index, commonest)) commonest = id;
  }
  const most = docFrequency(index, commonest);
  const idf = idfOf(index, commonest);
  for (let e = 0; e < s.expansionCount; e++) {
    const id = s.expansions[e] ?? 0;
    if (id === commonest) continue;
    s.factor[id] = (TYPO_FACTOR * (docFrequency(index, id) / most) * idf) / idfOf(index, id);
  }
}

/** Indexed stems of the same root as the word (derivation.ts); returns whether any was found. */
function addDerived(index: SearchIndex, s: Scratch, st: string): boolean {
  const before = s.expansionCount;
  for (const root of derivedRoots(st)) {
    const [from, to] = prefixRange(index.stems, root);
    if (to - from > MAX_DERIVED) continue;
    for (let id = from; id < to; id++) keep(s, id, DERIVED_FACTOR);
  }
  return s.expansionCount > before;
}

function expandWhole(index: SearchIndex, s: Scratch, word: string): void {
  // A short adjective («доступен», «полезен») loses its fleeting vowel to the stemmer and lands on the
  // noun's stem («доступ»); its full form's stem («доступн») is the same word, when the articles have it.
  if (word.endsWith('ен')) {
    const st = stem(word);
    const adjective = word === `${st}ен` ? lookup(index.stems, `${st}н`) : -1;
    if (adjective >= 0) return keep(s, adjective, 1);
  }
  // A word form seen in the articles has its stem at hand: the stemmer would give the same one.
  const form = lookup(index.surface, word);
  if (form >= 0) return keep(s, index.surfaceStem[form] ?? 0, 1);
  const st = stem(word);
  const id = lookup(index.stems, st);
  // A word the articles have is itself, not its relatives: every stem it begins would count as one, and
  // «ответят» (ответ) would find articles about responsibility (ответственность).
  if (id >= 0) return keep(s, id, 1);
  // A word the articles do not have is a typo first (one edit is the likelier slip), a relative after.
  addTypoCorrections(index, s, word, st);
  if (s.expansionCount === 0) addDerived(index, s, st);
}

/** A word being typed, of three letters or more: every word form it begins, and its own stem. */
function expandPartial(index: SearchIndex, s: Scratch, prefix: string): void {
  const [from, to] = prefixRange(index.surface, prefix);
  for (let i = from; i < to; i++)
    keep(s, index.surfaceStem[i] ?? 0, lexiconLength(index.surface, i) === prefix.length ? 1 : PREFIX_FACTOR);
  // A prefix that is itself a word form (first in its range) has just been kept with its stem.
  if (from < to && lexiconLength(index.surface, from) === prefix.length) return;
  const st = stem(prefix);
  const id = lookup(index.stems, st);
  if (id >= 0) keep(s, id, 1);
  // The operator may have finished the word with a typo and not typed a space yet; a prefix that still
  // begins some word is taken as typed so far, which spares the typo search on most keystrokes.
  else if (s.expansionCount === 0) addTypoCorrections(index, s, prefix, st);
  if (s.expansionCount === 0) addDerived(index, s, st);
}

/**
 * One or two typed letters, scored from the prefix's list (see shortPrefix.ts) into wordBest; returns
 * how many documents were touched, or -1 when no stem begins with the letters. Adds what to highlight.
 */
/** Where the last word's documents go when no earlier word matched any: straight to the top k. */
interface DirectOffer {
  top: TopK;
  allowed: Uint8Array | null;
  coverage: number;
  total: number;
}

function scoreShortPrefix(
  index: SearchIndex,
  s: Scratch,
  prefix: string,
  wordStamp: number,
  highlight: number[],
  direct: DirectOffer | null,
): number {
  const lists = prefixLists(index);
  const list = lists.byPrefix.get(prefix);
  // The stemmer may shorten even two letters to a stem outside the prefix's run: it counts in full.
  const own = lookup(index.stems, stem(prefix));
  const outside = own >= 0 && lexiconLength(index.stems, own) < prefix.length;
  if (list === undefined && !outside) return -1;
  let touched = 0;
  if (list !== undefined) {
    const equal = lookup(index.stems, prefix);
    if (equal >= 0 && !highlight.includes(equal)) highlight.push(equal);
    const to = lists.start[list + 1] ?? 0;
    if (direct && !outside) {
      // Nothing to merge with: each document's score is final as listed.
      const { top, allowed, coverage } = direct;
      for (let k = lists.start[list] ?? 0; k < to; k++) {
        const d = lists.doc[k] ?? 0;
        if (allowed && allowed[d] === 0) continue;
        direct.total++;
        top.offer(d, (lists.score[k] ?? 0) * coverage * coverage);
      }
      return 0;
    }
    for (let k = lists.start[list] ?? 0; k < to; k++) {
      const d = lists.doc[k] ?? 0;
      s.wordStamp[d] = wordStamp;
      s.wordBest[d] = lists.score[k] ?? 0;
      s.touched[touched++] = d;
    }
  }
  if (outside) {
    if (!highlight.includes(own)) highlight.push(own);
    const weight = WEIGHT_STEP * 1 * idfOf(index, own);
    for (let k = index.postStart[own] ?? 0; k < (index.postStart[own + 1] ?? 0); k++) {
      const w = index.postWeight[k] ?? 0;
      if (w < STRONG_WEIGHT) continue;
      const d = index.postDoc[k] ?? 0;
      touched = keepBest(s, wordStamp, d, weight * (w + 0.5), touched);
    }
  }
  return touched;
}

/**
 * A document's score for the current word: the first one marks it touched (stored at `touched`), a later
 * one replaces it only when higher. Returns the new count of touched documents.
 */
function keepBest(s: Scratch, wordStamp: number, d: number, score: number, touched: number): number {
  if (s.wordStamp[d] !== wordStamp) {
    s.wordStamp[d] = wordStamp;
    s.wordBest[d] = score;
    s.touched[touched] = d;
    return touched + 1;
  }
  if (score > (s.wordBest[d] ?? 0)) s.wordBest[d] = score;
  return touched;
}

/** The words of a query as typed: whole words, and the last one as a prefix unless a space follows it. */
function queryWords(query: string): { words: string[]; partial: string | null } {
  const tokens = tokenize(query);
  const last = tokens[tokens.length - 1];
  const partial = last !== undefined && last.end === query.length ? last.word : null;
  const words: string[] = [];
  const whole = partial === null ? tokens.length : tokens.length - 1;
  for (let i = 0; i < Math.min(whole, MAX_WORDS - 1); i++) {
    const w = tokens[i]?.word ?? '';
    if (!STOP_WORDS.has(w)) words.push(w);
  }
  return { words, partial };
}

function allowedMask(
  index: SearchIndex,
  scratch: Scratch,
  filters: SearchFilters | undefined,
): Uint8Array | null {
  const dirs = filters?.directions ?? [];
  const topics = filters?.topics ?? [];
  const org = filters?.organisation;
  if (dirs.length === 0 && topics.length === 0 && org === undefined) return null;
  const key = JSON.stringify([dirs, topics, org ?? null]);
  if (scratch.filterKey === key && scratch.allowed) return scratch.allowed;
  const docs = index.docs;
  const codes = (values: readonly string[]): Set<number> =>
    new Set(values.map((v) => docs.tagDict.indexOf(v)).filter((c) => c >= 0));
  const dirCodes = codes(dirs);
  const topicCodes = codes(topics);
  const orgCode = org === undefined ? -1 : docs.tagDict.indexOf(org);
  const anyOf = (have: Uint16Array, wanted: Set<number>): boolean => have.some((c) => wanted.has(c));
  const mask = new Uint8Array(docs.count);
  for (let i = 0; i < docs.count; i++) {
    const orgs = docs.tagCodesOf(i, 'organisations');
    const ok =
      (dirs.length === 0 || anyOf(docs.tagCodesOf(i, 'directions'), dirCodes)) &&
      (topics.length === 0 || anyOf(docs.tagCodesOf(i, 'topics'), topicCodes)) &&
      (org === undefined || orgs.length === 0 || orgs.includes(orgCode));
    mask[i] = ok ? 1 : 0;
  }
  scratch.filterKey = key;
  scratch.allowed = mask;
  return mask;
}

/** The best articles for a query, as document numbers: what a result list is made from. */
export interface Ranking {
  /** Document numbers, best first. */
  docs: number[];
  scores: number[];
  /** Matching articles after filters, before the limit. */
  total: number;
  terms: HighlightTerms;
}

/** Walks the postings of the current word's expansions; returns how many documents it touched. */
function scoreWord(index: SearchIndex, s: Scratch, wordStamp: number): number {
  const { postStart, postDoc, postWeight } = index;
  let touchedCount = 0;
  for (let e = 0; e < s.expansionCount; e++) {
    const stemId = s.expansions[e] ?? 0;
    let idf = s.idf[stemId] ?? 0;
    if (Number.isNaN(idf)) s.idf[stemId] = idf = idfOf(index, stemId);
    const weight = WEIGHT_STEP * (s.factor[stemId] ?? 0) * idf;
    const to = postStart[stemId + 1] ?? 0;
    for (let k = postStart[stemId] ?? 0; k < to; k++) {
      const d = postDoc[k] ?? 0;
      touchedCount = keepBest(s, wordStamp, d, weight * ((postWeight[k] ?? 0) + 0.5), touchedCount);
    }
  }
  return touchedCount;
}

/** Weight of the current word's only expansion, per quantised posting weight (+ 0.5). */
function soleWeight(index: SearchIndex, s: Scratch): number {
  const stemId = s.expansions[0] ?? 0;
  let idf = s.idf[stemId] ?? 0;
  if (Number.isNaN(idf)) s.idf[stemId] = idf = idfOf(index, stemId);
  return WEIGHT_STEP * (s.factor[stemId] ?? 0) * idf;
}

/**
 * scoreWord and the merge into the running totals in one walk, for a word with one expansion; returns
 * the new count of documents. Scores are rounded to single precision as wordBest would round them.
 */
function addOneStem(index: SearchIndex, s: Scratch, queryStamp: number, docCount: number): number {
  const { postStart, postDoc, postWeight } = index;
  const stemId = s.expansions[0] ?? 0;
  const weight = soleWeight(index, s);
  const to = postStart[stemId + 1] ?? 0;
  for (let k = postStart[stemId] ?? 0; k < to; k++) {
    const d = postDoc[k] ?? 0;
    const score = Math.fround(weight * ((postWeight[k] ?? 0) + 0.5));
    if (s.docStamp[d] !== queryStamp) {
      s.docStamp[d] = queryStamp;
      s.total[d] = score;
      s.matched[d] = 1;
      s.docs[docCount++] = d;
    } else {
      s.total[d] = (s.total[d] ?? 0) + score;
      s.matched[d] = (s.matched[d] ?? 0) + 1;
    }
  }
  return docCount;
}

/** The last word's walk for a word with one expansion (see rank); returns how many it offered. */
function offerOneStem(
  index: SearchIndex,
  s: Scratch,
  queryStamp: number,
  top: TopK,
  allowed: Uint8Array | null,
  coverage: number,
): number {
  const { postStart, postDoc, postWeight } = index;
  const stemId = s.expansions[0] ?? 0;
  const weight = soleWeight(index, s);
  const to = postStart[stemId + 1] ?? 0;
  let offered = 0;
  for (let k = postStart[stemId] ?? 0; k < to; k++) {
    const d = postDoc[k] ?? 0;
    const score = Math.fround(weight * ((postWeight[k] ?? 0) + 0.5));
    if (s.docStamp[d] === queryStamp) {
      s.total[d] = (s.total[d] ?? 0) + score;
      s.matched[d] = (s.matched[d] ?? 0) + 1;
    } else if (!allowed || allowed[d] !== 0) {
      offered++;
      top.offer(d, score * coverage * coverage);
    }
  }
  return offered;
}

/**
 * Ranks articles for a query as typed (the last word, unless followed by a space, counts as a prefix)
 * without building the result list: the part of a search that compares with engines returning ids.
 */
export function rank(index: SearchIndex, query: string, options: SearchOptions = {}): Ranking {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { words, partial } = queryWords(query);
  const s = scratchFor(index);
  const highlight: number[] = [];
  const allowed = allowedMask(index, s, options.filters);
  const top = new TopK(limit);
  let total = 0;
  const lastWord = partial === null ? words.length - 1 : words.length;
  const queryStamp = ++s.stamp;
  let docCount = 0;
  let matchedWords = 0;
  for (let w = 0; w <= words.length; w++) {
    const isPartial = w === words.length;
    if (isPartial && partial === null) break;
    let touchedCount: number;
    if (isPartial && (partial ?? '').length <= SHORT_PREFIX) {
      const direct = docCount === 0 ? { top, allowed, coverage: 1 / (matchedWords + 1), total: 0 } : null;
      touchedCount = scoreShortPrefix(index, s, partial ?? '', ++s.stamp, highlight, direct);
      if (touchedCount < 0) continue;
      total += direct?.total ?? 0;
    } else {
      s.wordMark = ++s.stamp;
      s.expansionCount = 0;
      if (isPartial) expandPartial(index, s, partial ?? '');
      else expandWhole(index, s, words[w] ?? '');
      if (s.expansionCount === 0) continue;
      for (let e = 0; e < s.expansionCount; e++) {
        const id = s.expansions[e] ?? 0;
        const f = s.factor[id];
        // Prefix expansions are highlighted through the prefix itself; listing them could mean thousands.
        if ((!isPartial || f === 1 || f === TYPO_FACTOR) && !highlight.includes(id)) highlight.push(id);
      }
      if (s.expansionCount === 1) {
        // Most whole words have one stem, with one posting per document: nothing to take the best of.
        matchedWords++;
        const coverage = 1 / matchedWords;
        if (w === lastWord) total += offerOneStem(index, s, queryStamp, top, allowed, coverage);
        else docCount = addOneStem(index, s, queryStamp, docCount);
        continue;
      }
      touchedCount = scoreWord(index, s, ++s.stamp);
    }
    matchedWords++;
    if (w === lastWord) {
      // The last word completes every score: the documents it alone matched are offered at once, so a
      // long list (one or two typed letters) is walked once, not merged first and walked again.
      const coverage = 1 / matchedWords;
      for (let i = 0; i < touchedCount; i++) {
        const d = s.touched[i] ?? 0;
        if (s.docStamp[d] === queryStamp) {
          s.total[d] = (s.total[d] ?? 0) + (s.wordBest[d] ?? 0);
          s.matched[d] = (s.matched[d] ?? 0) + 1;
        } else if (!allowed || allowed[d] !== 0) {
          total++;
          top.offer(d, (s.wordBest[d] ?? 0) * coverage * coverage);
        }
      }
      continue;
    }
    for (let i = 0; i < touchedCount; i++) {
      const d = s.touched[i] ?? 0;
      if (s.docStamp[d] !== queryStamp) {
        s.docStamp[d] = queryStamp;
        s.total[d] = 0;
        s.matched[d] = 0;
        s.docs[docCount++] = d;
      }
      s.total[d] = (s.total[d] ?? 0) + (s.wordBest[d] ?? 0);
      s.matched[d] = (s.matched[d] ?? 0) + 1;
    }
  }
  const terms: HighlightTerms = { stems: highlight.map((id) => wordAt(index.stems, id)), prefix: partial };
  if (matchedWords === 0) return { docs: [], scores: [], total: 0, terms };

  for (let i = 0; i < docCount; i++) {
    const d = s.docs[i] ?? 0;
    if (allowed && allowed[d] === 0) continue;
    total++;
    // Articles that match every word of the query come before those that match only some.
    const coverage = (s.matched[d] ?? 0) / matchedWords;
    top.offer(d, (s.total[d] ?? 0) * coverage * coverage);
  }
  return { docs: top.docs, scores: top.scores, total, terms };
}

/** The result list for a ranking: ids, texts and what to highlight in them. */
export function present(index: SearchIndex, ranking: Ranking): SearchHit[] {
  return ranking.docs.map((d, i) => {
    const title = index.docs.title(d);
    const short = index.docs.short(d);
    return {
      id: index.docs.id(d),
      title,
      short,
      score: Math.round((ranking.scores[i] ?? 0) * 1000) / 1000,
      titleRanges: highlightRanges(title, ranking.terms),
      shortRanges: highlightRanges(short, ranking.terms),
    };
  });
}

/** Ranks articles for a query as typed and presents the best: see rank() and present(). */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const ranking = rank(index, query, options);
  return { hits: present(index, ranking), total: ranking.total, terms: ranking.terms };
}

/**
 * Keeps the k best (doc, score) pairs, best first; ties go to the earlier doc for stable results. A
 * sorted array: k is a page of results, and most offers lose to the last entry at once.
 */
class TopK {
  readonly docs: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  offer(doc: number, score: number): void {
    const { docs, scores } = this;
    let i = docs.length;
    if (i >= this.k) {
      const lastScore = scores[i - 1] ?? 0;
      if (this.k <= 0 || score < lastScore || (score === lastScore && doc > (docs[i - 1] ?? 0))) return;
      i--;
    } else {
      docs.push(doc);
      scores.push(score);
    }
    for (; i > 0; i--) {
      const s = scores[i - 1] ?? 0;
      if (s > score || (s === score && (docs[i - 1] ?? 0) < doc)) break;
      docs[i] = docs[i - 1] ?? 0;
      scores[i] = s;
    }
    docs[i] = doc;
    scores[i] = score;
  }
}
