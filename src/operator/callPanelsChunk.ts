// What the call screen does not need for its greeting: the panels a key opens, the engine's refusals in
// words (NoticeBar), the caller card's care flags, the wrap-up, the needs discovery, and the side column's
// knowledge and caller history. One lazy chunk (lazyPanels.tsx), loaded right after the greeting is on
// screen, so the operator's first load does not carry it.
export { CallbackPanel } from './CallbackPanel';
export { CareFlags } from './CareFlags';
export { HoldPanel } from './HoldPanel';
export { NoticeBar } from './NoticeBar';
export { OutcomePanel } from './OutcomePanel';
export { ShortcutHelp } from './ShortcutHelp';
export { TransferPanel } from './TransferPanel';
export { WrapUpForm } from './WrapUpForm';
export { CallerHistory } from './history/CallerHistory';
export { KbSuggestions } from './KbSuggestions';
export { KnowledgePanel } from './KnowledgePanel';
export { NeedsPanel } from './NeedsPanel';
