import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

/** How browsers word a lazy chunk that could not be fetched (Chromium, Firefox, Safari). */
const CHUNK_FAILURE =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported/i;

const isChunkFailure = (error: unknown): boolean =>
  error instanceof Error && CHUNK_FAILURE.test(error.message);

interface Props {
  children: ReactNode;
  /** A new key (e.g. another page) tries the children again; the same one keeps the message. */
  resetKey?: string;
}

/**
 * Around a part of the app the user came for (a workspace, the sign-in page, the first-run setup) and
 * around the whole app: when its chunk cannot be loaded (the network dropped before the service worker
 * took the page, or a new version replaced the old files) or it fails to draw, the user is told so in
 * words, with a button to reload, instead of facing a blank page. Everything already recorded stays
 * recorded: the stores are not touched. A class, because only a class component can catch.
 */
export class PartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // A chunk that could not be fetched is the network's doing, said on screen. Anything else is a bug:
    // it is thrown again outside React, so it stays as visible to the page's error reporting (and the
    // end-to-end tests' watch) as it was without the boundary.
    if (!isChunkFailure(error))
      setTimeout(() => {
        throw error;
      });
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner banner-warning" role="alert">
        <span>{t.shell.partFailed}</span>
        <button type="button" onClick={() => window.location.reload()}>
          {t.shell.storage.reload}
        </button>
      </div>
    );
  }
}
