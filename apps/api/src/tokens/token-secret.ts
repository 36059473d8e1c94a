import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ddc_';

/** A new bearer token: 32 random bytes, base64url, prefixed so leaked tokens are easy to spot. */
export function generateToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps instead of the token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
