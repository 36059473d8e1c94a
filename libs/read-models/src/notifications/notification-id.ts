import { createHash } from 'node:crypto';

/** The same notification for the same (event, agency) on every projection run, rebuilds included: a UUID from their SHA-1. */
export function notificationIdOf(eventId: string, agency: string): string {
  const hash = createHash('sha1').update(`dondoc-notification/${eventId}/${agency}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
