// Compiles articles into a compact inverted index over Russian stems (typed arrays, no per-term objects),
// so it can be cached in IndexedDB as-is and loaded without rebuilding.
import type { Article } from '../article';
import { STOP_WORDS, forEachWord, normalizeWord, stem } from '../normalize';
import { lexiconOfSorted, sortedUnique } from './lexicon';
import { DocTable } from './docTable';
import type { SearchIndex } from './types';

/** Titles and caller questions weigh more than the short answer, which weighs more than the body. */
export const FIELD_WEIGHTS = { title: 4, questions: 3, short: 2, body: 1 } as const;
// BM25-style saturation: the tenth mention of a word adds little; long bodies are damped a little.
const K1 = 1.2;
const BODY_LENGTH_DAMPING = 0.5;
/**
 * Term weights lie in (0, K1 + 1) and are stored in one byte: a built index and one loaded from the cache
 * rank identically, and 256 levels are far finer than any difference that changes a ranking.
 */
export const WEIGHT_STEP = (K1 + 1) / 256;
const quantise = (w: number): number => Math.min(255, Math.floor(w / WEIGHT_STEP));

/**
 * Doc numbers of the postings: the largest array of the index, so two bytes each when they fit. The
 * width follows from the doc count alone, so the cached form needs no flag for it.
 */
export const narrowPostDoc = (docCount: number): boolean => docCount <= 0x10000;

function postDocArray(docCount: number, length: number): Uint16Array | Uint32Array {
  return narrowPostDoc(docCount) ? new Uint16Array(length) : new Uint32Array(length);
}

export type IndexableArticle = Pick<
  Article,
  'id' | 'title' | 'questions' | 'short' | 'body' | 'directions' | 'topics' | 'organisations'
>;

/** Growable typed arrays for the (doc, stem, weight) entries, in doc order. */
class Entries {
  docs = new Uint32Array(1 << 16);
  stems = new Uint32Array(1 << 16);
  weights = new Uint8Array(1 << 16);
  length = 0;

  push(doc: number, stemId: number, weight: number): void {
    if (this.length === this.docs.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.docs = grow(this.docs, (n) => new Uint32Array(n));
      this.stems = grow(this.stems, (n) => new Uint32Array(n));
      this.weights = grow(this.weights, (n) => new Uint8Array(n));
    }
    this.docs[this.length] = doc;
    this.stems[this.length] = stemId;
    this.weights[this.length] = weight;
    this.length++;
  }
}

