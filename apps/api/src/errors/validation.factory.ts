import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, ErrorKind, FieldError } from '@arshjulet/core';

/** Flattens class-validator's nested errors into `path: message` pairs (`assignments[0].role`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Global pipe: unknown fields refused, types converted, every problem reported with its field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new DomainException(ErrorKind.BadRequest, {
        code: 'invalid_request',
        detail: 'Begäran innehåller fel. Se errors för vilka fält.',
        errors: flattenValidationErrors(errors),
      }),
  });
}
