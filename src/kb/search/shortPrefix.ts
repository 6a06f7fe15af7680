// What one or two typed letters match, derived once per index: for each such prefix, every article's
// best strong mention of a stem beginning with it, so a keystroke walks one list, not hundreds of stems.
import { WEIGHT_STEP } from './build';
import { lexiconSize } from './lexicon';
import type { SearchIndex } from './types';

/** Prefixes this short are matched through the lists below. */
export const SHORT_PREFIX = 2;
/**
 * One or two typed letters begin thousands of words. Until a third letter narrows them, only strong
 * mentions count (a title or caller-question word, or a word repeated in the answer): the list stays
 * meaningful and the first keystroke stays fast at 20,000 articles.
 */
export const STRONG_WEIGHT = Math.ceil(1.55 / WEIGHT_STEP);
/** A word still being typed counts a little less than the word itself. */
export const PREFIX_FACTOR = 0.85;

/** idf from the full lists, so scores do not depend on which lists are walked. */
export function idfOf(index: SearchIndex, stemId: number): number {
  const n = index.docs.count;
  const df = (index.postStart[stemId + 1] ?? 0) - (index.postStart[stemId] ?? 0);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface PrefixLists {
  /** List number of each prefix that begins at least one stem (its list may still be empty). */
  readonly byPrefix: ReadonlyMap<string, number>;
  /** List i is doc/score[start[i] .. start[i + 1]), in the order a walk over its stems first meets them. */
  readonly start: Uint32Array;
  readonly doc: Uint32Array;
  /** The word's score in the doc, exactly as walking the stems' postings would give it. */
  readonly score: Float32Array;
}

const cache = new WeakMap<SearchIndex, PrefixLists>();

export function prefixLists(index: SearchIndex): PrefixLists {
  let lists = cache.get(index);
  if (!lists) {
    lists = buildPrefixLists(index);
    cache.set(index, lists);
  }
  return lists;
}

function buildPrefixLists(index: SearchIndex): PrefixLists {
  const { stems, postStart, postDoc, postWeight } = index;
  const n = index.docs.count;
  const stamp = new Uint32Array(n);
  const best = new Float32Array(n);
  const byPrefix = new Map<string, number>();
  const starts: number[] = [0];
  const docs: number[] = [];
  const scores: number[] = [];
  let mark = 0;
  const touched: number[] = [];

  // Stems are sorted, so the stems beginning with a prefix are one run of ids.
  const emit = (prefix: string, from: number, to: number): void => {
    mark++;
    touched.length = 0;
    for (let s = from; s < to; s++) {
      const length = (stems.start[s + 1] ?? 0) - (stems.start[s] ?? 0);
      const weight = WEIGHT_STEP * (length === prefix.length ? 1 : PREFIX_FACTOR) * idfOf(index, s);
      for (let k = postStart[s] ?? 0; k < (postStart[s + 1] ?? 0); k++) {
        const w = postWeight[k] ?? 0;
        if (w < STRONG_WEIGHT) continue;
        const d = postDoc[k] ?? 0;
        const score = weight * (w + 0.5);
        if (stamp[d] !== mark) {
          stamp[d] = mark;
          best[d] = score;
          touched.push(d);
        } else if (score > (best[d] ?? 0)) {
          best[d] = score;
        }
      }
    }
    byPrefix.set(prefix, starts.length - 1);
    for (const d of touched) {
      docs.push(d);
      scores.push(best[d] ?? 0);
    }
    starts.push(docs.length);
  };

  const count = lexiconSize(stems);
  const unit = (s: number, k: number): number =>
    (stems.start[s] ?? 0) + k < (stems.start[s + 1] ?? 0)
      ? (stems.chars[(stems.start[s] ?? 0) + k] ?? -1)
      : -1;
  let s = 0;
  while (s < count) {
    const first = unit(s, 0);
    let end = s;
    while (end < count && unit(end, 0) === first) end++;
    if (first >= 0) {
      emit(String.fromCharCode(first), s, end);
      let t = s;
      while (t < end) {
        const second = unit(t, 1);
        let stop = t;
        while (stop < end && unit(stop, 1) === second) stop++;
        if (second >= 0) emit(String.fromCharCode(first, second), t, stop);
        t = stop;
      }
    }
    s = end;
  }
  return {
    byPrefix,
    start: Uint32Array.from(starts),
    doc: Uint32Array.from(docs),
    score: Float32Array.from(scores),
  };
}
