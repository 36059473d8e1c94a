import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokensModule } from '../tokens/tokens.module';
import { AuthGuard } from './auth.guard';

/** Bearer-token authentication and role checks on every route (see @Public and @Roles). */
@Module({
  imports: [TokensModule],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
