// At most a few uploads are read and stored at once; the others wait before their bodies are read, so
// the server's memory does not grow with the number of workstations sending at the same moment (after an
// outage, every outbox at once: 500 bodies of up to 64 KB, parsed, were 400 MB). A waiting body stays in
// the connection (TCP holds it back); the database pool could not serve more at once anyway.
import type { FastifyRequest } from 'fastify';

export interface Admission {
  /** For the route's onRequest hook: resolves once the request holds a place. */
  enter(request: FastifyRequest): Promise<void>;
  /** For the route's onResponse and onRequestAbort hooks: gives the place back (once, whichever comes). */
  leave(request: FastifyRequest): void;
  /** How many requests hold a place, and how many wait (tests). */
  readonly inside: number;
  readonly waiting: number;
}

export function admission(places: number): Admission {
  let inside = 0;
  const queue: (() => void)[] = [];
  /** Where each request stands; 'gone': left (answered, or the client went away) or aborted while waiting. */
  const state = new WeakMap<FastifyRequest, 'waiting' | 'inside' | 'gone'>();
  // A place given back passes straight to the oldest waiting request, else it is free again.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else inside--;
  };
  return {
    async enter(request: FastifyRequest) {
      if (inside < places) {
        inside++;
        state.set(request, 'inside');
        return;
      }
      state.set(request, 'waiting');
      await new Promise<void>((resolve) => queue.push(resolve));
      // Its client went away while it waited: the place it was just given goes on at once.
      if (state.get(request) === 'gone') release();
      else state.set(request, 'inside');
    },
    leave(request: FastifyRequest) {
      const was = state.get(request);
      state.set(request, 'gone');
      if (was === 'inside') release();
    },
    get inside() {
      return inside;
    },
    get waiting() {
      return queue.length;
    },
  };
}
