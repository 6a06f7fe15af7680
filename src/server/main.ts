// `npm start` / `npm run serve`: configure from the environment, build the server, listen, and on
// SIGTERM/SIGINT stop taking requests, finish those in flight, close the database and exit.
import { setFlagsFromString } from 'node:v8';
import { buildServer } from './app';
import { configFromEnv } from './config';
import { server as messages } from '../i18n/ru/server';
import { SAMPLE_PASSWORD, sampleAccounts } from './seed';
import { hasBuild } from './web/webRoutes';

// In-flight requests get this long to finish after a stop signal; then the process exits anyway.
const SHUTDOWN_GRACE_MS = 10_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { config, port, host } = configFromEnv(process.env, process.cwd());
  // The embedded PostgreSQL is a 9 MB WebAssembly module. V8's optimising compiler (TurboFan) keeps
  // about 50 MB of compiled code and compile buffers resident for it; its baseline code (Liftoff) is
  // enough for a contact centre's queries, a little slower (a session lookup 0.8 → 1.0 ms at the median,
  // measured here). Set before PGlite loads: the flag applies to modules compiled afterwards.
  if (config.database.kind === 'embedded') setFlagsFromString('--liftoff-only');
  const app = await buildServer(config);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    say(messages.console.stopping);
    app.log.info({ signal }, 'stopping');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => {
        say(messages.console.stopped);
        process.exit(0);
      },
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  say(messages.console.listening(`http://localhost:${bound}`));
  say(
    config.database.kind === 'embedded'
      ? messages.console.embedded(config.database.dataDir ?? 'memory')
      : messages.console.externalDatabase,
  );
  if (!hasBuild(config.staticDir)) say(messages.console.noBuild);
  if (config.seedSamples) {
    say(messages.console.samplesHeader);
    for (const a of sampleAccounts())
      say(messages.console.sampleRow(a.organisation, messages.roleNames[a.role], a.login));
    say(messages.console.samplePassword(SAMPLE_PASSWORD));
  }
}

main().catch((e: unknown) => {
  console.error(messages.console.startFailed, e);
  process.exit(1);
});
