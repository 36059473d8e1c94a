import { Module } from '@nestjs/common';
import { AdminTokenBootstrap } from './admin-token.bootstrap';
import { ApiTokensRepository } from './api-tokens.repository';
import { MeController } from './me.controller';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';

@Module({
  controllers: [TokensController, MeController],
  providers: [ApiTokensRepository, TokensService, AdminTokenBootstrap],
  exports: [ApiTokensRepository],
})
export class TokensModule {}
