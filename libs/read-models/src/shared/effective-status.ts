import type postgres from 'postgres';
import type { Db } from './sql';

/**
 * The domain's statusAt(state, now) in SQL, over a row's (status, paused, due_at): the stored status was computed
 * when the last event applied; it stays true for closed, withdrawn and paused assignments (a paused clock is
 * stopped), while an open one turns overdue once `now` passes the deadline in force, before MarkedOverdue lands.
 */
export const effectiveStatus = (db: Db, now: string): postgres.Fragment => db`
  (case when status in ('doneOnTime', 'doneLate', 'withdrawn') or paused then status
        when due_at < ${now}::timestamptz then 'inProgressOverdue'
        else 'inProgressOnTime' end)`;
