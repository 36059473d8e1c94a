import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** `application/json`, or a JSON media type of its own (`application/vnd.api+json`), with any parameters. */
export const isJson = (request: IncomingMessage): boolean => /^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
export const isPlainText = (request: IncomingMessage): boolean => /^text\/plain\s*(;|$)/i.test(request.headers['content-type'] ?? '');
/** The one endpoint that reads its body as text: a notice. */
export const isNoticeImport = (request: IncomingMessage): boolean => request.url?.split('?')[0] === '/api/directives/import';

const hasBody = (request: IncomingMessage): boolean =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/** What a route reading a body gets for one sent as anything but JSON: JsonBodyPipe answers it 415. */
export class UnsupportedBody {
  constructor(readonly contentType: string | undefined) {}
}

/**
 * Marks a body sent to the API as anything but JSON (curl's default form type, text, XML, or no type at all), which no
 * parser reads: a route that reads its body answers 415 (JsonBodyPipe), after authentication and the rate limit, where
 * unmarked it would reach validation as an empty body and be answered with a list of missing fields. A route that
 * reads no body (`acknowledge`) ignores it, as before. The notice import takes text and answers its own 415.
 */
export function markUnsupportedBodies(request: Request, _response: Response, next: NextFunction): void {
  if (hasBody(request) && request.url.startsWith('/api/') && !isNoticeImport(request) && !isJson(request)) {
    (request as { body?: unknown }).body = new UnsupportedBody(request.headers['content-type']);
  }
  next();
}
