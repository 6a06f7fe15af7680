// Whether the supervisor's workspace reads the centre's server: a supervisor (or administrator) signed
// in to it. Read from the session this workstation remembers, as the operator's callbacks route does;
// a single workstation remembers none and reads its own storage, as before.
import { rememberedSession } from '../../services/account/serverProbe';

export function readsCentre(): boolean {
  const roles = rememberedSession()?.person.roles ?? [];
  return roles.includes('supervisor') || roles.includes('administrator');
}
