import { createContext, useContext, type ReactNode } from 'react';
import type { KbSyncNotice, KnowledgeSource } from '../kbSync';
import type { FlowCatalog } from '../flowCatalog';
import type { Clock } from '../../calls/clock';
import { systemClock } from '../clock';
import type { CallController } from './types';

/** What the operator workspace needs from the app's wiring: the calls, the knowledge base, the time. */
export interface CallWiring {
  controller: CallController;
  /** Null while the knowledge base loads or when there is none. */
  knowledge?: KnowledgeSource | null;
  knowledgeNotice?: KbSyncNotice | null;
  /** Asks for the knowledge base now (the app may hold its sync back while the first screen loads). */
  wantKnowledge?: () => void;
  /** The flows to start calls with (bundled and published: `useFlowCatalog`). */
  catalog: FlowCatalog;
  /** Defaults to the system clock; tests pass a manual one. */
  clock?: Clock;
}

export type ResolvedWiring = Required<CallWiring>;

const noWish = () => {};

const CallWiringContext = createContext<CallWiring | null>(null);

type Props = { value: CallWiring; children: ReactNode };

/** The app wiring wraps the operator workspace in this, with the real controller. */
export function CallControllerProvider({ value, children }: Props) {
  return <CallWiringContext.Provider value={value}>{children}</CallWiringContext.Provider>;
}

/** The calls' controller alone, without filling defaults: cheap enough for every selector to ask. */
export function useCallController(): CallController | null {
  return useContext(CallWiringContext)?.controller ?? null;
}

/** The wiring with defaults filled; null when no provider is above (the workspace then explains). */
export function useCallWiring(): ResolvedWiring | null {
  const value = useContext(CallWiringContext);
  if (!value) return null;
  return {
    controller: value.controller,
    knowledge: value.knowledge ?? null,
    knowledgeNotice: value.knowledgeNotice ?? null,
    wantKnowledge: value.wantKnowledge ?? noWish,
    catalog: value.catalog,
    clock: value.clock ?? systemClock,
  };
}
