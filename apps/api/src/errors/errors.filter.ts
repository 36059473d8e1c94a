import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from './api-error';
import type { ErrorBody } from './error-body';
import { domainErrorStatus, isDomainError } from './domain-error-status';
import { isUnavailable } from './unavailable';

const RETRY_AFTER_SECONDS = 5;

/** Maps every error to the one JSON shape; user mistakes never become a 500. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error);
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    response.status(body.statusCode).json(body);
  }
}

/** The answer for an error: its status, stable code and message (a user's mistake is never a 500). */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return { statusCode: error.status, code: error.code, message: error.message, details: error.details };
  if (isDomainError(error)) return { statusCode: domainErrorStatus(error.code, error.details), code: error.code, message: error.message, details: error.details };
  if (error instanceof HttpException && isJsonSyntaxError(error.cause)) return { statusCode: 400, code: 'VALIDATION_FAILED', message: jsonSyntaxMessage(error.cause) };
  if (error instanceof HttpException && isNotUtf8(error.cause)) return { statusCode: 400, code: 'VALIDATION_FAILED', message: NOT_UTF8_MESSAGE };
  if (error instanceof HttpException && isTooLarge(error.cause)) return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: tooLargeMessage(error.cause) };
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof Error && error.name === 'InvalidCursorError') return { statusCode: 400, code: 'INVALID_CURSOR', message: error.message };
  if (isUnavailable(error)) {
    return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Temporal or PostgreSQL is unavailable; retry shortly' };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Unexpected error' };
}

/** The JSON body parser's refusal: its raw text, as received. */
interface JsonSyntaxError extends SyntaxError {
  type: 'entity.parse.failed';
  body?: string;
}

const isJsonSyntaxError = (cause: unknown): cause is JsonSyntaxError => cause instanceof SyntaxError && (cause as Partial<JsonSyntaxError>).type === 'entity.parse.failed';

/** Said in the API's words: the parser's own (`Unexpected token 'n', "null" is not valid JSON`) only as the detail. */
function jsonSyntaxMessage(cause: JsonSyntaxError): string {
  const first = (cause.body ?? '').trimStart()[0];
  // Strict parsing takes only an object or an array; every body this API reads is an object.
  if (first !== undefined && first !== '{' && first !== '[') return 'The body must be a JSON object';
  return `The body is not valid JSON (${cause.message})`;
}

const isNotUtf8 = (cause: unknown): boolean => cause instanceof Error && (cause as { type?: unknown }).type === 'entity.not.utf8';

const NOT_UTF8_MESSAGE = 'The body is not UTF-8: send JSON encoded as UTF-8 (text from a legacy Vietnamese encoding such as Windows-1258 or TCVN3 must be converted first)';

/** The body parser's refusal of a body over DONDOC_BODY_LIMIT: its size and the limit, in bytes. */
interface TooLargeError extends Error {
  type: 'entity.too.large';
  length?: number;
  limit?: number;
}

const isTooLarge = (cause: unknown): cause is TooLargeError => cause instanceof Error && (cause as Partial<TooLargeError>).type === 'entity.too.large';

function tooLargeMessage(cause: TooLargeError): string {
  const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
  const body = cause.length === undefined ? 'The body' : `The body (${bytes(cause.length)})`;
  const limit = cause.limit === undefined ? "this API's limit" : `this API's limit of ${bytes(cause.limit)}`;
  return `${body} is over ${limit} (DONDOC_BODY_LIMIT, which the deployment sets)`;
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  const detail = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const messages = Array.isArray(detail.message) ? (detail.message as string[]) : undefined;
  const code = typeof detail.code === 'string' ? detail.code : HTTP_CODES[status] ?? `HTTP_${status}`;
  const message = messages ? messages.join('; ') : typeof detail.message === 'string' ? detail.message : error.message;
  // Validation messages, or the health check's per-dependency report.
  const details = messages ?? detail.details;
  return { statusCode: status, code, message, ...(details !== undefined ? { details } : {}) };
}

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};
