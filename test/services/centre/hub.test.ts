import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  centreLink,
  deliverCentreEvent,
  onCentreEvent,
  onCentreLink,
  setCentreLink,
} from '../../../src/services/centre/hub';
import type { CentreEvent } from '../../../src/protocol';

const published: CentreEvent = {
  kind: 'flows',
  flowId: 'consultation',
  version: 3,
  effectiveAt: '2026-12-07T06:00:00.000Z',
};

describe('the centre hub', () => {
  afterEach(() => setCentreLink('disconnected'));

  it('passes an event to the listeners of its kind until they stop', () => {
    const heard: CentreEvent[] = [];
    const stop = onCentreEvent('flows', (e) => heard.push(e));
    deliverCentreEvent(published);
    stop();
    deliverCentreEvent({ ...published, version: 4 });
    expect(heard).toEqual([published]);
  });

  it('tells a new link listener the present state at once, then each change once', () => {
    setCentreLink('connected');
    const seen: string[] = [];
    const stop = onCentreLink((l) => seen.push(l));
    setCentreLink('connected');
    setCentreLink('disconnected');
    setCentreLink('connected');
    stop();
    setCentreLink('disconnected');
    expect(seen).toEqual(['connected', 'disconnected', 'connected']);
    expect(centreLink()).toBe('disconnected');
  });

  it('still reaches the other listeners when one throws', () => {
    const errors: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) => {
      try {
        task();
      } catch (e) {
        errors.push(e);
      }
    };
    try {
      const second = vi.fn();
      const stops = [
        onCentreEvent('flows', () => {
          throw new Error('broken listener');
        }),
        onCentreEvent('flows', second),
      ];
      deliverCentreEvent(published);
      stops.forEach((s) => s());
      expect(second).toHaveBeenCalledWith(published);
      expect(errors).toHaveLength(1);
    } finally {
      globalThis.queueMicrotask = original;
    }
  });
});