export function buildIndex(articles: readonly IndexableArticle[]): SearchIndex {
  // Stems get provisional ids in order of appearance; they are renumbered in sorted order at the end.
  const surfaceToStem = new Map<string, number>();
  const stemIds = new Map<string, number>();
  const stemStrings: string[] = [];
  let fieldAcc = new Float64Array(1024);
  let bodyAcc = new Float64Array(1024);
  const touched: number[] = [];
  const entries = new Entries();
  const bodyLengths = new Uint32Array(articles.length);

  const stemIdOf = (word: string): number => {
    let id = surfaceToStem.get(word);
    if (id === undefined) {
      if (STOP_WORDS.has(word)) id = -1;
      else {
        const s = stem(word);
        id = stemIds.get(s);
        if (id === undefined) {
          id = stemStrings.length;
          stemStrings.push(s);
          stemIds.set(s, id);
          if (id >= fieldAcc.length) {
            const f = new Float64Array(fieldAcc.length * 2);
            f.set(fieldAcc);
            fieldAcc = f;
            const b = new Float64Array(bodyAcc.length * 2);
            b.set(bodyAcc);
            bodyAcc = b;
          }
        }
      }
      surfaceToStem.set(word, id);
    }
    return id;
  };
  let bodyLength = 0;
  const addText = (text: string, weight: number, acc: 'field' | 'body'): void => {
    // Lower-casing whole texts first keeps the per-word work to one slice; positions are not needed here.
    forEachWord(
      normalizeWord(text),
      (word) => {
        const id = stemIdOf(word);
        if (id < 0) return;
        if ((fieldAcc[id] ?? 0) === 0 && (bodyAcc[id] ?? 0) === 0) touched.push(id);
        if (acc === 'field') fieldAcc[id] = (fieldAcc[id] ?? 0) + weight;
        else {
          bodyAcc[id] = (bodyAcc[id] ?? 0) + weight;
          bodyLength++;
        }
      },
      true,
    );
  };

  const perDocTouched: number[][] = [];
  const fieldWeights: Float64Array[] = [];
  const bodyWeights: Float64Array[] = [];
  articles.forEach((a, d) => {
    bodyLength = 0;
    addText(a.title, FIELD_WEIGHTS.title, 'field');
    for (const q of a.questions) addText(q, FIELD_WEIGHTS.questions, 'field');
    addText(a.short, FIELD_WEIGHTS.short, 'field');
    addText(a.body, FIELD_WEIGHTS.body, 'body');
    bodyLengths[d] = bodyLength;
    // Body damping needs the average body length, known only after every article: keep raw parts.
    const ids = touched.splice(0);
    perDocTouched.push(ids);
    fieldWeights.push(Float64Array.from(ids, (id) => fieldAcc[id] ?? 0));
    bodyWeights.push(Float64Array.from(ids, (id) => bodyAcc[id] ?? 0));
    for (const id of ids) {
      fieldAcc[id] = 0;
      bodyAcc[id] = 0;
    }
  });

  let bodySum = 0;
  for (const l of bodyLengths) bodySum += l;
  const avgBody = bodySum / Math.max(1, articles.length) || 1;
  perDocTouched.forEach((ids, d) => {
    const norm = 1 - BODY_LENGTH_DAMPING + (BODY_LENGTH_DAMPING * (bodyLengths[d] ?? 0)) / avgBody;
    const f = fieldWeights[d];
    const b = bodyWeights[d];
    ids.forEach((id, k) => {
      const raw = (f?.[k] ?? 0) + (b?.[k] ?? 0) / norm;
      entries.push(d, id, quantise((raw * (K1 + 1)) / (raw + K1)));
    });
  });

  // Renumber stems in sorted order so a prefix finds its stems as one range by binary search.
  const order = Array.from(stemStrings.keys()).sort((x, y) => {
    const a = stemStrings[x] ?? '';
    const b = stemStrings[y] ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const finalId = new Uint32Array(stemStrings.length);
  order.forEach((provisional, i) => (finalId[provisional] = i));
  const stemWords = order.map((p) => stemStrings[p] ?? '');
  const stems = lexiconOfSorted(stemWords);

  const surfaceWords: string[] = [];
  for (const [w, id] of surfaceToStem) if (id >= 0) surfaceWords.push(w);
  const surfaceSorted = sortedUnique(surfaceWords);
  const surface = lexiconOfSorted(surfaceSorted);
  const surfaceStem = Uint32Array.from(surfaceSorted, (w) => finalId[surfaceToStem.get(w) ?? 0] ?? 0);

  const postStart = new Uint32Array(stemWords.length + 1);
  for (let k = 0; k < entries.length; k++) {
    const s = finalId[entries.stems[k] ?? 0] ?? 0;
    postStart[s + 1] = (postStart[s + 1] ?? 0) + 1;
  }
  for (let s = 0; s < stemWords.length; s++) postStart[s + 1] = (postStart[s + 1] ?? 0) + (postStart[s] ?? 0);
  const postDoc = postDocArray(articles.length, entries.length);
  const postWeight = new Uint8Array(entries.length);
  const cursor = postStart.slice(0, stemWords.length);
  for (let k = 0; k < entries.length; k++) {
    const s = finalId[entries.stems[k] ?? 0] ?? 0;
    const at = cursor[s] ?? 0;
    postDoc[at] = entries.docs[k] ?? 0;
    postWeight[at] = entries.weights[k] ?? 0;
    cursor[s] = at + 1;
  }

  const docs = DocTable.fromMetas(articles);
  return { docs, surface, surfaceStem, stems, postStart, postDoc, postWeight };
}
