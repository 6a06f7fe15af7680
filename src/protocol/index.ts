// The API's shared vocabulary (pure): the PWA and the server both import it, neither imports the other.
export * from './callbacks';
export * from './calls';
export * from './errors';
export * from './events';
export * from './flows';
export * from './groups';
export * from './handovers';
export * from './kb';
export * from './organisation';
export * from './outbox';
export * from './people';
export * from './roles';
export * from './session';
export * from './supervision';
