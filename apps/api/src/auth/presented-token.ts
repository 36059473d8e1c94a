/** The parts of an HTTP request a token can come from. */
export interface CredentialSource {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
}

/**
 * The bearer token a request presents: `Authorization: Bearer …`, or (only where allowed, for browsers'
 * EventSource, which cannot send headers) the `access_token` query parameter. Undefined when there is none.
 */
export function presentedToken(request: CredentialSource, allowQuery: boolean): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    return match ? match[1] : undefined;
  }
  if (!allowQuery || typeof request.query !== 'object' || request.query === null) return undefined;
  const fromQuery = (request.query as Record<string, unknown>).access_token;
  return typeof fromQuery === 'string' && fromQuery.length > 0 ? fromQuery : undefined;
}
