import { proxyActivities } from '@temporalio/workflow';
import type { DondocActivities } from '@app/contracts';

export const { appendEvents, directiveStatusCounts } = proxyActivities<DondocActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Webhook delivery: retried with exponential backoff for a day, then left in the agency's inbox. */
export const { deliverNotifications } = proxyActivities<DondocActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 200 },
  scheduleToCloseTimeout: '1 day',
});
