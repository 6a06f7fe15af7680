import { t } from '../../i18n';

type Props = { groups: readonly { events: number; restored: number; firstAt: number; lastAt: number }[] };

/** What happened when the operator's calls were taken over on another device mid-call (issue 17). */
export function KeptAsideNote({ groups }: Props) {
  const text = t.centreSupervision.keptAside;
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="kept-aside-title" data-testid="kept-aside">
      <h3 id="kept-aside-title">{text.title}</h3>
      {groups.map((g) => (
        <p key={`${g.firstAt}-${g.events}`}>{text.group(g.events, g.firstAt, g.lastAt, g.restored)}</p>
      ))}
    </section>
  );
}
