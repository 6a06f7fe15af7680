// The call screen's panels (hold, transfer, callback, outcome, the shortcut list, the wrap-up), its needs
// discovery and its side column (knowledge, caller history) come in a lazy chunk: the greeting does not need them (issue 8). The
// call screen loads the chunk once its first screen is up, so a key press finds the panel ready; until then
// a panel waits for it, without a fallback, and the side column fills in when it arrives.
import { lazy, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import { LazyPart, PartFailed } from '../ui/Boundary';
import type * as PanelsChunk from './callPanelsChunk';

type Panels = typeof PanelsChunk;

let loaded: Panels | null = null;
let loading: Promise<Panels> | null = null;

/** Loads the panels' chunk once; a failed load is tried again by the next caller. */
export function loadCallPanels(): Promise<Panels> {
  loading ??= import('./callPanelsChunk').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Runs `task` once the screen just committed has been painted and the page is idle (soon at the latest). */
function afterPaint(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback: a frame, then a task, is after the paint too.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(task, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * 'loading' until the chunk is in. Loading starts once the first screen of the component that asks is
 * painted (the call screen: its greeting), so what renders the chunk's parts only when 'ready' shows its
 * first content without them, and the greeting never waits for the chunk.
 */
export function useCallPanelsStatus(): 'loading' | 'ready' | 'failed' {
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>(loaded ? 'ready' : 'loading');
  useEffect(() => {
    if (status !== 'loading') return;
    let live = true;
    const cancel = afterPaint(() => {
      loadCallPanels().then(
        () => live && setStatus('ready'),
        () => live && setStatus('failed'),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [status]);
  return status;
}

/**
 * A panel from the chunk: rendered directly once the chunk is in (no suspense, focus moves at once),
 * through React.lazy before that.
 */
function lazyPanel<K extends keyof Panels>(name: K) {
  type P = ComponentProps<Panels[K]> & object;
  // The chunk's export of that name: TypeScript does not tie `m[name]` of a generic name to its props.
  const pick = (m: Panels) => m[name] as ComponentType<P>;
  const Lazy = lazy(() => loadCallPanels().then((m) => ({ default: pick(m) })));
  function Panel(props: P) {
    const Loaded = loaded && pick(loaded);
    return (
      <LazyPart fallback={<PartFailed />}>{Loaded ? <Loaded {...props} /> : <Lazy {...props} />}</LazyPart>
    );
  }
  Panel.displayName = `Lazy(${name})`;
  return Panel;
}

export const HoldPanel = lazyPanel('HoldPanel');
export const TransferPanel = lazyPanel('TransferPanel');
export const CallbackPanel = lazyPanel('CallbackPanel');
export const OutcomePanel = lazyPanel('OutcomePanel');
export const ShortcutHelp = lazyPanel('ShortcutHelp');
export const WrapUpForm = lazyPanel('WrapUpForm');
export const KnowledgePanel = lazyPanel('KnowledgePanel');
export const KbSuggestions = lazyPanel('KbSuggestions');
export const CallerHistory = lazyPanel('CallerHistory');
export const NeedsPanel = lazyPanel('NeedsPanel');
export const NoticeBar = lazyPanel('NoticeBar');
export const CareFlags = lazyPanel('CareFlags');
