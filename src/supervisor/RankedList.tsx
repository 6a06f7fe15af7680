import type { Ranked } from '../analytics';
import { t } from '../i18n';

type Props = { title: string; rows: Ranked[] };

export function RankedList({ title, rows }: Props) {
  return (
    <section className="ranked">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p>{t.supervisor.dashboard.none}</p>
      ) : (
        <ol>
          {rows.map((r) => (
            <li key={r.key}>
              {r.key}: {r.count}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
