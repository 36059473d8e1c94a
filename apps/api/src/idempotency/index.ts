export { IdempotencyService } from './idempotency.service';
export { IdempotencyModule } from './idempotency.module';
export { ApiIdempotencyKey, IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator';
