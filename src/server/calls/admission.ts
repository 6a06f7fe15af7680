// Uploads are let in by the bytes their bodies declare, up to a budget; the others wait before their bodies
// are read, so the server's memory does not grow with the number of workstations sending at the same
// moment (after an outage, every outbox at once: 500 bodies of up to 64 KB, parsed, were 400 MB). A waiting
// body stays in the connection (TCP holds it back). Weighing by bytes rather than counting requests lets
// the small uploads of a working day (an event or two each) in together, where they share the database's
// round trips (storage/batching.ts), while full outboxes still go some thirty at a time.
import type { FastifyRequest } from 'fastify';

export interface Admission {
  /**
   * For the route's onRequest hook: resolves once the request is in. `bytes`: what its body may hold (its
   * declared length, else the route's limit). One larger than the whole budget goes in alone.
   */
  enter(request: FastifyRequest, bytes: number): Promise<void>;
  /** For the route's onResponse and onRequestAbort hooks: gives its bytes back (once, whichever comes). */
  leave(request: FastifyRequest): void;
  /** The bytes let in, and how many requests wait (tests). */
  readonly inside: number;
  readonly waiting: number;
}

export function admission(budget: number): Admission {
  let inside = 0;
  let requestsInside = 0;
  const queue: { request: FastifyRequest; bytes: number; admit: () => void }[] = [];
  /** Where each request stands, and its weight; 'gone': left (answered, or its client went away). */
  const state = new WeakMap<FastifyRequest, { at: 'waiting' | 'inside' | 'gone'; bytes: number }>();

  const fits = (bytes: number) => requestsInside === 0 || inside + bytes <= budget;
  const admit = (request: FastifyRequest, bytes: number) => {
    inside += bytes;
    requestsInside++;
    state.set(request, { at: 'inside', bytes });
  };
  // Bytes given back let in the oldest waiting requests that fit, in the order they came.
  const letIn = () => {
    for (let next = queue[0]; next; next = queue[0]) {
      // A request whose client went away while it waited goes on without bytes (nothing will read it).
      const gone = state.get(next.request)?.at === 'gone';
      if (!gone && !fits(next.bytes)) return;
      queue.shift();
      if (!gone) admit(next.request, next.bytes);
      next.admit();
    }
  };

  return {
    async enter(request, bytes) {
      if (queue.length === 0 && fits(bytes)) return admit(request, bytes);
      state.set(request, { at: 'waiting', bytes });
      await new Promise<void>((resolve) => queue.push({ request, bytes, admit: resolve }));
    },
    leave(request) {
      const was = state.get(request);
      state.set(request, { at: 'gone', bytes: 0 });
      if (was?.at === 'inside') {
        inside -= was.bytes;
        requestsInside--;
      }
      letIn();
    },
    get inside() {
      return inside;
    },
    get waiting() {
      return queue.filter((q) => state.get(q.request)?.at === 'waiting').length;
    },
  };
}
