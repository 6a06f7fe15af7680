// A centre's call opened from the list: its log and the comments on it come from the server in one
// reading; the supervisor's comment is sent there and the record read again to show it. A call handed
// between desks shows its client call's chain, each desk's record a link; events its device sent after
// the calls were taken over elsewhere are said in words (issue 17).
import { problemText } from './problemText';
import { useEffect, useId, useState } from 'react';
import type { CallEventRow } from '../../db';
import { CommentList, type ShownComment } from '../../ui/CommentList';
import { CallRecord, type OpenRecord } from '../CallRecord';
import { formatDateTime } from '../format';
import type { SupervisorCall } from '../useSupervisedCalls';
import type { CentreRecord } from '../../services/supervision';
import { CommentForm } from './CommentForm';
import { CallChain, type ChainPartView } from './CallChain';
import { KeptAsideNote } from './KeptAsideNote';

const centre = () => import('../../services/supervision');

type Props = OpenRecord & {
  /** Opens another desk's call of the same client call. */
  onOpen: (call: SupervisorCall) => void;
};

type Read =
  | { status: 'loading' }
  | {
      status: 'ready';
      log: CallEventRow[];
      comments: ShownComment[];
      chain: ChainPartView[] | null;
      keptAside: CentreRecord['keptAside'];
    }
  | { status: 'failed'; problem: string };

export function CentreCallRecord({ onOpen, ...record }: Props) {
  const callId = record.call.row.id;
  const headingId = useId();
  const [read, setRead] = useState<Read>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void centre().then(async (s) => {
      try {
        const record = await s.fetchRecord(callId);
        const chain =
          record.chain?.calls.map((p) => {
            const listed = p.call && s.centreCallRow(p.call);
            return {
              ...p,
              call: listed && {
                ...listed,
                callerName: p.call?.callerName ?? null,
                callerPhone: p.call?.callerPhone ?? null,
              },
            };
          }) ?? null;
        if (live)
          setRead({
            status: 'ready',
            log: s.recordLog(record),
            comments: record.comments,
            chain,
            keptAside: record.keptAside,
          });
      } catch (error) {
        if (live) setRead({ status: 'failed', problem: problemText(s.failureOf(error)) });
      }
    });
    return () => {
      live = false;
    };
  }, [callId, version]);
  const send = async (body: string) => {
    const s = await centre();
    try {
      await s.addComment(callId, body);
      setVersion((v) => v + 1);
      return null;
    } catch (error) {
      return problemText(s.failureOf(error));
    }
  };
  return (
    <CallRecord {...record} log={read.status === 'ready' ? read.log : null}>
      {read.status === 'failed' && <p role="alert">{read.problem}</p>}
      {read.status === 'ready' && read.chain && read.chain.length > 1 && (
        <CallChain parts={read.chain} currentId={callId} onOpen={onOpen} />
      )}
      {read.status === 'ready' && <KeptAsideNote groups={read.keptAside} />}
      {read.status === 'ready' && (
        <CommentList comments={read.comments} formatAt={formatDateTime} headingId={headingId} />
      )}
      <CommentForm onSend={send} />
    </CallRecord>
  );
}
