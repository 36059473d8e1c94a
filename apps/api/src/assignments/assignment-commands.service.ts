import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assignmentCommandUpdate, assignmentWorkflowId, type CommandResult, type UserCommandBody } from '@app/contracts';
import { actorOf, type Principal } from '../auth';
import { TEMPORAL_CLIENT } from '../core/tokens';
import { IdempotencyService } from '../idempotency';
import { ApiError } from '../errors/api-error';
import { translateWorkflowError } from '../temporal/temporal-errors';
import { AssignmentAccessService } from './assignment-access.service';

/** Sends a user's command to the assignment's workflow as an update; the answer comes after the events are stored. */
@Injectable()
export class AssignmentCommandsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly access: AssignmentAccessService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async execute(principal: Principal, assignmentId: string, command: UserCommandBody, idempotencyKey: string | undefined): Promise<CommandResult> {
    const actor = actorOf(principal);
    const summary = await this.access.visible(principal, assignmentId, new Date().toISOString());
    const target = this.access.commandTarget(principal, summary);
    return this.idempotency.run(principal, idempotencyKey, `${target}/${command.type}`, command, async (updateId) => {
      try {
        return await this.client.workflow.getHandle(assignmentWorkflowId(target)).executeUpdate(assignmentCommandUpdate, {
          args: [{ command, actor, correlationId: randomUUID() }],
          ...(updateId ? { updateId } : {}),
        });
      } catch (error) {
        // The projection knows it, so a missing workflow has finished: the assignment is closed or withdrawn.
        if (error instanceof WorkflowNotFoundError) throw finished(target, summary.stage);
        throw translateWorkflowError(error, 'Assignment', target);
      }
    });
  }
}

function finished(id: string, stage: string): ApiError {
  return stage === 'withdrawn'
    ? new ApiError(409, 'ASSIGNMENT_WITHDRAWN', `Assignment ${id} was withdrawn; it accepts no more commands`)
    : new ApiError(409, 'ASSIGNMENT_CLOSED', `Assignment ${id} is closed; it accepts no more commands`);
}
