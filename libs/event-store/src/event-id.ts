import { createHash } from 'node:crypto';

// A fixed UUID namespace for dondoc event ids (RFC 9562 name-based, SHA-1).
const NAMESPACE = Buffer.from('6f1c2a7e4b3d4e0f9a8b1c2d3e4f5a6b', 'hex');

/**
 * The id of an event from its stream position and its content: a retry of the same append gets the same ids
 * (and is a no-op), while different events at the same position get other ids (and conflict).
 */
export function deterministicEventId(streamId: string, streamVersion: number, type: string, data: unknown): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${streamId}/${streamVersion}/${type}/${JSON.stringify(data)}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
