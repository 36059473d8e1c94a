import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { normalizedInput } from './text-input';

/** Every string of a request's body, query and path, before validation: NFC, and storable (see normalizedInput). */
@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'custom' ? value : normalizedInput(value, metadata.data ?? metadata.type);
  }
}
