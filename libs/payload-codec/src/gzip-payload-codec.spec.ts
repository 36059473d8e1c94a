import { defaultPayloadConverter } from '@temporalio/common';
import { encodedPayloadBytes, GzipPayloadCodec, GZIP_ENCODING } from './gzip-payload-codec';

const encodingOf = (payload: { metadata?: Record<string, Uint8Array> | null }): string => new TextDecoder().decode(payload.metadata?.encoding ?? new Uint8Array());
const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `KL-${i}`, text: `Ban Tổ chức Tỉnh ủy chủ trì rà soát nhiệm vụ số ${i}` }));

describe('GzipPayloadCodec', () => {
  const codec = new GzipPayloadCodec(1024);

  it('leaves a small payload as it is, readable in the Temporal UI', async () => {
    const payload = defaultPayloadConverter.toPayload({ assignmentId: 'KL-1' });
    const [encoded] = await codec.encode([payload]);
    expect(encoded).toBe(payload);
  });

  it('compresses a large payload and gives back the same value, Vietnamese text intact', async () => {
    const value = { plans: plans(500) };
    const payload = defaultPayloadConverter.toPayload(value);
    const [encoded] = await codec.encode([payload]);
    expect(encodingOf(encoded)).toBe(GZIP_ENCODING);
    expect(encoded.data!.byteLength).toBeLessThan(payload.data!.byteLength / 5);
    const [decoded] = await codec.decode([encoded]);
    expect(encodingOf(decoded)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(value);
  });

  it('decodes payloads it did not compress (histories recorded before the codec) untouched', async () => {
    const payload = defaultPayloadConverter.toPayload({ plans: plans(500) });
    const [decoded] = await codec.decode([payload]);
    expect(decoded).toBe(payload);
  });

  it('measures the bytes a value takes once encoded: a 3 MB directive fits in far less than 2 MB', async () => {
    const value = { plans: plans(40_000) };
    expect(Buffer.byteLength(JSON.stringify(value))).toBeGreaterThan(3_000_000);
    expect(await encodedPayloadBytes(value)).toBeLessThan(1_000_000);
    expect(await encodedPayloadBytes({ small: true })).toBeLessThan(100);
  });
});
