import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DondocActivities } from '@app/contracts';
import {
  createDirectiveUpdate,
  directiveStateQuery,
  directiveStreamId,
  type CreateDirectiveRequest,
  type DirectiveWorkflowInput,
  type DirectiveWorkflowState,
} from '@app/contracts';

const { appendEvents } = proxyActivities<DondocActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The monitor's view of one directive: records its creation, then keeps watch. */
export async function directiveWorkflow(input: DirectiveWorkflowInput): Promise<void> {
  const state: DirectiveWorkflowState = { directiveId: input.directiveId, created: false, version: 0 };
  let creating: Promise<void> | undefined;

  const create = async (request: CreateDirectiveRequest): Promise<void> => {
    const appended = await appendEvents({
      streamId: directiveStreamId(input.directiveId),
      expectedVersion: 0,
      events: [{ type: 'DirectiveCreated', schemaVersion: 1, data: { ...request.directive, directiveId: input.directiveId } }],
      occurredAt: request.at,
      actor: request.actor,
      correlationId: request.correlationId,
      causationId: null,
    });
    state.version = appended.version;
    state.created = true;
  };

  setHandler(directiveStateQuery, () => state);
  setHandler(createDirectiveUpdate, async (request) => {
    creating ??= create(request);
    await creating;
    return state;
  });

  await condition(() => state.created);
  await condition(() => false);
}
