import { useSyncExternalStore } from 'react';
import { leaseStanding, onLeaseStanding, type LeaseStanding } from '../services/lease/standing';

/** Whether this device may make the operator's calls now (another device may hold them). */
export function useLeaseStanding(): LeaseStanding {
  return useSyncExternalStore(onLeaseStanding, leaseStanding);
}
