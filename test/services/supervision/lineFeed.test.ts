// The live board's feed: read at once, read again on each `board` event and each reconnect; when the link
// drops it keeps the last board and the time it was read; the callbacks failing leaves the board live.
import { describe, expect, it } from 'vitest';
import type { CentreCallback } from '../../../src/protocol';
import { createLineFeed, type Board, type LineLink } from '../../../src/services/supervision/lineFeed';

const board = (calls: number, serverTime = 1000): Board => ({
  serverTime,
  signedIn: [],
  calls: Array.from({ length: calls }, (_, i) => ({
    callId: `c${i}`,
    personId: `p${i}`,
    operatorName: `Оператор ${i}`,
    startedAt: 0,
    stage: null,
    stageSince: 0,
    hold: null,
    transferring: false,
    lastAt: 0,
  })),
  today: { calls: 0 },
  todayFrom: 0,
  callbacks: null,
  stuckOutboxes: [],
});

function fakeCentre() {
  let onCall = 0;
  let reachable = true;
  let callbacks: CentreCallback[] | 'refused' = [];
  const boardNews = new Set<() => void>();
  const links = new Set<(l: 'connected' | 'disconnected') => void>();
  let state: 'connected' | 'disconnected' = 'connected';
  const link: LineLink = {
    board: () => (reachable ? Promise.resolve(board(onCall)) : Promise.reject(new Error('offline'))),
    callbacks: () =>
      callbacks === 'refused' ? Promise.reject(new Error('403')) : Promise.resolve(callbacks),
    onBoard: (l) => (boardNews.add(l), () => boardNews.delete(l)),
    onCallbacks: () => () => {},
    onLink: (l) => {
      links.add(l);
      l(state);
      return () => links.delete(l);
    },
  };
  return {
    link,
    set calls(n: number) {
      onCall = n;
    },
    set reachable(r: boolean) {
      reachable = r;
    },
    set callbacks(c: CentreCallback[] | 'refused') {
      callbacks = c;
    },
    moved: () => boardNews.forEach((l) => l()),
    setLink(next: 'connected' | 'disconnected') {
      state = next;
      links.forEach((l) => l(next));
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live board feed', () => {
  it('follows the line on each board event while linked', async () => {
    const centre = fakeCentre();
    let now = 5000;
    const feed = createLineFeed(centre.link, () => now);
    await settled();
    expect(feed.getView()).toMatchObject({ status: 'live', at: 5000 });
    centre.calls = 2;
    now = 6000;
    centre.moved();
    await settled();
    const view = feed.getView();
    expect(view.status === 'live' && view.board?.calls.length).toBe(2);
    feed.stop();
  });

  it('keeps the last board and when it was read once the link drops, and reads again on reconnect', async () => {
    const centre = fakeCentre();
    let now = 5000;
    centre.calls = 1;
    const feed = createLineFeed(centre.link, () => now);
    await settled();
    centre.reachable = false;
    centre.setLink('disconnected');
    centre.calls = 3;
    centre.moved(); // heard nothing while down: nothing changes
    await settled();
    expect(feed.getView()).toMatchObject({ status: 'lastKnown', at: 5000 });
    const down = feed.getView();
    expect(down.status !== 'loading' && down.board?.calls.length).toBe(1);
    now = 9000;
    centre.reachable = true;
    centre.setLink('connected');
    await settled();
    const back = feed.getView();
    expect(back).toMatchObject({ status: 'live', at: 9000 });
    expect(back.status !== 'loading' && back.board?.calls.length).toBe(3);
    feed.stop();
  });

  it('shows the board live when the callbacks may not be read (an administrator)', async () => {
    const centre = fakeCentre();
    centre.callbacks = 'refused';
    const feed = createLineFeed(centre.link);
    await settled();
    expect(feed.getView()).toMatchObject({ status: 'live', callbacks: null });
    feed.stop();
  });
});
