// What the call screen shows: the call as of its last stored event, as an actor the screen reads with
// @xstate/react's useSelector. It moves on only when told an event is stored, and never goes back.
import { createActor, type ActorLogic, type ActorRefFrom, type Snapshot } from 'xstate';
import type { StoredState } from './types';

export type CommittedSnapshot = Snapshot<undefined> & StoredState;
export type CommittedEvent = { type: 'storage.committed'; state: StoredState };

const committedCall: ActorLogic<CommittedSnapshot, CommittedEvent, StoredState> = {
  getInitialSnapshot: (_scope, input) => ({
    status: 'active',
    output: undefined,
    error: undefined,
    ...input,
  }),
  // An older state arriving late changes nothing.
  transition: (snapshot, event) =>
    event.state.events > snapshot.events ? { ...snapshot, ...event.state } : snapshot,
  getPersistedSnapshot: (snapshot) => snapshot,
};

export type CommittedCall = ActorRefFrom<typeof committedCall>;

/** A call's committed state, starting from what is stored already (a call just begun, resumed or loaded). */
export function startCommitted(first: StoredState): CommittedCall {
  return createActor(committedCall, { input: first }).start();
}
