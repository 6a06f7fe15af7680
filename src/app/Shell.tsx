import { lazy, Suspense, useEffect } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { t } from '../i18n';
import { matches, shortcutLabel, WORKSPACE_SHORTCUTS } from '../services/shortcuts';
import { UpdatePrompt } from './UpdatePrompt';
import { OfflineNotice } from './OfflineNotice';
import { OperatorWorkspace } from '../operator/OperatorWorkspace';
import { CallScreenProvider } from '../services/callScreenSlot';
import { CallWiringProvider } from './CallWiring';
import { OperatorNav } from './OperatorNav';

// Only the call screen is in the first load. Supervisor, editor, settings and the operator's callbacks
// queue and history are lazy chunks; the service worker precaches them all, so they open offline too.
const SupervisorWorkspace = lazy(() =>
  import('../supervisor/SupervisorWorkspace').then((m) => ({ default: m.SupervisorWorkspace })),
);
const EditorWorkspace = lazy(() =>
  import('../editor/EditorWorkspace').then((m) => ({ default: m.EditorWorkspace })),
);

const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const CallbacksRoute = lazy(() => import('./OperatorRoutes').then((m) => ({ default: m.CallbacksRoute })));
const HistoryRoute = lazy(() => import('./OperatorRoutes').then((m) => ({ default: m.HistoryRoute })));

const ROUTES = [
  { key: 'operator', path: '/operator' },
  { key: 'supervisor', path: '/supervisor' },
  { key: 'editor', path: '/editor' },
  { key: 'settings', path: '/settings' },
] as const;

export function Shell() {
  const [location, navigate] = useLocation();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const route = ROUTES.find((r) => matches(e, WORKSPACE_SHORTCUTS[r.key]));
      if (!route) return;
      e.preventDefault();
      navigate(route.path);
      // Land keyboard users inside the new workspace, not on the old focus.
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <CallWiringProvider>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t.shell.skipToContent}
        </a>
        <header className="shell-header">
          <span className="brand">{t.shell.appName}</span>
          <nav aria-label={t.shell.mainNav}>
            <ul>
              {ROUTES.map((r) => (
                <li key={r.key}>
                  <Link
                    href={r.path}
                    aria-current={location.startsWith(r.path) ? 'page' : undefined}
                    aria-keyshortcuts={shortcutLabel(WORKSPACE_SHORTCUTS[r.key]).replace(/\+/g, '+')}
                    title={shortcutLabel(WORKSPACE_SHORTCUTS[r.key])}
                  >
                    {t.shell.workspaces[r.key]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <UpdatePrompt />
        <OfflineNotice />
        <main id="main" tabIndex={-1}>
          <CallScreenProvider value={OperatorWorkspace}>
            <Suspense fallback={<p role="status">{t.shell.loading}</p>}>
              {location.startsWith('/operator') && <OperatorNav />}
              <Switch>
                <Route path="/operator" component={OperatorWorkspace} />
                <Route path="/operator/callbacks" component={CallbacksRoute} />
                <Route path="/operator/history" component={HistoryRoute} />
                <Route path="/supervisor" component={SupervisorWorkspace} />
                <Route path="/editor" component={EditorWorkspace} />
                <Route path="/settings" component={SettingsPage} />
                <Route path="/">
                  <Redirect to="/operator" replace />
                </Route>
                <Route>
                  <p>{t.shell.notFound}</p>
                  <Link href="/operator">{t.shell.toOperator}</Link>
                </Route>
              </Switch>
            </Suspense>
          </CallScreenProvider>
        </main>
        <footer className="shell-footer">
          <small>{t.shell.shortcutsHint}</small>
          <small data-testid="build-id">{t.shell.version(__SUFLER_BUILD__)}</small>
        </footer>
      </div>
    </CallWiringProvider>
  );
}
