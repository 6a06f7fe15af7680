import { useEffect, useState } from 'react';
import type { Clock } from '../calls/clock';

/** The clock's time, re-read once a second while `ticking`: a countdown that changes calmly. */
export function useNow(clock: Clock, ticking: boolean): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(clock.now());
    const handle = setInterval(() => setNow(clock.now()), 1000);
    return () => clearInterval(handle);
  }, [clock, ticking]);
  return ticking ? now : clock.now();
}

/** "2:05" for a countdown; whole seconds, rounded up while time remains so 0:00 means it is over. */
export function formatMinSec(ms: number): string {
  const total = Math.max(0, Math.ceil(Math.abs(ms) / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
