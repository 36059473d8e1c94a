/** What pino logs of a request (its standard serializer's output), with the credentials it may carry. */
interface LoggedRequest {
  url?: string;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

const REDACTED = '[redacted]';
const TOKEN_IN_URL = /([?&]access_token=)[^&#]*/g;

/**
 * The request as logged (every line logged while a request runs carries it, errors included), without its bearer
 * token: the Authorization header, and the event stream's `?access_token=` in the URL and the query.
 */
export function withoutCredentials(request: LoggedRequest): LoggedRequest {
  return {
    ...request,
    ...(request.url && { url: request.url.replace(TOKEN_IN_URL, `$1${REDACTED}`) }),
    ...(request.query?.access_token !== undefined && { query: { ...request.query, access_token: REDACTED } }),
    ...(request.headers?.authorization !== undefined && { headers: { ...request.headers, authorization: REDACTED } }),
  };
}
