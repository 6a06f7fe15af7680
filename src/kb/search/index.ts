export { buildIndex, FIELD_WEIGHTS, type IndexableArticle } from './build';
export { present, rank, search, type Ranking } from './query';
export { highlightRanges } from './highlight';
export { exportIndex, importIndex, IndexFormatError, INDEX_VERSION, type SerializedIndex } from './serialize';
export type * from './types';
export { DocTable, type DocMeta } from './docTable';
