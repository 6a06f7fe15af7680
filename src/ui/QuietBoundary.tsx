import { Component, type ReactNode } from 'react';

/**
 * Around a lazy part the screen can do without (a status line of the account bar): when its chunk cannot
 * be loaded (the network dropped before the service worker took the page), the part is left out instead
 * of the error taking the whole app down. A class, because only a class component can catch.
 */
export class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
