import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assignmentCommandUpdate, assignmentWorkflowId, type CommandResult, type UserCommandBody } from '@app/contracts';
import type { AssignmentStage } from '@app/domain';
import { withDayOffMarks, type AssignmentSummaryView, type DayOffMarks } from '@app/read-models';
import { actorOf, type Principal } from '../auth';
import type { ApiConfig } from '../core/core.module';
import { CONFIG, TEMPORAL_CLIENT } from '../core/tokens';
import { IdempotencyService } from '../idempotency';
import { translateWorkflowError } from '../temporal/temporal-errors';
import { AssignmentAccessService } from './assignment-access.service';
import { noWorkflowFor } from './no-workflow.error';

/** A step's answer: the assignment as the workflow left it (with its day-off marks) and the events appended. */
export interface StepResult extends CommandResult {
  assignment: CommandResult['assignment'] & DayOffMarks;
}

/** Sends a user's command to the assignment's workflow as an update; the answer comes after the events are stored. */
@Injectable()
export class AssignmentCommandsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: ApiConfig,
    private readonly access: AssignmentAccessService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async execute(principal: Principal, assignmentId: string, command: UserCommandBody, idempotencyKey: string | undefined): Promise<StepResult> {
    actorOf(principal); // a viewer's step is refused before anything is looked up
    const summary = await this.access.visible(principal, assignmentId, new Date().toISOString());
    const actor = this.access.actorFor(principal, summary);
    const target = this.access.commandTarget(principal, summary);
    return this.idempotency.run(principal, idempotencyKey, `${target}/${command.type}`, command, async (updateId) => {
      try {
        // Bounded: with no worker polling, the update would wait for one (a 503 after the timeout; a keyed retry joins it).
        const handle = this.client.workflow.getHandle(assignmentWorkflowId(target));
        const result = await this.client.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, () =>
          handle.executeUpdate(assignmentCommandUpdate, { args: [{ command, actor, correlationId: randomUUID(), tokenId: principal.tokenId }], ...(updateId ? { updateId } : {}) }),
        );
        return { ...result, assignment: withDayOffMarks(result.assignment) };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw noWorkflowFor(target, targetStage(summary, target));
        throw translateWorkflowError(error, 'Assignment', target);
      }
    });
  }
}

/** The stage of what the command goes to: the assignment, or the agency's own track of an "each of" parent. */
function targetStage(summary: AssignmentSummaryView, target: string): AssignmentStage | undefined {
  // A finished parent finished its tracks (rows projected before their roll-up said so keep a track's last stage).
  if (target === summary.id || summary.stage === 'withdrawn' || summary.stage === 'closed') return summary.stage;
  return summary.tracks?.tracks.find((track) => `${summary.id}.${track.agency}` === target)?.stage;
}

