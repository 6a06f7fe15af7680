import { Component, Suspense, type ReactNode } from 'react';
import { t } from '../i18n';
import { ReloadBanner } from './ReloadBanner';

interface Props {
  children: ReactNode;
  /** What stands in the part's place once it failed: a message, or nothing for a part the screen can do without. */
  fallback: ReactNode;
}

/**
 * Around a lazy part of the app: when its chunk cannot be loaded (the network dropped before the service
 * worker took the page, or a new version replaced the old files) or it fails to draw, the fallback stands
 * in its place and the rest of the app goes on, instead of React unmounting everything. What is recorded
 * stays recorded: the stores are not touched. A class, because only a class component can catch.
 */
export class Boundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * A lazy part: nothing in its place while its chunk loads, the fallback once it cannot load or draw (null
 * for a part the screen can do without).
 */
export function LazyPart({ fallback, children }: Props) {
  return (
    <Boundary fallback={fallback}>
      <Suspense fallback={null}>{children}</Suspense>
    </Boundary>
  );
}

/** Where a part the user came for (a workspace, the sign-in page) could not be loaded: what to do. */
export const PartFailed = () => <ReloadBanner text={t.shell.partFailed} />;
