import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** The longest free text a request may carry in one field (a note, a summary, a reason, an assignment's text). */
export const TEXT_MAX = 20_000;

/**
 * A text field of a body, refused in the domain's own words ("comment is required", "… must not be empty"), so a
 * field reads the same whether the DTO or the decider refuses it (a return's comment is required by the decider, a
 * rejection's by its DTO).
 */
export function TextField(max: number, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    // Merged into the field's own @ApiProperty: the OpenAPI document states the limits this refuses past.
    ApiProperty({ minLength: 1, maxLength: max, ...(options.optional ? { required: false } : {}) }),
    options.optional ? IsOptional() : IsDefined({ message: '$property is required' }),
    IsString({ message: '$property must be text' }),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(max, { message: `$property is longer than ${max} characters` }),
  );
}
