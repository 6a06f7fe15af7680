// The public entry to storage for what comes after a call's greeting: the wrap-up stored with a call,
// the operator's call history and caller panel, the callbacks queue. Only lazy chunks import it, so the
// operator's first load (which imports db/index.ts) does not carry these modules.
export * from './callsFinish';
export * from './callHistory';
export * from './callbacksRepository';
