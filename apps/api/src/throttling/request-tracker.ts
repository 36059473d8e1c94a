import { hashToken } from '../tokens/token-secret';
import { presentedToken, type CredentialSource } from '../auth/presented-token';

export type TrackedRequest = CredentialSource & { ip?: string };

/**
 * Whose budget a request spends: its bearer token's (by hash, so the key holds no secret), or without one its
 * client address. Works before authentication, so unauthenticated floods are limited too.
 */
export function requestTracker(request: TrackedRequest): string {
  const token = presentedToken(request, true);
  return token !== undefined ? `token:${hashToken(token)}` : `ip:${request.ip ?? 'unknown'}`;
}
