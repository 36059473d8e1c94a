import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency';
import { AssignmentAccessService } from './assignment-access.service';
import { AssignmentCommandsService } from './assignment-commands.service';
import { AssignmentQueriesService } from './assignment-queries.service';
import { AssignmentsController } from './assignments.controller';

@Module({
  imports: [IdempotencyModule],
  controllers: [AssignmentsController],
  providers: [AssignmentAccessService, AssignmentCommandsService, AssignmentQueriesService],
  exports: [AssignmentAccessService],
})
export class AssignmentsModule {}
