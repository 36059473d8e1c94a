import { hashToken } from '../tokens/token-secret';
import { presentedToken, type CredentialSource } from '../auth/presented-token';
import type { KnownTokens } from './known-tokens';

export type TrackedRequest = CredentialSource & { ip?: string };

/**
 * Whose budget a request spends: its bearer token's (by hash, so the key holds no secret) once that token has
 * passed authentication here; otherwise (no token, a made-up one, a real one's first request) its client address.
 * Works before authentication, so unauthenticated floods are limited too.
 */
export function requestTracker(request: TrackedRequest, known: KnownTokens): string {
  const token = presentedToken(request, true);
  const hash = token === undefined ? undefined : hashToken(token);
  return hash !== undefined && known.has(hash) ? `token:${hash}` : `ip:${request.ip ?? 'unknown'}`;
}
