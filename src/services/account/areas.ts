// Which areas a person's roles open (issue 16). Apart from session.ts, so the shell's first load stays small.
import type { Role } from '../../protocol';

/** The workspaces a person's roles open; the administrator opens every one and the administration page. */
export function allowedAreas(roles: readonly Role[]): Set<string> {
  if (roles.includes('administrator')) return new Set(['operator', 'supervisor', 'editor', 'admin']);
  return new Set(roles);
}
