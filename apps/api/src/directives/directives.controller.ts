import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateDirectiveDto } from './dto/create-directive.dto';
import { DirectivesService } from './directives.service';

@ApiTags('directives')
@Controller('api/directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateDirectiveDto) {
    return this.directives.create(dto);
  }

  @Get()
  list() {
    return this.directives.list();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.directives.get(id);
  }
}
