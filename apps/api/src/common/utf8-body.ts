import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The JSON parser's refusal of a body that is not UTF-8: `http-errors`' shape, so Nest maps it to an HttpException. */
export class NotUtf8BodyError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  readonly type = 'entity.not.utf8';
}

/**
 * The JSON parser's `verify`: a body in a legacy Vietnamese encoding (Windows-1258, TCVN3) or with stray bytes would
 * be decoded with replacement characters and stored garbled for good.
 */
export function refuseNonUtf8Body(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (!isUtf8(body)) throw new NotUtf8BodyError('The body is not UTF-8');
}
