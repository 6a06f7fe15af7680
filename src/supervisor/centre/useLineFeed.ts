import { useEffect, useState } from 'react';
import type { LineView } from '../../services/supervision/lineFeed';

/** The live board while the component is shown: the feed (a lazy chunk) starts and stops with it. */
export function useLineFeed(): LineView {
  const [view, setView] = useState<LineView>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let stop = () => {};
    void import('../../services/supervision').then(({ watchLine }) => {
      if (!live) return;
      const feed = watchLine();
      const unsubscribe = feed.subscribe(() => setView(feed.getView()));
      setView(feed.getView());
      stop = () => {
        unsubscribe();
        feed.stop();
      };
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return view;
}
