// The public entry to storage for the editor workspace (a lazy chunk): flow drafts and versions, article
// drafts and edits. Apart from db/index.ts so that the operator's first load does not carry them.
export * from './flowsRepository';
export * from './articlesRepository';
export * from './articleDraftsRepository';
