import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The request's Idempotency-Key header (undefined without one), to hand to IdempotencyService.run. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[IDEMPOTENCY_KEY_HEADER];
  return Array.isArray(value) ? value.join(',') : value; // several keys: invalid, refused by the service
});

/** Documents the Idempotency-Key header of a route. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retry-safe writes: 1..200 characters of [A-Za-z0-9._:-]; a retry with the same key and body gets the first answer',
    }),
    ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED)' }),
  );
