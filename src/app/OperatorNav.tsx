// The operator's three views — the call, the promised callbacks, the history — as links under the shell.
import { Link, useLocation } from 'wouter';
import { t } from '../i18n';

export const OPERATOR_VIEWS = [
  { path: '/operator', label: () => t.shell.operatorViews.call },
  { path: '/operator/callbacks', label: () => t.shell.operatorViews.callbacks },
  { path: '/operator/history', label: () => t.shell.operatorViews.history },
] as const;

export function OperatorNav() {
  const [location] = useLocation();
  return (
    <nav aria-label={t.shell.operatorViews.nav} className="sub-nav">
      <ul>
        {OPERATOR_VIEWS.map((v) => (
          <li key={v.path}>
            <Link href={v.path} aria-current={location === v.path ? 'page' : undefined}>
              {v.label()}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
