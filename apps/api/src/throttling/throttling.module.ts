import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ApiConfig } from '../core/core.module';
import { CONFIG } from '../core/tokens';
import { requestTracker, type TrackedRequest } from './request-tracker';

const MINUTE_MS = 60_000;

/**
 * At most DONDOC_RATE_LIMIT_PER_MINUTE requests per token (or, without one, per address) per minute, over all
 * routes together; beyond it 429 RATE_LIMITED with Retry-After. Counted in this process's memory.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: ApiConfig) => ({
        throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: config.rateLimitPerMinute }],
        // The throttler types requests loosely; under express they carry headers, query and ip.
        getTracker: (request: object) => requestTracker(request as TrackedRequest),
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
        errorMessage: 'Too many requests; retry after the number of seconds in Retry-After',
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class ThrottlingModule {}
