// PGlite behind Kysely's own PostgresDialect: a pool of exactly one client, handed out to one holder at a
// time. PGlite is a single connection, so without the mutex two transactions would interleave on it.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS: readonly string[] = ['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK'];

/** The statement's command tag, which PGlite does not report: Kysely needs it to count affected rows. */
function commandOf(sql: string): Command {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
  // Narrowed by the list above; any other statement (CREATE, WITH…) counts as a SELECT.
  return (COMMANDS.includes(word) ? word : 'SELECT') as Command;
}

export class PGlitePool implements PostgresPool {
  #queue: Promise<void> = Promise.resolve();
  #ended = false;

  constructor(private readonly db: PGlite) {}

  /** Resolves once every earlier client has been released. */
  async connect(): Promise<PostgresPoolClient> {
    if (this.#ended) throw new Error('The embedded database is closed.');
    let release!: () => void;
    const previous = this.#queue;
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const db = this.db;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        if (released) throw new Error('A released client was used.');
        const command = commandOf(sql);
        if (parameters.length === 0) {
          // Like pg without parameters: the simple protocol, which runs several statements (migrations).
          const results = await db.exec(sql);
          const last = results[results.length - 1];
          // PGlite's rows are untyped records; the caller's query builder names their shape.
          const rows = (last?.rows ?? []) as R[];
          return { command, rowCount: last?.affectedRows ?? rows.length, rows };
        }
        const result = await db.query<R>(sql, [...parameters]);
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release(): void {
        if (released) return;
        released = true;
        release();
      },
    };
    // The overloaded cursor form of query() is not offered: Kysely only uses it for streaming.
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#queue;
    await this.db.close();
  }
}
