// The server's configuration: one object for buildServer, read from environment variables by main.
import { resolve } from 'node:path';
import type { DatabaseConfig } from './storage/database';

export interface SignInLimits {
  /** Failed attempts for one login within the window before it is locked. */
  perLogin: number;
  /** Failed attempts from one address within the window before it is locked (an office shares one). */
  perAddress: number;
  windowMinutes: number;
}

export interface ServerConfig {
  database: DatabaseConfig;
  /** The built PWA (dist/); null serves the API only. */
  staticDir: string | null;
  /** Create the sample organisations and accounts when the database has no organisation yet. */
  seedSamples: boolean;
  /** Honour X-Forwarded-For/-Proto from a reverse proxy: true, or the proxy's addresses (comma-separated). */
  trustProxy: boolean | string;
  /** Largest request body accepted, in bytes; more is refused with 413. */
  bodyLimit: number;
  logLevel: string;
  /** Where logs go (stdout when absent); tests read them to prove nothing personal is logged. */
  logDestination?: { write(line: string): void };
  signIn: SignInLimits;
  session: { idleHours: number; absoluteDays: number };
  /** argon2id cost; tests lower it, production keeps the library's defaults (19 MiB, 2 passes). */
  passwordHashing: { memoryCost?: number; timeCost?: number };
  /** How often an event stream pings and checks that its session still holds. */
  eventPingMs: number;
  /** The flow files a new organisation is given (scripts-flows/); null gives none. */
  bundledFlowsDir: string | null;
  /** How long a claimed callback stays with its holder unless they renew it or make the call. */
  callbackClaimMinutes: number;
  /** The article files a new organisation is given (knowledge-base/); null gives none. */
  bundledKbDir?: string | null;
  /** The clock, injected so tests can pass a lockout's end without waiting. */
  now: () => Date;
}

export const DEFAULT_PORT = 4173;

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    database: { kind: 'embedded' },
    staticDir: null,
    seedSamples: false,
    trustProxy: false,
    bodyLimit: 64 * 1024,
    logLevel: 'info',
    signIn: { perLogin: 5, perAddress: 50, windowMinutes: 15 },
    session: { idleHours: 12, absoluteDays: 7 },
    passwordHashing: {},
    bundledFlowsDir: resolve('scripts-flows'),
    bundledKbDir: resolve('knowledge-base'),
    // Often enough for proxies that close a silent connection after a minute.
    eventPingMs: 25_000,
    callbackClaimMinutes: 15,
    now: () => new Date(),
    ...overrides,
  };
}

function parseTrustProxy(v: string | undefined): ServerConfig['trustProxy'] {
  if (v === undefined || v === '' || v === 'false') return false;
  return v === 'true' ? true : v;
}

export interface EnvConfig {
  config: ServerConfig;
  port: number;
  host: string;
}

/** Reads PORT, HOST, DATABASE_URL, SUFLER_DATA_DIR, SUFLER_SEED_SAMPLES, TRUST_PROXY, LOG_LEVEL, SUFLER_FLOWS_DIR. */
export function configFromEnv(env: NodeJS.ProcessEnv, cwd: string): EnvConfig {
  const url = env.DATABASE_URL;
  const database: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'embedded', dataDir: resolve(cwd, env.SUFLER_DATA_DIR ?? '.sufler-data') };
  return {
    port: env.PORT ? Number(env.PORT) : DEFAULT_PORT,
    host: env.HOST ?? '0.0.0.0',
    config: defaultConfig({
      database,
      staticDir: resolve(cwd, env.SUFLER_STATIC_DIR ?? 'dist'),
      // Samples only on the embedded database, unless asked for: a real deployment starts empty.
      seedSamples: env.SUFLER_SEED_SAMPLES ? env.SUFLER_SEED_SAMPLES === '1' : database.kind === 'embedded',
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      logLevel: env.LOG_LEVEL ?? 'info',
      bundledFlowsDir: resolve(cwd, env.SUFLER_FLOWS_DIR ?? 'scripts-flows'),
      bundledKbDir: resolve(cwd, env.SUFLER_KB_DIR ?? 'knowledge-base'),
    }),
  };
}
