// The organisation's transfer directory as one searchable list: departments and their people.
import type { Organisation } from '../calls/organisation';
import type { TransferTarget } from '../calls';

export interface DirectoryEntry {
  target: TransferTarget;
  name: string;
  /** Position for a person, "" for a department. */
  position: string;
  department: string;
  phone: string;
  topics: string[];
}

export function directoryEntries(org: Organisation): DirectoryEntry[] {
  return org.departments.flatMap((d) => [
    {
      target: { kind: 'department', id: d.id },
      name: d.name,
      position: '',
      department: d.name,
      phone: d.phone,
      topics: d.topics,
    },
    ...d.colleagues.map((c) => ({
      target: { kind: 'colleague', id: c.id } satisfies TransferTarget,
      name: c.fullName,
      position: c.position,
      department: d.name,
      phone: c.phone,
      topics: c.topics.length > 0 ? c.topics : d.topics,
    })),
  ]);
}

/** Entries whose words or topic labels contain the text (case-insensitive), on the topic if one is set. */
export function filterDirectory(
  entries: readonly DirectoryEntry[],
  query: string,
  topic: string,
  topicLabel: (id: string) => string,
): DirectoryEntry[] {
  const q = query.trim().toLowerCase();
  return entries.filter((e) => {
    if (topic && !e.topics.includes(topic)) return false;
    if (!q) return true;
    const hay = [e.name, e.position, e.department, ...e.topics.map(topicLabel)].join(' ').toLowerCase();
    return hay.includes(q);
  });
}
