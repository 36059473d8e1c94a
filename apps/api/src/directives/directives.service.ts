import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { ApiConfig } from '../core/core.module';
import { CONFIG, SQL, TEMPORAL_CLIENT } from '../core/tokens';
import { createDirectiveUpdate, DIRECTIVE_WORKFLOW, directiveWorkflowId, type DirectiveWorkflowState } from '@app/contracts';
import { DirectiveSummaryRepository, type DirectiveSummary } from '@app/read-models';
import type { Sql } from '@app/event-store';
import { notFound } from '../errors/api-error';
import type { CreateDirectiveDto } from './dto/create-directive.dto';

@Injectable()
export class DirectivesService {
  private readonly summaries: DirectiveSummaryRepository;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(SQL) sql: Sql,
  ) {
    this.summaries = new DirectiveSummaryRepository(sql);
  }

  /** Starts the directive's workflow (or finds it) and returns once its creation is stored. */
  async create(dto: CreateDirectiveDto): Promise<DirectiveWorkflowState> {
    const start = new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
      workflowId: directiveWorkflowId(dto.id),
      taskQueue: this.config.taskQueue,
      args: [{ directiveId: dto.id }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return this.client.workflow.executeUpdateWithStart(createDirectiveUpdate, {
      args: [{ directive: { ...dto }, at: new Date().toISOString(), actor: { kind: 'supervisor' }, correlationId: randomUUID() }],
      startWorkflowOperation: start,
    });
  }

  async get(id: string): Promise<DirectiveSummary> {
    const summary = await this.summaries.find(id);
    if (!summary) throw notFound('Directive', id);
    return summary;
  }

  list(): Promise<DirectiveSummary[]> {
    return this.summaries.list();
  }
}
