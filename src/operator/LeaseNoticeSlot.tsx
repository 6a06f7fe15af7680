import { lazy, Suspense } from 'react';
import type { LeaseStanding } from '../services/lease/standing';

// Only when another device holds the operator's calls: a single workstation never loads this chunk.
const LeaseNotice = lazy(() => import('./LeaseNotice').then((m) => ({ default: m.LeaseNotice })));

type Props = { standing: LeaseStanding; takeOver: () => Promise<boolean> };

/** The notice that this device is read-only for calls, when it is. */
export function LeaseNoticeSlot({ standing, takeOver }: Props) {
  if (standing === 'free') return null;
  return (
    <Suspense fallback={null}>
      <LeaseNotice standing={standing} takeOver={takeOver} />
    </Suspense>
  );
}
