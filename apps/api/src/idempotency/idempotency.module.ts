import { Global, Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyService } from './idempotency.service';

/** Global: any feature module may inject IdempotencyService. */
@Global()
@Module({ providers: [IdempotencyService, IdempotencyKeysRepository], exports: [IdempotencyService] })
export class IdempotencyModule {}
