import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import type { CallbackRow } from '../../db';
import { formatClock } from '../../flows/dates';
import { newlyDue } from './queue';

export type NotifyPermission = NotificationPermission | 'unsupported';

function currentPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Shows a system notification when a task falls due, once per task and due time, only with the
 * operator's permission. Tasks already overdue when the queue opens are shown in the list, not announced.
 */
export function useDueNotifications(tasks: readonly CallbackRow[] | null, now: number, timeZone: string) {
  const [permission, setPermission] = useState<NotifyPermission>(currentPermission);
  const announced = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!tasks) return;
    if (!announced.current) {
      announced.current = new Set();
      newlyDue(tasks, now, announced.current);
      return;
    }
    const due = newlyDue(tasks, now, announced.current);
    if (permission !== 'granted') return;
    for (const task of due) {
      try {
        new Notification(t.callbacks.notify.title, {
          body: t.callbacks.notify.body(formatClock(task.dueAt, timeZone)),
          tag: `sufler-callback-${task.id}`,
        });
      } catch {
        // Some browsers allow notifications only from a service worker; the list still marks it.
      }
    }
  }, [tasks, now, permission, timeZone]);

  const ask = async () => {
    if (typeof Notification === 'undefined') return;
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission(Notification.permission);
    }
  };

  return { permission, ask };
}
