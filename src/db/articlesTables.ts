// Row shape of the editor's article changes: kept apart from the cached bundle so they can be exported
// to knowledge-base/ and laid over the next bundle, whatever version it brings.
import type { Article } from '../kb/article';

export interface ArticleEditRow {
  id: string;
  article: Article;
  /** Milliseconds since the epoch. */
  savedAt: number;
}
