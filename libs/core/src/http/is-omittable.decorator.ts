import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: unlike class-validator's `@IsOptional()`, which skips every
 * check for null too, so a `"name": null` reached services that read "left out" as "unchanged" and failed with 500.
 * For fields that may be cleared with null, keep `@IsOptional()`.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
