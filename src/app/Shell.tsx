import { lazy, Suspense, useEffect, useState } from 'react';
import { Boundary, LazyPart, PartFailed } from '../ui/Boundary';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { t } from '../i18n';
import { matches, shortcutLabel, WORKSPACE_SHORTCUTS } from '../services/shortcuts';
import { isUpdateWaiting, onUpdateWaiting } from '../services/pwa';
import { OfflineNotice } from './OfflineNotice';
import { OperatorWorkspace } from '../operator/OperatorWorkspace';
import { CallScreenProvider } from '../services/callScreenSlot';
import { CallWiringProvider } from './CallWiring';
import { OperatorNav } from './OperatorNav';
import type { Account } from './AccountBar';
import { allowedAreas } from '../services/account/areas';

// Only the call screen is in the first load. Supervisor, editor, settings and the operator's callbacks
// queue and history are lazy chunks; the service worker precaches them all, so they open offline too.
const SupervisorWorkspace = lazy(() =>
  import('../supervisor/SupervisorWorkspace').then((m) => ({ default: m.SupervisorWorkspace })),
);
const EditorWorkspace = lazy(() =>
  import('../editor/EditorWorkspace').then((m) => ({ default: m.EditorWorkspace })),
);

// Only once a new version is waiting.
const UpdatePrompt = lazy(() => import('./UpdatePrompt').then((m) => ({ default: m.UpdatePrompt })));
// Only with the server (someone signed in): a single workstation's first load does not carry it.
const AccountBar = lazy(() => import('./AccountBar').then((m) => ({ default: m.AccountBar })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const CallbacksRoute = lazy(() => import('./OperatorRoutes').then((m) => ({ default: m.CallbacksRoute })));
const HistoryRoute = lazy(() => import('./OperatorRoutes').then((m) => ({ default: m.HistoryRoute })));
// The administrator's page exists only with the server (issue 16).
const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })));

const ROUTES = [
  { key: 'operator', path: '/operator' },
  { key: 'supervisor', path: '/supervisor' },
  { key: 'editor', path: '/editor' },
  { key: 'settings', path: '/settings' },
] as const;

const ALL = new Set(['operator', 'supervisor', 'editor', 'settings']);

/** `account`: the signed-in person with the server; null for a single workstation (every workspace). */
export function Shell({ account }: { account: Account | null }) {
  const [location, navigate] = useLocation();
  const [updateWaiting, setUpdateWaiting] = useState(isUpdateWaiting);
  useEffect(() => onUpdateWaiting(() => setUpdateWaiting(true)), []);
  const areas = account ? new Set([...allowedAreas(account.session.person.roles), 'settings']) : ALL;
  const routes = ROUTES.filter((r) => areas.has(r.key));
  const home = routes[0]?.path ?? '/settings';
  const admin = areas.has('admin');

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const route = routes.find((r) => matches(e, WORKSPACE_SHORTCUTS[r.key]));
      if (!route) return;
      e.preventDefault();
      navigate(route.path);
      // Land keyboard users inside the new workspace, not on the old focus.
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, routes]);

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
              {routes.map((r) => (
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
              {admin && (
                <li>
                  <Link href="/admin" aria-current={location.startsWith('/admin') ? 'page' : undefined}>
                    {t.shell.workspaces.admin}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          {account && (
            <LazyPart fallback={null}>
              <AccountBar account={account} />
            </LazyPart>
          )}
        </header>
        {updateWaiting && (
          <LazyPart fallback={null}>
            <UpdatePrompt />
          </LazyPart>
        )}
        <OfflineNotice />
        <main id="main" tabIndex={-1}>
          <CallScreenProvider value={OperatorWorkspace}>
            {/* Another workspace tries again (a new boundary); a page within one keeps the message. */}
            <Boundary key={location.split('/')[1]} fallback={<PartFailed />}>
              <Suspense fallback={<p role="status">{t.shell.loading}</p>}>
                {areas.has('operator') && location.startsWith('/operator') && <OperatorNav />}
                <Switch>
                  {areas.has('operator') && <Route path="/operator" component={OperatorWorkspace} />}
                  {areas.has('operator') && <Route path="/operator/callbacks" component={CallbacksRoute} />}
                  {areas.has('operator') && <Route path="/operator/history" component={HistoryRoute} />}
                  {areas.has('supervisor') && <Route path="/supervisor" component={SupervisorWorkspace} />}
                  {areas.has('editor') && <Route path="/editor" component={EditorWorkspace} />}
                  {admin && <Route path="/admin" component={AdminPage} />}
                  <Route path="/settings" component={SettingsPage} />
                  <Route path="/">
                    <Redirect to={home} replace />
                  </Route>
                  <Route>
                    <p>{t.shell.notFound}</p>
                    {areas.has('operator') && <Link href="/operator">{t.shell.toOperator}</Link>}
                  </Route>
                </Switch>
              </Suspense>
            </Boundary>
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
