import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

const NOT_DTOS: readonly unknown[] = [String, Object, Array, Number, Boolean];

/** A JSON body that should be an object (a DTO) but is an array: a 400 that says so (other types: requireJsonBodies). */
@Injectable()
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const expectsJson = typeof metadata.metatype === 'function' && !NOT_DTOS.includes(metadata.metatype);
    // An array where an object is expected: one clear message, not every field of the object missing.
    if (metadata.type === 'body' && Array.isArray(value) && expectsJson) throw new ApiError(400, 'VALIDATION_FAILED', 'The body must be a JSON object');
    return value;
  }
}
