// Rows of what the workstation keeps of its organisation's server (issue 17): the directory of people,
// and the callbacks queue as last fetched, so both are there after a reload without network.
import type { CentreCallback, Role } from '../protocol';

/** A person of the organisation as its directory gives them (no account details). */
export interface ColleagueRow {
  personId: string;
  organisationId: string;
  name: string;
  position: string;
  department: string;
  roles: Role[];
  /** When the directory holding them was fetched. */
  syncedAt: number;
}

/** The centre's callbacks queue as the server last gave it to this person. */
export interface CentreQueueRow {
  personId: string;
  callbacks: CentreCallback[];
  /** When it was fetched (the workstation's clock). */
  at: number;
}
