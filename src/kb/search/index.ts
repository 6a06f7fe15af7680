export { buildIndex, type IndexableArticle } from './build';
export { rank, search } from './query';
export { highlightRanges } from './highlight';
export { exportIndex, importIndex, IndexFormatError, type SerializedIndex } from './serialize';
export type * from './types';
