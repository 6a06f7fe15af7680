// The colleagues who use Sufler, from the organisation's directory on the server (issue 17), as one more
// department of the transfer directory: a transfer to one of them hands the call over. Those the
// organisation's profile already lists with their account are not listed twice, nor the operator.
import type { Department } from './organisation';

export interface DirectoryPerson {
  personId: string;
  name: string;
  position: string;
  department: string;
  roles: readonly string[];
}

export const SUFLER_DEPARTMENT_ID = 'sufler-colleagues';

/** The department of Sufler colleagues a transfer can hand a call to, or null when there is nobody. */
export function suflerDepartment(
  departments: readonly Department[],
  people: readonly DirectoryPerson[],
  self: string | null,
  name: string,
): Department | null {
  const listed = new Set(departments.flatMap((d) => d.colleagues.flatMap((c) => c.personId ?? [])));
  // Only an operator can take a handed-over call.
  const others = people.filter(
    (p) => p.personId !== self && !listed.has(p.personId) && p.roles.includes('operator'),
  );
  if (others.length === 0) return null;
  return {
    id: SUFLER_DEPARTMENT_ID,
    name,
    phone: '',
    topics: [],
    colleagues: others.map((p) => ({
      id: `person:${p.personId}`,
      fullName: p.name,
      position: [p.position, p.department].filter(Boolean).join(', '),
      phone: '',
      topics: [],
      personId: p.personId,
    })),
  };
}
