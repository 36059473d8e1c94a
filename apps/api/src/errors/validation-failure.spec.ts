import { ValidationError } from 'class-validator';
import { validationFailure } from './validation-failure';

const failed = (property: string, constraints: Record<string, string> | undefined, children: ValidationError[] = []): ValidationError =>
  Object.assign(new ValidationError(), { property, constraints, children });

describe('validationFailure', () => {
  it('names the field as the domain does, with the message as Nest words it', () => {
    const error = validationFailure([failed('comment', { isDefined: 'comment is required' })]);
    expect([error.status, error.code, error.message, error.details]).toEqual([400, 'VALIDATION_FAILED', 'comment is required', { field: 'comment' }]);
  });

  it('gives a nested field its path, and lists every field when several fail', () => {
    const nested = failed('assignments', undefined, [failed('0', undefined, [failed('text', { minLength: 'text must not be empty' })])]);
    const error = validationFailure([nested, failed('title', { isDefined: 'title is required' })]);
    expect(error.message).toBe('assignments.0.text must not be empty; title is required');
    expect(error.details).toEqual({ field: 'assignments.0.text', fields: ['assignments.0.text', 'title'] });
  });
});
