import type { EscalationLevel } from '@app/domain';
import type { Sql } from '@app/event-store';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { agencyCodes, isoOf, isoOrNull, isUuid, pageSize } from '../shared/sql';
import type { NotificationKind } from './notification-message';


export interface Notification {
  readonly notificationId: string;
  readonly eventId: string;
  readonly agency: string;
  readonly assignmentId: string;
  readonly directiveId: string;
  readonly kind: NotificationKind;
  readonly level: EscalationLevel | null;
  /** Vietnamese, NFC. */
  readonly message: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  /** Webhook deliveries tried, the successful one included. */
  readonly deliveryAttempts: number;
  readonly lastError: string | null;
}

export interface InboxPage {
  items: Notification[];
  nextCursor?: string;
}

interface NotificationRow {
  notification_id: string;
  event_id: string;
  agency: string;
  assignment_id: string;
  directive_id: string;
  kind: NotificationKind;
  level: EscalationLevel | null;
  message: string;
  created_at: Date;
  delivered_at: Date | null;
  delivery_attempts: number | null;
  last_error: string | null;
}

const toNotification = (row: NotificationRow): Notification => ({
  notificationId: row.notification_id,
  eventId: row.event_id,
  agency: row.agency,
  assignmentId: row.assignment_id,
  directiveId: row.directive_id,
  kind: row.kind,
  level: row.level,
  message: row.message,
  createdAt: isoOf(row.created_at),
  deliveredAt: isoOrNull(row.delivered_at),
  deliveryAttempts: row.delivery_attempts ?? 0,
  lastError: row.last_error,
});

/** The inbox rows (a projection) joined with their delivery state (not a projection: a rebuild keeps it). */
export class NotificationsRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Newest first; `after` is the nextCursor of the previous page. With `agencyGroups` (the joint groups the agency is a
   * member of), what is sent to them too.
   */
  async inbox(agency: string, options: { limit?: number; after?: string; agencyGroups?: readonly string[] } = {}): Promise<InboxPage> {
    const sql = this.sql;
    const limit = pageSize(options.limit);
    // The cursor's second part is a notification id, cast to uuid in the query.
    const after = options.after === undefined ? undefined : decodeCursor(options.after, 'inbox', isUuid);
    const rows = await sql<NotificationRow[]>`
      select n.notification_id, n.event_id, n.agency, n.assignment_id, n.directive_id, n.kind, n.level, n.message, n.created_at,
        d.delivered_at, d.delivery_attempts, d.last_error
      from notifications n left join notification_deliveries d using (notification_id)
      where n.agency = any(${agencyCodes(agency, options.agencyGroups)}::text[])
        ${after === undefined ? sql`` : sql`and (n.created_at, n.notification_id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`}
      order by n.created_at desc, n.notification_id desc
      limit ${limit + 1}`;
    const items = rows.slice(0, limit).map(toNotification);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, ...(last && { nextCursor: encodeCursor('inbox', [last.createdAt, last.notificationId]) }) };
  }

  /** The not yet delivered notifications the given events produced (for the webhook sender after an append). */
  async pendingForEvents(eventIds: readonly string[]): Promise<Notification[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.sql<NotificationRow[]>`
      select n.notification_id, n.event_id, n.agency, n.assignment_id, n.directive_id, n.kind, n.level, n.message, n.created_at,
        d.delivered_at, d.delivery_attempts, d.last_error
      from notifications n left join notification_deliveries d using (notification_id)
      where n.event_id = any(${[...eventIds]}::uuid[]) and d.delivered_at is null
      order by n.global_position, n.agency`;
    return rows.map(toNotification);
  }

  /** Of these events, those with a notification for an agency that has a webhook: the ones there is anything to post for. */
  async eventsWithWebhooks(eventIds: readonly string[]): Promise<string[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.sql<{ event_id: string }[]>`
      select distinct n.event_id from notifications n join agency_webhooks w on w.agency = n.agency
      where n.event_id = any(${[...eventIds]}::uuid[])`;
    return rows.map((row) => row.event_id);
  }

  /** Counts the attempt; the first delivery instant sticks. False when there is no such notification. */
  async markDelivered(notificationId: string, at: string): Promise<boolean> {
    const result = await this.sql`
      insert into notification_deliveries (notification_id, delivered_at, delivery_attempts, last_error, updated_at)
      select notification_id, ${at}::timestamptz, 1, null, now() from notifications where notification_id = ${notificationId}
      on conflict (notification_id) do update set
        delivered_at = coalesce(notification_deliveries.delivered_at, excluded.delivered_at),
        delivery_attempts = notification_deliveries.delivery_attempts + 1, updated_at = now()`;
    return result.count > 0;
  }

  /** Counts the attempt and keeps the error. False when there is no such notification. */
  async markFailed(notificationId: string, error: string): Promise<boolean> {
    const result = await this.sql`
      insert into notification_deliveries (notification_id, delivered_at, delivery_attempts, last_error, updated_at)
      select notification_id, null, 1, ${error}, now() from notifications where notification_id = ${notificationId}
      on conflict (notification_id) do update set
        delivery_attempts = notification_deliveries.delivery_attempts + 1, last_error = excluded.last_error, updated_at = now()`;
    return result.count > 0;
  }
}
