import { useId, useState } from 'react';
import { t } from '../i18n';
import { likelyFlow, type FlowCatalog } from '../services/flowCatalog';
import { CALL_SHORTCUTS, shortcutLabel, triggers } from '../services/shortcuts';
import { parseRuPhone } from '../flows/phone';
import type { ClientKind, Direction } from '../flows/types';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import type { CallController } from '../services/callOwner/types';
import { FlowSelect } from './FlowSelect';
import { maskRuPhone } from './phoneMask';
import { useKeyDown } from './useKeyDown';
import { KeyButton } from '../ui/KeyButton';

type Props = {
  controller: CallController;
  catalog: FlowCatalog;
  /** Another device of the operator holds their calls: nothing starts here. */
  blocked?: boolean;
};

/** Between calls: an incoming or outgoing call one key away, with the likely flow already chosen. */
export function StartCallPanel({ controller, catalog, blocked = false }: Props) {
  const { flows, invalid, loadFailed } = catalog;
  const [client, setClient] = useState<ClientKind>('external');
  const [chosen, setChosen] = useState<Partial<Record<Direction, string>>>({});
  const [phone, setPhone] = useState('');
  const [transfersBefore, setTransfersBefore] = useState<'0' | '1' | '2'>('0');
  const [status, setStatus] = useState<'idle' | 'starting' | 'failed'>('idle');
  const phoneId = useId();
  const text = t.operator.start;
  const parsed = phone.trim() ? parseRuPhone(phone) : null;
  const phoneError = parsed && !parsed.ok ? t.flows.fieldError(parsed.code) : null;
  const flowFor = (d: Direction) => chosen[d] ?? likelyFlow(flows, d, client)?.id ?? null;

  const start = async (direction: Direction) => {
    const flowId = flowFor(direction);
    if (!flowId || phoneError || status === 'starting' || blocked) return;
    setStatus('starting');
    try {
      await controller.start({
        flowId,
        direction,
        transfersBefore: direction === 'inbound' ? Number(transfersBefore) : 0,
        ...(parsed?.ok ? { callerPhone: parsed.phone } : {}),
      });
    } catch {
      setStatus('failed');
    }
  };
  useKeyDown((e) => {
    const direction = triggers(e, CALL_SHORTCUTS.incoming)
      ? 'inbound'
      : triggers(e, CALL_SHORTCUTS.outgoing)
        ? 'outbound'
        : null;
    if (!direction) return;
    e.preventDefault();
    void start(direction);
  });

  const button = (direction: Direction, label: string, key: string) => (
    <KeyButton
      shortcut={key}
      className="primary start-call"
      disabled={blocked || !flowFor(direction)}
      onClick={() => void start(direction)}
    >
      {label}
    </KeyButton>
  );

  return (
    <section className="start-call-panel" aria-label={text.region}>
      <div className="start-buttons">
        {button('inbound', text.incoming, shortcutLabel(CALL_SHORTCUTS.incoming))}
        {button('outbound', text.outgoing, shortcutLabel(CALL_SHORTCUTS.outgoing))}
      </div>
      {loadFailed && <p role="alert">{text.flowsLoadFailed}</p>}
      {flows.length === 0 && !loadFailed && <p role="alert">{text.noFlows}</p>}
      {invalid.length > 0 && <p role="status">{text.invalidFlows(invalid.map((i) => i.file))}</p>}
      {status === 'starting' && <p role="status">{text.starting}</p>}
      {status === 'failed' && <p role="alert">{text.failed}</p>}
      <ChoiceGroup
        legend={text.client}
        name="start-client"
        value={client}
        options={(['external', 'internal'] as const).map((v) => ({ value: v, label: text.clientKinds[v] }))}
        onChange={(v) => {
          setClient(v);
          setChosen({});
        }}
      />
      <FlowSelect
        label={text.inboundFlow}
        flows={flows.filter((f) => f.direction === 'inbound')}
        value={flowFor('inbound')}
        onChange={(id) => setChosen((c) => ({ ...c, inbound: id }))}
      />
      <FlowSelect
        label={text.outboundFlow}
        flows={flows.filter((f) => f.direction === 'outbound')}
        value={flowFor('outbound')}
        onChange={(id) => setChosen((c) => ({ ...c, outbound: id }))}
      />
      <div className="field">
        <label htmlFor={phoneId}>{text.phone}</label>
        <input
          id={phoneId}
          type="tel"
          value={phone}
          placeholder="+7 (___) ___-__-__"
          autoComplete="off"
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={phoneError ? `${phoneId}-error` : undefined}
          onChange={(e) => setPhone(maskRuPhone(e.target.value))}
        />
        {phoneError && (
          <span id={`${phoneId}-error`} className="field-error" role="alert">
            {phoneError}
          </span>
        )}
      </div>
      <ChoiceGroup
        legend={text.transfersBefore}
        name="start-transfers"
        value={transfersBefore}
        options={(['0', '1', '2'] as const).map((v) => ({
          value: v,
          label: text.transfersOption(Number(v)),
        }))}
        onChange={setTransfersBefore}
      />
    </section>
  );
}
