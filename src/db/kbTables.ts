// Row shapes of the knowledge-base cache: one bundle version = a meta row, its articles and its search index.
// kbActive holds the one pointer the app reads through; it moves only after a version is stored whole.
import type { BundledArticle } from '../kb/bundle';

export interface KbBundleRow {
  version: string;
  builtAt: string;
  format: number;
  articleCount: number;
}

/** Keyed by [version+id], so two versions can sit side by side while the new one is written. */
export interface KbArticleRow extends BundledArticle {
  version: string;
}

export interface KbIndexRow {
  version: string;
  /** The search engine's serialized index, as a Blob of its bytes (fast to read back); the engine validates it. */
  index: unknown;
}

export interface KbActiveRow {
  key: 'active';
  version: string;
}
