import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

const NOT_DTOS: readonly unknown[] = [String, Object, Array, Number, Boolean];

/**
 * A body that should be JSON (a DTO) but arrived as text/plain: the wrong media type (415), not a list of missing
 * fields; one that is a JSON array: a 400 that says so.
 */
@Injectable()
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const expectsJson = typeof metadata.metatype === 'function' && !NOT_DTOS.includes(metadata.metatype);
    if (metadata.type === 'body' && typeof value === 'string' && expectsJson) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON (content-type: application/json)');
    }
    // An array where an object is expected: one clear message, not every field of the object missing.
    if (metadata.type === 'body' && Array.isArray(value) && expectsJson) throw new ApiError(400, 'VALIDATION_FAILED', 'The body must be a JSON object');
    return value;
  }
}
