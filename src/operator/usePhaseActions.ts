import { t } from '../i18n';
import {
  availableActions,
  callbackTaskOf,
  currentStep,
  holdExpiredChoices,
  phase,
  type CallSession,
} from '../calls';
import type { StepOption } from '../flows/types';
import { DETAILED_OUTCOMES, type Panel } from './panels';
import type { NumberedAction } from './StepActions';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';

/** The numbered actions for the call's phase: the step's options, the hold expiry choices, and so on. */
export function usePhaseActions(
  session: CallSession,
  send: Send,
  openPanel: (panel: Panel) => void,
): NumberedAction[] {
  const flow = session.flow;
  const p = useCallSelect(session, phase);
  const options = useCallSelect(session, (s) => {
    const ids = availableActions(flow, s).choose;
    return currentStep(flow, s)?.options.filter((o) => ids.includes(o.id)) ?? [];
  });
  const expired = useCallSelect(session, holdExpiredChoices);
  const hasCallback = useCallSelect(session, (s) => callbackTaskOf(s) !== null);
  const canFinish = useCallSelect(session, (s) => availableActions(flow, s).finish);
  const text = t.operator;

  const choose = (option: StepOption) => {
    const outcome = option.outcome;
    if (outcome && (DETAILED_OUTCOMES as readonly string[]).includes(outcome)) {
      openPanel({ kind: 'outcome', option });
    } else if (outcome === 'callback' && !hasCallback) {
      openPanel({ kind: 'callback' });
    } else {
      void send({ type: 'operator.choose', optionId: option.id });
    }
  };

  switch (p) {
    case 'talking':
      return options.map((o) => ({ id: o.id, label: o.label, run: () => choose(o) }));
    case 'onHold':
    case 'holdWarning':
      return [{ id: 'resume', label: text.hold.resume, run: () => void send({ type: 'operator.resume' }) }];
    case 'holdExpired': {
      const list: NumberedAction[] = [
        { id: 'answer', label: text.hold.answer, run: () => void send({ type: 'operator.resume' }) },
      ];
      if (expired?.moreTime)
        list.push({
          id: 'moreTime',
          label: text.hold.moreTime,
          run: () => openPanel({ kind: 'hold', extend: true }),
        });
      list.push({ id: 'callback', label: text.hold.callback, run: () => openPanel({ kind: 'callback' }) });
      return list;
    }
    case 'transferring':
      return [
        {
          id: 'connected',
          label: text.actions.connected,
          run: () => void send({ type: 'transfer.connected' }),
        },
        { id: 'failed', label: text.actions.failed, run: () => void send({ type: 'transfer.failed' }) },
      ];
    case 'farewell':
      return canFinish
        ? [{ id: 'finish', label: text.actions.finish, run: () => void send({ type: 'operator.finish' }) }]
        : [
            {
              id: 'outcome',
              label: text.outcome.region,
              run: () => openPanel({ kind: 'outcome', option: null }),
            },
          ];
    case 'ended':
      return [];
  }
}
