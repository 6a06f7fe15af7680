// The one place that plugs storage, the flow catalogue, the knowledge base and the clock into the
// operator's call controller. It lives above the routes, so a call goes on while the operator looks
// at settings or the callbacks queue.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { systemClock } from '../services/clock';
import { CallControllerProvider, type CallWiring } from '../services/callOwner/CallControllerContext';
import { useApp } from '../services/AppContext';
import { createCallController, type AppCallController } from '../services/callOwner/controller';
import { useFlowCatalog } from '../services/flowCatalog';
import { useKnowledgeBase } from '../services/knowledgeBase';
import { t } from '../i18n';
import { suflerDepartment } from '../calls/colleagues';
import { knownColleagues } from '../services/directory/known';
import { rememberedSession } from '../services/account/serverProbe';

/** How long the operator's first screen is left alone before the knowledge base syncs anyway. */
const KNOWLEDGE_QUIET_START_MS = 1500;

export function CallWiringProvider({ children }: { children: ReactNode }) {
  const { db, settings } = useApp();
  const { organisation, operator } = settings;
  // Null until the bundled flows are fetched: a call restored after a reload needs its flow at once.
  const catalog = useFlowCatalog(db);
  const flowsLoaded = catalog !== null;
  // The knowledge base syncs once something may read it: another workspace at once; on the operator's
  // route, the call screen's side column (after the greeting) or a quiet moment after the first screen,
  // whichever comes first, so the start panel and the greeting never wait on it.
  const [location] = useLocation();
  const onOperatorRoute = location.startsWith('/operator');
  const [knowledgeWanted, setKnowledgeWanted] = useState(!onOperatorRoute);
  const wantKnowledge = useCallback(() => setKnowledgeWanted(true), []);
  useEffect(() => {
    if (!onOperatorRoute) return wantKnowledge();
    const timer = setTimeout(wantKnowledge, KNOWLEDGE_QUIET_START_MS);
    return () => clearTimeout(timer);
  }, [onOperatorRoute, wantKnowledge]);
  const kb = useKnowledgeBase(db, knowledgeWanted);
  const [controller, setController] = useState<AppCallController | null>(null);
  const [restoreFailed, setRestoreFailed] = useState(false);

  // The controller reads the catalogue through a ref: publishing a flow must not recreate it mid-call.
  const catalogRef = useRef(catalog);
  catalogRef.current = catalog;

  // Created and disposed in one effect, so React's development double-run cannot leave a disposed
  // controller in use.
  useEffect(() => {
    if (!organisation || !operator || !flowsLoaded) return;
    const created = createCallController({
      db,
      organisation,
      operator,
      clock: systemClock,
      flows: () => catalogRef.current?.versions ?? catalogRef.current?.flows ?? [],
      // Read as each call starts: the directory may arrive or change after the controller was made.
      directory: () =>
        suflerDepartment(
          organisation.departments,
          knownColleagues(),
          rememberedSession()?.person.id ?? null,
          t.operator.suflerColleagues,
        ),
    });
    setController(created);
    void created.ready.then(() => setRestoreFailed(created.restoreProblem() !== null));
    return () => {
      created.dispose();
      setController((c) => (c === created ? null : c));
    };
  }, [db, organisation, operator, flowsLoaded]);

  const value = useMemo<CallWiring | null>(
    () =>
      controller &&
      catalog && {
        controller,
        catalog,
        clock: systemClock,
        knowledge: kb.status === 'ready' ? kb.source : null,
        knowledgeNotice: kb.status === 'ready' ? kb.notice : null,
        wantKnowledge,
      },
    [controller, catalog, kb, wantKnowledge],
  );

  return (
    <>
      {restoreFailed && (
        <p className="banner banner-warning" role="alert">
          {t.operator.restoreFailed}
        </p>
      )}
      {value ? <CallControllerProvider value={value}>{children}</CallControllerProvider> : children}
    </>
  );
}
