import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../errors/api-error';
import { toErrorBody } from '../errors/errors.filter';

/** `application/json`, or a JSON media type of its own (`application/vnd.api+json`), with any parameters. */
export const isJson = (request: IncomingMessage): boolean => /^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
export const isPlainText = (request: IncomingMessage): boolean => /^text\/plain\s*(;|$)/i.test(request.headers['content-type'] ?? '');
/** The one endpoint that reads its body as text: a notice. */
export const isNoticeImport = (request: IncomingMessage): boolean => request.url?.split('?')[0] === '/api/directives/import';

const hasBody = (request: IncomingMessage): boolean =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * A body sent to the API as anything but JSON (curl's default form type, text, XML, or no type at all): 415, before
 * anything reads it. Unparsed, it would reach validation as an empty body and be answered with a list of missing
 * fields that does not say what is wrong. The notice import takes text and answers its own 415.
 */
export function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  if (!hasBody(request) || !request.url.startsWith('/api/') || isNoticeImport(request) || isJson(request)) return next();
  response.status(415).json(toErrorBody(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON (content-type: application/json)')));
}
