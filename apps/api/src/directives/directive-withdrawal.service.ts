import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DIRECTIVE_WORKFLOW, directiveWorkflowId, withdrawDirectiveUpdate, type DirectiveWithdrawalResult, type WithdrawDirectiveRequest } from '@app/contracts';
import { decideDirective, type ExistingDirective } from '@app/domain';
import type { Sql } from '@app/event-store';
import { DirectiveSummaryRepository } from '@app/read-models';
import { actorOf, type Principal } from '../auth';
import type { ApiConfig } from '../core/core.module';
import { CONFIG, SQL, TEMPORAL_CLIENT } from '../core/tokens';
import { notFound } from '../errors/api-error';
import { IdempotencyService } from '../idempotency';
import { translateWorkflowError } from '../temporal/temporal-errors';

type Stored = { state: ExistingDirective; version: number };

/** Sends the Office's withdrawal of a whole directive to its workflow as an update; it answers once the assignments are withdrawn. */
@Injectable()
export class DirectiveWithdrawalService {
  private readonly summaries: DirectiveSummaryRepository;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(SQL) sql: Sql,
    private readonly idempotency: IdempotencyService,
  ) {
    this.summaries = new DirectiveSummaryRepository(sql);
  }

  withdraw(principal: Principal, directiveId: string, reason: string, idempotencyKey: string | undefined): Promise<DirectiveWithdrawalResult> {
    return this.idempotency.run(principal, idempotencyKey, `directive/${directiveId}/withdraw`, { reason }, async (updateId) => {
      const stored = await this.summaries.findState(directiveId);
      if (!stored) throw notFound('Directive', directiveId);
      const request: WithdrawDirectiveRequest = { reason, actor: actorOf(principal), correlationId: randomUUID(), tokenId: principal.tokenId };
      const refuse = () => decideDirective({ type: 'Withdraw', reason, at: new Date().toISOString(), actor: request.actor }, stored.state);
      // A keyed retry whose first try went through after answering 503: the update that ran answers it (others 409).
      if (stored.state.status === 'withdrawn' && updateId) return this.answeredBefore(directiveId, request, updateId, refuse);
      // Refused as its workflow would refuse it (withdrawn: 409, a blank reason: 400), before a run starts for nothing.
      refuse();
      return this.send(directiveId, stored, request, updateId);
    });
  }

  /** To the running workflow; to a new run from the stored state when the directive's monitoring ended (every assignment done). */
  private async send(directiveId: string, stored: Stored, request: WithdrawDirectiveRequest, updateId: string | undefined): Promise<DirectiveWithdrawalResult> {
    const start = new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
      workflowId: directiveWorkflowId(directiveId),
      taskQueue: this.config.taskQueue,
      args: [{ directiveId, carried: { state: stored.state, version: stored.version, started: true } }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.client.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, () =>
        this.client.workflow.executeUpdateWithStart(withdrawDirectiveUpdate, { args: [request], startWorkflowOperation: start, ...(updateId && { updateId }) }),
      );
    } catch (error) {
      throw translateWorkflowError(error, 'Directive', directiveId);
    }
  }

  private async answeredBefore(directiveId: string, request: WithdrawDirectiveRequest, updateId: string, refuse: () => unknown): Promise<DirectiveWithdrawalResult> {
    try {
      const handle = this.client.workflow.getHandle(directiveWorkflowId(directiveId));
      return await this.client.connection.withDeadline(Date.now() + this.config.updateTimeoutMs, () => handle.executeUpdate(withdrawDirectiveUpdate, { args: [request], updateId }));
    } catch (error) {
      // Ended, and this update id is not one it ran.
      if (error instanceof WorkflowNotFoundError) refuse();
      throw translateWorkflowError(error, 'Directive', directiveId);
    }
  }
}
