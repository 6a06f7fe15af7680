// The public entry to storage for the supervisor workspace and its worker (lazy chunks): supervised calls
// and their packs, retention (exchange files are db/exchange.ts). Apart from db/index.ts so that the operator's
// first load does not carry them.
export * from './supervisorRepository';
export * from './callPack';
export * from './retentionRepository';
