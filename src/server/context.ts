// What every plugin is handed (the database and the configuration), and what a route declares about who
// may call it. The auth hook reads the declaration; a route without one is refused to everybody.
import type { Kysely } from 'kysely';
import type { Role } from '../protocol';
import type { ServerConfig } from './config';
import type { EventHub } from './events/eventHub';
import type { Database } from './storage/schema';
import type { SessionRow } from './storage/sessions';

export interface ServerDeps {
  db: Kysely<Database>;
  config: ServerConfig;
  /** The organisation's news to every instance's open event streams. */
  events: EventHub;
}

/** 'public': anyone; 'signedIn': any person with a session; a list: a person holding one of these roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** False only for sign-in, which has no session (and so no CSRF token) yet. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** The live session of the person making the request, loaded by the auth hook. */
    session: SessionRow | null;
  }
}
