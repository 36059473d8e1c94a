import type { ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

interface FieldMessage {
  field: string;
  message: string;
}

/** Each failed field with its path ("assignments.0.text") and message, as Nest words them ("assignments.0.text must …"). */
function fieldMessages(errors: readonly ValidationError[], parent = ''): FieldMessage[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: parent ? `${parent}.${message}` : message }));
    return [...own, ...fieldMessages(error.children ?? [], field)];
  });
}

/**
 * The ValidationPipe's refusal in the shape the domain's take: `details.field` names the (first) field, as a decider's
 * `VALIDATION_FAILED` does, so a client reads one shape whichever refused it; `details.fields` lists them all.
 */
export function validationFailure(errors: ValidationError[]): ApiError {
  const failed = fieldMessages(errors);
  const fields = [...new Set(failed.map((f) => f.field))];
  return new ApiError(400, 'VALIDATION_FAILED', failed.map((f) => f.message).join('; '), { field: fields[0], ...(fields.length > 1 && { fields }) });
}
