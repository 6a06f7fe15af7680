import { useCallback, useRef, useState } from 'react';
import { t } from '../i18n';
import { ACTION_KEYS, CALL_SHORTCUTS, isTypingTarget, PHRASE_KEYS, triggers } from '../services/shortcuts';
import { availableActions, noticeOf, phase, stageStrip, templateVars } from '../calls';
import { renderLine } from '../flows/templates';
import { StageStrip } from '../ui/StageStrip';
import { BreakOffBar } from './BreakOffBar';
import { CallBars } from './CallBars';
import type { ActiveCall, CallController } from '../services/callOwner/types';
import type { ResolvedWiring } from '../services/callOwner/CallControllerContext';
import type { CallDesk } from './callDesk';
import { EMPTY_NOTES, type CallNotes } from './callNotes';
import { CallPanels } from './CallPanels';
import { CallSide } from './CallSide';
import { CallStatus } from './CallStatus';
import { CallTools, type Tool } from './CallTools';
import { CaptureFields } from './CaptureFields';
import { NeedsPanel, NoticeBar, ShortcutHelp, useCallPanelsStatus, WrapUpForm } from './lazyPanels';
import { LineToSay } from './LineToSay';
import type { Panel } from './panels';
import { QuickPhrases } from './QuickPhrases';
import { StepActions } from './StepActions';
import { useCallSelect } from './useCallSelect';
import { useCallSend } from './useCallSend';
import { useKeyDown } from './useKeyDown';
import { leaveField } from './usePanelFocus';
import { usePhaseActions } from './usePhaseActions';

type Props = { call: ActiveCall; controller: CallController; wiring: ResolvedWiring };

const TOOL_KEYS: readonly Tool[] = ['capture', 'hold', 'transfer', 'callback', 'outcome', 'search'];

/** The live call: the line to say, the actions, the caller, the knowledge, every action on a key. */
export function CallScreen({ call, controller, wiring }: Props) {
  const { session } = call;
  const { clock } = wiring;
  const flow = session.flow;
  const { send, failed } = useCallSend(call);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notes, setNotes] = useState<CallNotes>(EMPTY_NOTES);
  const [help, setHelp] = useState(false);
  const [phrase, setPhrase] = useState<string | null>(null);
  const [focus, setFocus] = useState({ capture: 0, search: 0 });
  // What had focus before a key sent it into the capture fields or the search box: Escape goes back.
  const fieldOpener = useRef<HTMLElement | null>(null);
  const onNotes = useCallback((change: Partial<CallNotes>) => setNotes((n) => ({ ...n, ...change })), []);
  const p = useCallSelect(session, phase);
  const can = useCallSelect(session, (s) => availableActions(flow, s));
  const stages = useCallSelect(session, (s) => stageStrip(flow, s));
  const actions = usePhaseActions(session, send, setPanel);
  const disabled = call.readOnly;
  const desk: CallDesk = { session, clock, send, disabled };
  // The needs discovery comes with the panels' chunk, just after the greeting is on screen.
  const panels = useCallPanelsStatus();
  // A refusal's words come with the panels' chunk too: asked for only when there is one to show.
  const refused = useCallSelect(session, (s) => noticeOf(s) !== null);

  const enabled: Record<Tool, boolean> = {
    capture: can.capture.length > 0,
    hold: can.hold,
    // Open even at the cap: the panel then says why a third transfer is refused and what to do instead.
    transfer: can.transfer || can.transferCapped,
    callback: can.callback,
    outcome: can.end,
    search: true,
    help: true,
  };
  const onTool = (tool: Tool) => {
    if (!enabled[tool] || (disabled && tool !== 'search' && tool !== 'help')) return;
    if (tool === 'help') setHelp(true);
    else if (tool === 'capture' || tool === 'search') {
      fieldOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setFocus((f) => ({ ...f, [tool]: f[tool] + 1 }));
    } else if (tool === 'hold') setPanel({ kind: 'hold', extend: false });
    else if (tool === 'outcome') setPanel({ kind: 'outcome', option: null });
    else {
      // At the cap the attempt itself is recorded: a supervisor sees the refused third transfer.
      if (tool === 'transfer' && can.transferCapped) void send({ type: 'operator.tryTransfer' });
      setPanel({ kind: tool });
    }
  };
  const sayPhrase = (text: string) => {
    const line = renderLine(text, templateVars(session.getSnapshot().context, clock.now()));
    setPhrase(line.kind === 'ready' ? line.text : text);
  };

  useKeyDown((e) => {
    if (triggers(e, CALL_SHORTCUTS.help) || triggers(e, CALL_SHORTCUTS.helpQuestion)) {
      e.preventDefault();
      setHelp((h) => !h);
      return;
    }
    if (help) {
      if (e.key === 'Escape') setHelp(false);
      return;
    }
    if (e.key === 'Escape') {
      if (isTypingTarget(e.target) && e.target instanceof HTMLElement)
        leaveField(e.target, fieldOpener.current);
      else setPanel(null);
      return;
    }
    if (p === 'ended' || disabled) return;
    if (triggers(e, CALL_SHORTCUTS.hungUp)) void send({ type: 'caller.hungUp' });
    else if (triggers(e, CALL_SHORTCUTS.lineDropped)) void send({ type: 'line.dropped' });
    else if (triggers(e, CALL_SHORTCUTS.resume) && can.resume) void send({ type: 'operator.resume' });
    else if (triggers(e, CALL_SHORTCUTS.finish) && can.finish) void send({ type: 'operator.finish' });
    else {
      const tool = TOOL_KEYS.find((k) => triggers(e, CALL_SHORTCUTS[k]));
      const action = panel ? undefined : actions[ACTION_KEYS.findIndex((k) => triggers(e, k))];
      const quick = flow.phrases[PHRASE_KEYS.findIndex((k) => triggers(e, k))];
      if (tool) onTool(tool);
      else if (action) action.run();
      else if (quick) sayPhrase(quick.text);
      else return;
    }
    e.preventDefault();
  });

  return (
    <div className="call-screen" data-phase={p}>
      <CallBars call={call} sendFailed={failed} />
      <StageStrip
        label={t.operator.stages}
        statusLabels={t.operator.stageStatus}
        items={stages.map((s) => ({ key: s.stage, label: t.flows.stage(s.stage), status: s.status }))}
      />
      <div className="call-columns">
        <div className="call-main">
          {p === 'ended' ? (
            <WrapUpForm {...desk} notes={notes} controller={controller} />
          ) : (
            <>
              <LineToSay {...desk} phrase={phrase} />
              <CallStatus {...desk} />
              {refused && (
                <NoticeBar
                  session={session}
                  onPanel={setPanel}
                  // The open transfer panel says why a third transfer is refused itself.
                  hide={panel?.kind === 'transfer' ? 'transferLimitReached' : null}
                />
              )}
              <StepActions actions={actions} disabled={disabled || panel !== null} />
              <CaptureFields {...desk} focusRequest={focus.capture} />
              <CallPanels {...desk} panel={panel} topic={notes.topic} onPanel={setPanel} />
              <CallTools enabled={enabled} onTool={onTool} />
              {panels === 'ready' && <NeedsPanel {...desk} notes={notes} onNotes={onNotes} />}
              <QuickPhrases phrases={flow.phrases} onSay={sayPhrase} />
              <BreakOffBar {...desk} />
            </>
          )}
        </div>
        <CallSide {...desk} wiring={wiring} notes={notes} onNotes={onNotes} searchFocus={focus.search} />
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
