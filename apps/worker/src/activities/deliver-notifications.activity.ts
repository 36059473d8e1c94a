import { createHmac } from 'node:crypto';
import { activityInfo, log } from '@temporalio/activity';
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import type { DeliverNotificationsInput } from '@app/contracts';
import type { EventStore } from '@app/event-store';
import type { AgencyWebhookRepository, Notification, NotificationsRepository } from '@app/read-models';

export interface DeliveryDeps {
  notifications: NotificationsRepository;
  webhooks: AgencyWebhookRepository;
  eventStore: EventStore;
  secret: string;
  fetch?: typeof fetch;
}

export const SIGNATURE_HEADER = 'x-dondoc-signature';

/** `sha256=<hex HMAC of the exact body>`, so an agency can check the sender and the body. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Posts each pending notification to its agency's webhook. Agencies without one read their inbox. A failed post
 * throws, so Temporal retries the activity with backoff; delivered ones are skipped on the retry.
 */
export function deliverNotificationsActivity(deps: DeliveryDeps) {
  const post = deps.fetch ?? fetch;
  return async (input: DeliverNotificationsInput): Promise<{ delivered: number; inboxOnly: number }> => {
    let delivered = 0;
    let inboxOnly = 0;
    const failures: string[] = [];
    for (const notification of await deps.notifications.pendingForEvents(input.eventIds)) {
      const webhook = await deps.webhooks.get(notification.agency);
      if (!webhook) {
        inboxOnly += 1;
        continue;
      }
      const error = await postOne(post, webhook.url, webhook.secret ?? deps.secret, notification);
      if (error) {
        await deps.notifications.markFailed(notification.notificationId, error);
        failures.push(`${notification.agency}: ${error}`);
        continue;
      }
      const at = new Date().toISOString();
      // The event first: marked delivered, a notification is not posted again, so a crash in between would leave
      // the delivery out of the event log for good. Appended again on a retry, the event is the same (no-op).
      await recordDelivery(deps.eventStore, notification, webhook.url, at);
      await deps.notifications.markDelivered(notification.notificationId, at);
      delivered += 1;
    }
    if (failures.length > 0) throw deliveryFailed(failures);
    return { delivered, inboxOnly };
  };
}

/**
 * A receiver that is down is expected, not a fault of the worker: one line per attempt says so, and the failure is
 * benign to the SDK, which then logs it at debug instead of a warning with a stack trace at every retry.
 */
function deliveryFailed(failures: readonly string[]): ApplicationFailure {
  const message = `Webhook delivery failed (will retry): ${failures.join('; ')}`;
  log.warn(message, { attempt: activityInfo().attempt });
  return ApplicationFailure.create({ message, category: ApplicationFailureCategory.BENIGN });
}

async function postOne(post: typeof fetch, url: string, secret: string, notification: Notification): Promise<string | undefined> {
  const body = JSON.stringify(notification);
  try {
    const response = await post(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: signBody(secret, body), 'x-dondoc-notification-id': notification.notificationId },
      body,
      signal: AbortSignal.timeout(10_000),
      // A receiver's redirect would make the worker post (signed) to wherever it points, internal addresses included.
      redirect: 'manual',
    });
    if (response.status >= 300 && response.status < 400) return `HTTP ${response.status}: redirects are not followed; set the webhook to the final URL`;
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return whyNotPosted(error);
  }
}

/** fetch's own message ("fetch failed") with its cause's ("connect ECONNREFUSED 127.0.0.1:1"): what the operator needs. */
function whyNotPosted(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
}

function recordDelivery(eventStore: EventStore, notification: Notification, url: string, at: string) {
  return eventStore.append(
    `notification-${notification.notificationId}`,
    0,
    [{ type: 'NotificationDelivered', schemaVersion: 1, data: { notificationId: notification.notificationId, eventId: notification.eventId, agency: notification.agency, assignmentId: notification.assignmentId, url } }],
    { occurredAt: at, actor: { kind: 'system' }, correlationId: notification.eventId, causationId: notification.eventId },
  );
}
