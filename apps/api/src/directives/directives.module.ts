import { Module } from '@nestjs/common';
import { DirectiveWithdrawalService } from './directive-withdrawal.service';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';

@Module({ controllers: [DirectivesController], providers: [DirectivesService, DirectiveWithdrawalService] })
export class DirectivesModule {}
