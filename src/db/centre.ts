// The public entry to storage for the centre's flow client (issue 18), a lazy chunk loaded only when
// someone is signed in to a server: the versions it publishes, stored in the one catalogue of flows.
export * from './serverFlows';
export * from './centreRepository';
export type * from './centreTables';
