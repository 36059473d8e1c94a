import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { NoParametersQuery } from '../common/no-parameters.query';
import { CreateDirectiveDto } from './dto/create-directive.dto';
import { ImportNoticeQuery } from './dto/import-notice.query';
import { DirectivesService } from './directives.service';

@ApiTags('directives')
@ApiBearerAuth()
@Controller('api/directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @Post()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Create a directive with its assignments (structured JSON); its workflows start. 201 when created, 200 for a repeat' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDirectiveDto, @Res({ passthrough: true }) response: Response) {
    const state = await this.directives.create(principal, dto);
    response.status(state.created ? 201 : 200);
    return state;
  }

  @Post('import')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Import a conclusion notice's text (UTF-8, or UTF-16 with its BOM): section 3 becomes a directive with assignments. 201 when it created the directive, 200 for a dry run or a notice already imported" })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string' } })
  async import(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportNoticeQuery, @Res({ passthrough: true }) response: Response) {
    const imported = await this.directives.import(principal, body, contentType, query.dryRun === true);
    response.status('state' in imported && imported.state.created ? 201 : 200);
    return imported;
  }

  @Get()
  @ApiOperation({ summary: 'Directives, newest first' })
  list(@Query() _query: NoParametersQuery) {
    return this.directives.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'A directive with its assignments and their roll-up' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.directives.get(principal, id);
  }
}
