import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency';
import { TokensModule } from '../tokens/tokens.module';
import { AssignmentAccessService } from './assignment-access.service';
import { AssignmentCommandsService } from './assignment-commands.service';
import { AssignmentQueriesService } from './assignment-queries.service';
import { AssignmentsController } from './assignments.controller';

@Module({
  imports: [IdempotencyModule, TokensModule],
  controllers: [AssignmentsController],
  providers: [AssignmentAccessService, AssignmentCommandsService, AssignmentQueriesService],
  exports: [AssignmentAccessService],
})
export class AssignmentsModule {}
