// A centre's call opened from the list: its log and the comments on it come from the server in one
// reading; the supervisor's comment is sent there and the record read again to show it.
import { problemText } from './problemText';
import { useEffect, useId, useState } from 'react';
import type { CallEventRow, AppDB } from '../../db';
import { CommentList, type ShownComment } from '../../ui/CommentList';
import { CallRecord } from '../CallRecord';
import { formatDateTime } from '../format';
import type { SupervisorCall } from '../useSupervisedCalls';
import { CommentForm } from './CommentForm';

const centre = () => import('../../services/supervision');

type Props = { db: AppDB; call: SupervisorCall; now: number; onClose: () => void };

type Read =
  | { status: 'loading' }
  | { status: 'ready'; log: CallEventRow[]; comments: ShownComment[] }
  | { status: 'failed'; problem: string };

export function CentreCallRecord({ db, call, now, onClose }: Props) {
  const callId = call.row.id;
  const headingId = useId();
  const [read, setRead] = useState<Read>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void centre().then(async (s) => {
      try {
        const record = await s.fetchRecord(callId);
        if (live) setRead({ status: 'ready', log: s.recordLog(record), comments: record.comments });
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
    <CallRecord
      db={db}
      call={call}
      now={now}
      onClose={onClose}
      log={read.status === 'ready' ? read.log : null}
    >
      {read.status === 'failed' && <p role="alert">{read.problem}</p>}
      {read.status === 'ready' && (
        <CommentList comments={read.comments} formatAt={formatDateTime} headingId={headingId} />
      )}
      <CommentForm onSend={send} />
    </CallRecord>
  );
}
