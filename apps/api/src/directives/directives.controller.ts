import { Body, Controller, DefaultValuePipe, Get, HttpCode, Param, ParseBoolPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { CreateDirectiveDto } from './dto/create-directive.dto';
import { DirectivesService } from './directives.service';

@ApiTags('directives')
@ApiBearerAuth()
@Controller('api/directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @Post()
  @Roles('supervisor', 'admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a directive with its assignments (structured JSON); its workflows start' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDirectiveDto) {
    return this.directives.create(principal, dto);
  }

  @Post('import')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Import a conclusion notice's text: section 3 becomes a directive with assignments" })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string' } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Answer what would be created; store nothing' })
  import(@CurrentPrincipal() principal: Principal, @Body() text: unknown, @Query('dryRun', new DefaultValuePipe(false), ParseBoolPipe) dryRun: boolean) {
    return this.directives.import(principal, text, dryRun);
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
