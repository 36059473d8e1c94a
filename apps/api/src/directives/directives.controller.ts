import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
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
  @HttpCode(200)
  @ApiOperation({ summary: "Import a conclusion notice's text: section 3 becomes a directive with assignments" })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string' } })
  import(@CurrentPrincipal() principal: Principal, @Body() text: unknown, @Query() query: ImportNoticeQuery) {
    return this.directives.import(principal, text, query.dryRun === true);
  }

  @Get()
  @ApiOperation({ summary: 'Directives, newest first' })
  list() {
    return this.directives.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'A directive with its assignments and their roll-up' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.directives.get(principal, id);
  }
}
