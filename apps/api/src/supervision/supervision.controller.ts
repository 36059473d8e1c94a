import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { EscalationsQuery, InboxQuery, StatusReportQuery } from './dto/supervision.query';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('escalations')
  @ApiOperation({ summary: 'Reminders, overdue marks, ladder levels, missed stage deadlines, Centre escalations and responses, extensions: newest first' })
  escalations(@CurrentPrincipal() principal: Principal, @Query() query: EscalationsQuery) {
    return this.supervision.escalations(principal, query);
  }

  @Get('reports/status')
  @Roles('supervisor', 'admin', 'viewer')
  @ApiOperation({ summary: 'Per-agency matrix (in progress within deadline, overdue, done on time, done late, withdrawn), and the same counts with each assignment once' })
  status(@Query() query: StatusReportQuery) {
    return this.supervision.statusMatrix(query);
  }

  @Get('inbox')
  @Roles('agency')
  @ApiOperation({ summary: "The calling agency's notifications (reminders, overdue, escalation levels, missed stage deadlines)" })
  inbox(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    return this.supervision.inbox(principal, query);
  }
}
