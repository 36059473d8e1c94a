import { Transform } from 'class-transformer';

/** `?x=true` / `?x=false` as booleans; anything else is left for @IsBoolean to refuse. */
export const BooleanQuery = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
