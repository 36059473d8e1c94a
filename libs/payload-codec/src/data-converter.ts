import type { DataConverter } from '@temporalio/common';
import { GzipPayloadCodec } from './gzip-payload-codec';

/** The data converter of every dondoc client, worker and replayer: JSON payloads, large ones gzipped. */
export const dondocDataConverter: DataConverter = { payloadCodecs: [new GzipPayloadCodec()] };
