import { t } from '../../i18n';
import { resultText } from '../callText';
import type { SupervisorCall } from '../useSupervisedCalls';

/** One desk's part of the client call, its record ready to open once it ended. */
export interface ChainPartView {
  callId: string;
  operatorName: string;
  startedAt: number;
  transfersBefore: number;
  call: SupervisorCall | null;
}

type Props = { parts: readonly ChainPartView[]; currentId: string; onOpen: (call: SupervisorCall) => void };

/** The chain of desks a citizen's call went through, as one client call, each desk's record a link. */
export function CallChain({ parts, currentId, onOpen }: Props) {
  const text = t.centreSupervision.chain;
  return (
    <section aria-labelledby="call-chain-title" data-testid="call-chain">
      <h3 id="call-chain-title">{text.title(parts.length)}</h3>
      <ol>
        {parts.map((p) => (
          <li key={p.callId} aria-current={p.callId === currentId ? 'true' : undefined}>
            {p.operatorName} — {p.transfersBefore === 0 ? text.first : text.transferred(p.transfersBefore)},{' '}
            {text.span(p.startedAt, p.call?.facts.endedAt ?? null)}
            {p.call && `: ${resultText(p.call.facts)}`}
            {p.callId === currentId ? (
              ` (${text.current})`
            ) : p.call ? (
              <>
                {' '}
                <button type="button" onClick={() => p.call && onOpen(p.call)}>
                  {text.open(p.operatorName, p.startedAt)}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
