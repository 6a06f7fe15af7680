// The one place that plugs storage, the flow catalogue, the knowledge base and the clock into the
// operator's call controller. It lives above the routes, so a call goes on while the operator looks
// at settings or the callbacks queue.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { systemClock } from '../calls/clock';
import { CallControllerProvider, type CallWiring } from '../operator/CallControllerContext';
import { useApp } from './AppContext';
import { createCallController, type AppCallController } from './callController';
import { useFlowCatalog } from './flowCatalog';
import { useKnowledgeBase } from './kbSync';

export function CallWiringProvider({ children }: { children: ReactNode }) {
  const { db, settings } = useApp();
  const { organisation, operator } = settings;
  const catalog = useFlowCatalog(db);
  const kb = useKnowledgeBase(db, true);

  // The controller reads the catalogue through a ref: publishing a flow must not recreate it mid-call.
  const flowsRef = useRef(catalog);
  flowsRef.current = catalog;

  const controller = useMemo<AppCallController | null>(() => {
    if (!organisation || !operator) return null;
    return createCallController({
      db,
      organisation,
      operator,
      clock: systemClock,
      flows: () => flowsRef.current.versions ?? flowsRef.current.flows,
    });
  }, [db, organisation, operator]);

  useEffect(() => () => controller?.dispose(), [controller]);

  const value = useMemo<CallWiring | null>(
    () =>
      controller && {
        controller,
        catalog,
        clock: systemClock,
        knowledge: kb.status === 'ready' ? kb.source : null,
        knowledgeNotice: kb.status === 'ready' ? kb.notice : null,
      },
    [controller, catalog, kb],
  );

  if (!value) return <>{children}</>;
  return <CallControllerProvider value={value}>{children}</CallControllerProvider>;
}
