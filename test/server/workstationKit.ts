// A workstation in Node for the fault tests and the load bench: it speaks the PWA's protocol over real
// HTTP (sign in, the session cookie, the CSRF header on every write, POST /api/v1/calls/events in
// batches under the body limit, in order per call) and keeps the outbox's rule: an event leaves the
// outbox only when the server acknowledged it; anything else (a refused connection, a killed server, a
// 5xx) leaves it waiting for the next attempt.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import type { CallEventAcks, CallEventBatch } from '../../src/protocol';
import { SAMPLE_PASSWORD } from '../../src/server/seed';

export type UploadedEvent = CallEventBatch['calls'][number]['events'][number];

/** Under the server's 64 KB body limit with room for the envelope (as the PWA's sync client). */
const MAX_BYTES = 60_000;

export class UploadFailed extends Error {}

export class Workstation {
  private cookie = '';
  private csrf = '';
  organisationId = '';
  /** Waiting events per call, in order (a Map keeps the oldest call first). */
  readonly outbox = new Map<string, UploadedEvent[]>();
  /** Every acknowledgement received, with the time from the event's queueing (stored) to its answer. */
  readonly acknowledged: { event: UploadedEvent; ms: number }[] = [];
  private readonly queuedAt = new Map<UploadedEvent, number>();

  constructor(
    private readonly base: () => string,
    readonly login: string,
    private readonly password = SAMPLE_PASSWORD,
  ) {}

  /**
   * The uploads' connection, kept alive between requests as a browser keeps one to its server. Plain
   * node:http rather than fetch: the load bench's 500 clients share the machine with the server they
   * measure, so they should cost it as little as they can (a sixth of a core in the steady phase).
   */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  private post(url: string, headers: Record<string, string>, body: string) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  get waiting(): number {
    let n = 0;
    for (const events of this.outbox.values()) n += events.length;
    return n;
  }

  async signIn(): Promise<void> {
    const res = await fetch(`${this.base()}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: this.login, password: this.password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${this.login}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sufler_session='));
    this.cookie = cookie?.split(';')[0] ?? '';
    const body = (await res.json()) as { csrfToken: string; organisation: { id: string } };
    this.csrf = body.csrfToken;
    this.organisationId = body.organisation.id;
  }

  queue(events: readonly UploadedEvent[]): void {
    const now = performance.now();
    for (const e of events) {
      this.queuedAt.set(e, now);
      const list = this.outbox.get(e.callId) ?? [];
      list.push(e);
      this.outbox.set(e.callId, list);
    }
  }

  /** The oldest waiting events, a consecutive run per call, at most maxEvents and under the body limit. */
  private nextBatch(maxEvents: number): CallEventBatch['calls'] {
    const calls: CallEventBatch['calls'] = [];
    let count = 0;
    let bytes = 200;
    for (const [callId, waiting] of this.outbox) {
      const events: UploadedEvent[] = [];
      for (const e of waiting) {
        const size = JSON.stringify(e).length + 1;
        if (count >= maxEvents || bytes + size > MAX_BYTES) break;
        events.push(e);
        count++;
        bytes += size + 40;
      }
      if (events.length > 0) calls.push({ callId, events });
      if (count >= maxEvents || events.length < waiting.length) break;
    }
    return calls;
  }

  /** Sends one batch; resolves to the number of events acknowledged. Throws UploadFailed when nothing was. */
  async upload(maxEvents = 200): Promise<number> {
    const calls = this.nextBatch(maxEvents);
    if (calls.length === 0) return 0;
    let res: { status: number; text: string };
    try {
      res = await this.post(
        `${this.base()}/api/v1/calls/events`,
        { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
        JSON.stringify({ organisationId: this.organisationId, calls }),
      );
    } catch (e) {
      throw new UploadFailed(`unreachable: ${String(e)}`);
    }
    if (res.status === 401) {
      await this.signIn();
      throw new UploadFailed('signed in again');
    }
    if (res.status !== 200) throw new UploadFailed(`${res.status} ${res.text}`);
    const acks = JSON.parse(res.text) as CallEventAcks;
    const answered = performance.now();
    let n = 0;
    for (const ack of acks.calls) {
      if (ack.status !== 'stored') throw new Error(`${ack.callId} refused: ${ack.code}`);
      const batchOf = calls.find((c) => c.callId === ack.callId)?.events ?? [];
      const waiting = this.outbox.get(ack.callId) ?? [];
      // Acknowledged: these (the oldest of the call) leave the outbox.
      const left = waiting.filter((e) => !batchOf.some((b) => b.seq === e.seq));
      if (left.length === 0) this.outbox.delete(ack.callId);
      else this.outbox.set(ack.callId, left);
      for (const event of batchOf) {
        this.acknowledged.push({ event, ms: answered - (this.queuedAt.get(event) ?? answered) });
        this.queuedAt.delete(event);
      }
      n += batchOf.length;
    }
    return n;
  }
}

/**
 * How `npm run serve` runs the bundle, read from package.json so that the bench measures the command people
 * run: the environment it sets (`NAME=value`) and node's arguments (its flags, then `dist-server/main.mjs`).
 */
export function servedBundle(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = pkg.scripts.serve?.split('&&').pop()?.trim().split(/\s+/) ?? [];
  const node = command.indexOf('node');
  if (node < 0) throw new Error(`package.json's serve script does not run node: ${pkg.scripts.serve}`);
  const env = Object.fromEntries(
    command.slice(0, node).map((pair) => pair.split('=', 2) as [string, string]),
  );
  return { env, args: command.slice(node + 1) };
}

/**
 * A server in a child process: `node --import tsx src/server/main.ts` (the source as it is), or the
 * bundle of `npm run build:server` when `args` is ['dist-server/main.mjs'], as `npm run serve` runs it.
 */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** The process's peak resident memory so far (VmHWM), in bytes. */
  peakMemory(): Promise<number>;
  /** What the process printed so far (stdout and stderr), to explain a failure. */
  output(): string;
}

export async function startServerProcess(
  env: Record<string, string>,
  args: readonly string[] = ['--import', 'tsx', 'src/server/main.ts'],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUFLER_STATIC_DIR: 'no-such-build',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`server exited: ${out}`)));
  });
  return {
    url,
    child,
    exited,
    output: () => out,
    async peakMemory() {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    },
  };
}
