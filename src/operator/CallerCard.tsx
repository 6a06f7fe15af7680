import { t } from '../i18n';
import { callerCard, PERSON_KINDS, type CallSession } from '../calls';
import { formatRuPhone } from '../flows/phone';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { CareFlags, useCallPanelsStatus } from './lazyPanels';
import { useCallAnnotations } from './useCallAnnotations';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';

type Props = { session: CallSession; send: Send; disabled: boolean };

/**
 * Who is on the line: what the flow captured, the client kind, and the care they need. The kind and
 * the care flags are call events, so a reload keeps them and the supervisor sees them in the record.
 */
export function CallerCard({ session, send, disabled }: Props) {
  const card = useCallSelect(session, callerCard);
  const { care, person } = useCallAnnotations(session);
  const client = session.flow.client;
  const text = t.operator.card;
  // The care flags come with the panels' chunk, just after the greeting is on screen.
  const panels = useCallPanelsStatus();
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
          value={person ?? 'citizen'}
          options={PERSON_KINDS.map((v) => ({ value: v, label: text.persons[v] }))}
          // A read-only tab sends nothing, and the group shows what was recorded.
          onChange={(next) => void send({ type: 'operator.personKind', person: next })}
        />
      )}
      {panels === 'ready' && (
        <CareFlags
          value={care}
          disabled={disabled}
          onChange={(flags) => void send({ type: 'operator.careFlags', flags })}
        />
      )}
    </section>
  );
}
