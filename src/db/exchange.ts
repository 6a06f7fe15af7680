// The public entry to workstation exchange files (export, and import with its zod checker): apart from
// db/supervisor.ts so that the supervisor's worker loads the checker with the first import only.
export * from './exchangeRepository';
