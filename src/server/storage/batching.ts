// Requests that arrive while the database is busy with the previous ones go to it together: a group commit.
// A request alone goes at once (it waits for nothing); under load, the requests that queued during one
// round trip share the next, so the server's round trips per request fall as the load rises instead of
// queueing behind each other. Each request still reads and writes after it arrived: nothing is cached.

export interface Batcher<I, O> {
  (item: I): Promise<O>;
}

/**
 * `run` answers a group in order, one answer per item; if it throws, every item of the group fails with
 * its error. At most `max` items go together, and at most one item of each `keyOf` (say, the row it
 * writes): a second waits for the next group.
 */
export function batching<I, O>(
  run: (items: readonly I[]) => Promise<readonly O[]>,
  options: {
    max: number;
    keyOf?: (item: I) => string;
  },
): Batcher<I, O> {
  interface Waiting {
    item: I;
    resolve: (o: O) => void;
    reject: (e: unknown) => void;
  }
  let queue: Waiting[] = [];
  let busy = false;

  const next = (): Waiting[] => {
    const group: Waiting[] = [];
    const keys = new Set<string>();
    const kept: Waiting[] = [];
    for (const w of queue) {
      const key = options.keyOf?.(w.item);
      if (group.length >= options.max || (key !== undefined && keys.has(key))) {
        kept.push(w);
        continue;
      }
      if (key !== undefined) keys.add(key);
      group.push(w);
    }
    queue = kept;
    return group;
  };

  const drain = async () => {
    busy = true;
    try {
      for (let group = next(); group.length > 0; group = next()) {
        try {
          const answers = await run(group.map((w) => w.item));
          group.forEach((w, i) => w.resolve(answers[i] as O));
        } catch (e) {
          for (const w of group) w.reject(e);
        }
      }
    } finally {
      busy = false;
    }
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!busy) void drain();
    });
}
