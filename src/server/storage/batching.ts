// Requests that arrive while the database is busy with the previous ones go to it together: a group commit.
// A request alone goes at once (it waits for nothing); under load, the requests that queued during one
// round trip share the next, so the server's round trips per request fall as the load rises instead of
// queueing behind each other. Each request still reads and writes after it arrived: nothing is cached.

export interface Batcher<I, O> {
  (item: I): Promise<O>;
}

/**
 * `run` answers a group in order, one answer per item; if it throws, every item of the group fails with
 * its error. At most `max` items go together, and `fits` may keep an item for the next group (say, a
 * second item for the same row as one already in).
 */
export function batching<I, O>(
  run: (items: readonly I[]) => Promise<readonly O[]>,
  options: {
    max: number;
    fits?: (item: I, group: readonly I[]) => boolean;
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
    const items: I[] = [];
    const kept: Waiting[] = [];
    for (const w of queue) {
      const fits =
        items.length === 0 || (items.length < options.max && (options.fits?.(w.item, items) ?? true));
      if (!fits) {
        kept.push(w);
        continue;
      }
      group.push(w);
      items.push(w.item);
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
