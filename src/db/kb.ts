// The public entry to the knowledge-base cache (the stored bundle, its search index, the editors' changes
// laid over it): read by the knowledge-base sync, a lazy chunk, so the operator's first load does not
// carry it.
export * from './kbRepository';
