import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { UnsupportedBody } from './json-bodies.middleware';

const NOT_DTOS: readonly unknown[] = [String, Object, Array, Number, Boolean];

/**
 * A body sent as anything but JSON (marked by markUnsupportedBodies): 415; a JSON body that should be an object (a
 * DTO) but is an array: a 400 that says so.
 */
@Injectable()
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && value instanceof UnsupportedBody) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON (content-type: application/json), not ${value.contentType ?? 'without a content type'}`);
    }
    const expectsJson = typeof metadata.metatype === 'function' && !NOT_DTOS.includes(metadata.metatype);
    // An array where an object is expected: one clear message, not every field of the object missing.
    if (metadata.type === 'body' && Array.isArray(value) && expectsJson) throw new ApiError(400, 'VALIDATION_FAILED', 'The body must be a JSON object');
    return value;
  }
}
