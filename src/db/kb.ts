// The public entry to the knowledge-base cache (bundles, their search index, articles): read by the
// knowledge base's sync, a lazy chunk, and by the supervisor. Apart from db/index.ts so that the
// operator's first load does not carry it.
export * from './kbRepository';
