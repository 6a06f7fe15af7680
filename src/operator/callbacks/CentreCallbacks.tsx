import { useCallback, useState, useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import type { Clock } from '../../calls/clock';
import type { CentreCallback } from '../../protocol';
import { formatClock } from '../../flows/dates';
import type { FlowDefinition } from '../../flows/types';
import { whenCallEnds, type CentreQueue } from '../../services/callbacks/centreQueue';
import type { CallController } from '../../services/callOwner/types';
import { useNow } from '../useNow';
import { CentreCallbackItem, type CentreItemShared } from './CentreCallbackItem';
import { startCallback } from './startCallback';

type Props = {
  centre: CentreQueue;
  controller: CallController;
  /** The outbound flow for calling back, when the app has one. */
  flow: FlowDefinition | null;
  timeZone: string;
  clock: Clock;
  personId: string | null;
  onCallStarted?: () => void;
};

/**
 * The organisation's queue as the server keeps it. Taking a callback claims it on the server first; the
 * call it opens closes it there when finished. Without the server the list is the last known one, said
 * so, and nothing can be taken from it.
 */
export function CentreCallbacks({
  centre,
  controller,
  flow,
  timeZone,
  clock,
  personId,
  onCallStarted,
}: Props) {
  const text = t.callbacks.centre;
  const view = useSyncExternalStore(
    useCallback((l: () => void) => centre.subscribe(l), [centre]),
    () => centre.getView(),
  );
  const active = useSyncExternalStore(
    useCallback((l: () => void) => controller.subscribe(l), [controller]),
    () => controller.getActive(),
  );
  const now = useNow(clock, true);
  const [error, setError] = useState<string | null>(null);

  const blocked =
    view.status !== 'live'
      ? text.offlineReason
      : active
        ? t.callbacks.queue.busyWithCall
        : flow
          ? null
          : t.callbacks.queue.noFlow;

  const onTake = (callback: CentreCallback) => {
    if (!flow) return;
    setError(null);
    void centre.take(callback.id).then((taken) => {
      if (!taken.ok) return setError(taken.message ?? text.offlineReason);
      startCallback(controller, flow, callback).then(
        (call) => {
          whenCallEnds(controller, call.callId, () => void centre.done(callback.id, call.callId));
          onCallStarted?.();
        },
        () => {
          void centre.release(callback.id);
          setError(t.callbacks.queue.startFailed);
        },
      );
    });
  };

  const onRelease = (callback: CentreCallback) => void centre.release(callback.id);
  const shared: CentreItemShared = { now, timeZone, personId, blocked, onTake, onRelease };

  return (
    <section aria-labelledby="centre-callbacks-title" className="callbacks-queue">
      <h2 id="centre-callbacks-title">{text.title}</h2>
      <p role="status" data-testid="centre-queue-status" data-status={view.status}>
        {view.status === 'loading'
          ? text.loading
          : view.status === 'live'
            ? text.live
            : view.at === null
              ? text.neverFetched
              : text.lastKnown(formatClock(view.at, timeZone))}
      </p>
      {active && <p className="muted">{t.callbacks.queue.busyWithCall}</p>}
      {error && <p role="alert">{error}</p>}
      {view.status !== 'loading' &&
        (view.callbacks.length === 0 ? (
          view.status === 'live' && <p>{text.empty}</p>
        ) : (
          <ol className="callback-list">
            {view.callbacks.map((callback) => (
              <CentreCallbackItem key={callback.id} callback={callback} {...shared} />
            ))}
          </ol>
        ))}
    </section>
  );
}
