import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/**
 * A query parameter given twice (`?agency=A&agency=B`) arrives as a list: refused as such, not as text of the wrong
 * length. No query parameter of this API takes several values.
 */
@Injectable()
export class SingleQueryValuePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query') return value;
    const repeated = metadata.data !== undefined ? (Array.isArray(value) ? metadata.data : undefined) : repeatedIn(value);
    if (repeated !== undefined) throw new ApiError(400, 'VALIDATION_FAILED', `The query parameter ${repeated} is given more than once: give it once`, { field: repeated });
    return value;
  }
}

function repeatedIn(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  return Object.entries(query).find(([, v]) => Array.isArray(v))?.[0];
}
