// The public entry to storage for the sync client (issue 17), a lazy chunk: the outbox of call events
// waiting for the server. Only that chunk imports it, so the operator's first load does not carry it.
export * from './outbox';
