import { Module } from '@nestjs/common';
import { AdminTokenBootstrap } from './admin-token.bootstrap';
import { ApiTokensRepository } from './api-tokens.repository';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';

@Module({
  controllers: [TokensController],
  providers: [ApiTokensRepository, TokensService, AdminTokenBootstrap],
  exports: [ApiTokensRepository],
})
export class TokensModule {}
