import { t } from '../app/i18n';
import { callerCard, type CallSession } from '../calls';
import { formatRuPhone } from '../flows/phone';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { CareFlags } from './CareFlags';
import type { CallNotes, NotesUpdate } from './callNotes';
import { useCallSelect } from './useCallSelect';

type Props = { session: CallSession; notes: CallNotes; onNotes: NotesUpdate };

/** Who is on the line: what the flow captured, the client kind, and the care they need. */
export function CallerCard({ session, notes, onNotes }: Props) {
  const card = useCallSelect(session, callerCard);
  const client = session.flow.client;
  const text = t.operator.card;
  const row = (label: string, value: string | null, id: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={`card-${id}`}>{value ?? <span className="muted">{text.unknown}</span>}</dd>
    </>
  );
  return (
    <section className="caller-card" aria-label={text.region}>
      <h2>{text.region}</h2>
      <dl>
        {row(text.name, card.name, 'name')}
        {row(text.phone, card.phone ? formatRuPhone(card.phone) : null, 'phone')}
        {row(text.appeal, card.appealNumber, 'appeal')}
        {row(text.need, card.need, 'need')}
      </dl>
      <p className="caller-kind">{text.client[client]}</p>
      {client === 'external' && (
        <ChoiceGroup
          legend={text.person}
          name="caller-person"
          value={notes.person}
          options={(['citizen', 'business'] as const).map((v) => ({ value: v, label: text.persons[v] }))}
          onChange={(person) => onNotes({ person })}
        />
      )}
      <CareFlags value={notes.care} onChange={(care) => onNotes({ care })} />
    </section>
  );
}
