// When the workstation last took its organisation's flows from the server, and how far its clock is from
// the server's (issue 18): read by the flow catalogue at every start, so it is in the first load; storing
// the server's versions (serverFlows.ts) is not.

/** The settings row that remembers the last catalogue taken from the server. */
export const SERVER_FLOWS_KEY = 'serverFlows';

export interface ServerFlowsMeta {
  /** When the workstation last took the catalogue, by its own clock (ms since the epoch). */
  fetchedAt: number;
  /** The server's clock minus the workstation's, in ms: a scheduled version switches by the server's time. */
  offsetMs: number;
}

export function restoreServerFlowsMeta(raw: unknown): ServerFlowsMeta | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { fetchedAt, offsetMs } = raw as Partial<Record<keyof ServerFlowsMeta, unknown>>;
  return typeof fetchedAt === 'number' && Number.isFinite(fetchedAt) && typeof offsetMs === 'number'
    ? { fetchedAt, offsetMs: Number.isFinite(offsetMs) ? offsetMs : 0 }
    : null;
}
