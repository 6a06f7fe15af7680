import type { CallbackRow } from '../../db';
import type { FlowDefinition } from '../../flows/types';
import type { ActiveCall, CallController } from '../../services/callOwner/types';

/** The flow for calling back: the dedicated one when the app has it, else any outbound flow. */
export function callbackFlow(flows: readonly FlowDefinition[]): FlowDefinition | null {
  return (
    flows.find((f) => f.id === 'outbound-callback') ?? flows.find((f) => f.direction === 'outbound') ?? null
  );
}

/** Opens the outbound call that fulfils a task; the controller prefills the caller and the question. */
export function startCallback(
  controller: CallController,
  flow: FlowDefinition,
  task: Pick<CallbackRow, 'id' | 'phone' | 'callerName' | 'question' | 'appealNumber'>,
): Promise<ActiveCall> {
  return controller.start({
    flowId: flow.id,
    direction: 'outbound',
    transfersBefore: 0,
    callerPhone: task.phone,
    callbackId: task.id,
    callbackDetails: {
      callerName: task.callerName,
      question: task.question,
      appealNumber: task.appealNumber,
    },
  });
}
