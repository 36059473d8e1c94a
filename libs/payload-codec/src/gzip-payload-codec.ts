import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The `encoding` of a payload this codec compressed: its data is a gzipped, serialized `Payload`. */
export const GZIP_ENCODING = 'binary/gzip';
/** Payloads smaller than this stay as they are, readable in the Temporal UI and CLI. */
export const DEFAULT_COMPRESS_FROM_BYTES = 32 * 1024;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();
const GZIP_ENCODING_BYTES = textEncoder.encode(GZIP_ENCODING);

/**
 * Compresses large payloads (a directive's plans, a batch of assignment states) on their way to Temporal, whose
 * limit is 2 MB per payload. Small ones pass untouched, and so does anything not compressed here on the way back,
 * so histories recorded before the codec existed replay as they were.
 */
export class GzipPayloadCodec implements PayloadCodec {
  constructor(private readonly compressFromBytes = DEFAULT_COMPRESS_FROM_BYTES) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.encodeOne(payload)));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map(decodeOne));
  }

  private async encodeOne(payload: Payload): Promise<Payload> {
    if ((payload.data?.byteLength ?? 0) < this.compressFromBytes || isCompressed(payload)) return payload;
    const compressed = await gzipAsync(temporal.api.common.v1.Payload.encode(payload).finish());
    return { metadata: { encoding: GZIP_ENCODING_BYTES }, data: new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength) };
  }
}

async function decodeOne(payload: Payload): Promise<Payload> {
  if (!isCompressed(payload) || !payload.data) return payload;
  const original = temporal.api.common.v1.Payload.decode(await gunzipAsync(payload.data));
  return { metadata: original.metadata, data: original.data };
}

function isCompressed(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && textDecoder.decode(encoding) === GZIP_ENCODING;
}

/** How many bytes `value` takes once converted and encoded for Temporal, which refuses payloads over 2 MB. */
export async function encodedPayloadBytes(value: unknown, codec: PayloadCodec = new GzipPayloadCodec()): Promise<number> {
  const [payload] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  return payload.data?.byteLength ?? 0;
}
