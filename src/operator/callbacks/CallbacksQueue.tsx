import { useCallback, useState, useSyncExternalStore } from 'react';
import { t } from '../../i18n';
import type { Clock } from '../../calls/clock';
import type { Organisation } from '../../calls/organisation';
import type { AppDB, CallbackAttemptResult, CallbackRow } from '../../db';
import { listOpenCallbacks, recordCallbackAttempt } from '../../db/records';
import type { FlowDefinition } from '../../flows/types';
import type { CallController } from '../../services/callOwner/types';
import { useWatched } from '../history/useWatched';
import { useNow } from '../useNow';
import type { CentreQueue } from '../../services/callbacks/centreQueue';
import { CallbackItem } from './CallbackItem';
import { CentreCallbacks } from './CentreCallbacks';
import { NotifyButton } from './NotifyButton';
import { nextTryAt } from './queue';
import { callbackFlow, startCallback } from './startCallback';
import { useDueNotifications } from './useDueNotifications';

type Props = {
  db: AppDB | null;
  controller: CallController;
  flows: readonly FlowDefinition[];
  organisation: Organisation;
  clock: Clock;
  /** After the outbound call started: e.g. go to the call screen when the queue is on its own route. */
  onCallStarted?: () => void;
  /** Signed in to the server: the centre's queue replaces this workstation's own (issue 17). */
  centre?: { queue: CentreQueue; personId: string | null } | null;
};

/** The promised callbacks, soonest first; starting one opens the outbound call with everything filled. */
export function CallbacksQueue(props: Props) {
  const { centre, controller, flows, organisation, clock, onCallStarted } = props;
  if (centre)
    return (
      <CentreCallbacks
        centre={centre.queue}
        personId={centre.personId}
        controller={controller}
        flow={callbackFlow(flows)}
        timeZone={organisation.timeZone}
        clock={clock}
        {...(onCallStarted ? { onCallStarted } : {})}
      />
    );
  return <DeskCallbacks {...props} />;
}

/** This workstation's own queue: a single workstation, or nobody signed in to a server. */
function DeskCallbacks({ db, controller, flows, organisation, clock, onCallStarted }: Props) {
  const text = t.callbacks.queue;
  const tasks = useWatched(db ? () => listOpenCallbacks(db) : null, 'open-callbacks');
  const now = useNow(clock, true);
  const rows = tasks.status === 'ready' ? tasks.value : null;
  const { permission, ask } = useDueNotifications(rows, now, organisation.timeZone);
  const active = useSyncExternalStore(
    useCallback((l: () => void) => controller.subscribe(l), [controller]),
    () => controller.getActive(),
  );
  const [error, setError] = useState<string | null>(null);
  const flow = callbackFlow(flows);

  const onCall = (task: CallbackRow) => {
    if (!flow) return setError(text.noFlow);
    setError(null);
    startCallback(controller, flow, task).then(
      () => onCallStarted?.(),
      () => setError(text.startFailed),
    );
  };
  const onAttempt = (task: CallbackRow, result: CallbackAttemptResult) => {
    if (!db) return;
    const at = clock.now();
    recordCallbackAttempt(db, task.id, { at, result, dueAt: nextTryAt(at, result, organisation) })
      .then((ok) => setError(ok ? null : text.attemptSaveFailed))
      .catch(() => setError(text.attemptSaveFailed));
  };

  return (
    <section aria-labelledby="callbacks-title" className="callbacks-queue">
      <h2 id="callbacks-title">{text.title}</h2>
      <NotifyButton permission={permission} onAsk={() => void ask()} />
      {active && <p className="muted">{text.busyWithCall}</p>}
      {error && <p role="alert">{error}</p>}
      {!db ? (
        <p role="status">{text.noStorage}</p>
      ) : rows && rows.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <ol className="callback-list">
          {rows?.map((task) => (
            <CallbackItem
              key={task.id}
              task={task}
              now={now}
              timeZone={organisation.timeZone}
              canCall={active === null && flow !== null}
              onCall={onCall}
              onAttempt={onAttempt}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
