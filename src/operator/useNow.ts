import { useEffect, useState } from 'react';
import type { Clock } from '../calls/clock';

/**
 * The clock's time, read on every render; while `ticking`, a render is forced once a second so a
 * countdown changes calmly (never faster than once a second, nothing flashes).
 */
export function useNow(clock: Clock, ticking: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const handle = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(handle);
  }, [ticking]);
  return clock.now();
}

/** "2:05" for a countdown; whole seconds, rounded up while time remains so 0:00 means it is over. */
export function formatMinSec(ms: number): string {
  const total = Math.max(0, Math.ceil(Math.abs(ms) / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
