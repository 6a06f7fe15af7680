// Supervisors' comments on one of the operator's own calls (issue 19), read from the centre's server when
// the record opens. A call the server does not hold yet has none to show; no connection is said so.
import { useEffect, useId, useState } from 'react';
import { t } from '../../i18n';
import { formatClock, formatDayMonth } from '../../flows/dates';
import { CommentList, type ShownComment } from '../../ui/CommentList';

type Props = { callId: string; timeZone: string };

type Read = { status: 'loading' } | { status: 'ready'; comments: ShownComment[] } | { status: 'offline' };

export function CentreComments({ callId, timeZone }: Props) {
  const headingId = useId();
  const [read, setRead] = useState<Read>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void import('../../services/supervision').then(async ({ fetchRecord, isRefusal }) => {
      try {
        const record = await fetchRecord(callId);
        if (live) setRead({ status: 'ready', comments: record.comments });
      } catch (error) {
        // The server answered "no such call": it has not received this call yet, so nobody commented.
        if (live) setRead(isRefusal(error) ? { status: 'ready', comments: [] } : { status: 'offline' });
      }
    });
    return () => {
      live = false;
    };
  }, [callId]);
  if (read.status === 'loading') return null;
  if (read.status === 'offline') return <p>{t.centreSupervision.comments.offline}</p>;
  return (
    <CommentList
      comments={read.comments}
      headingId={headingId}
      formatAt={(ms) => `${formatDayMonth(ms, timeZone)} ${formatClock(ms, timeZone)}`}
    />
  );
}
