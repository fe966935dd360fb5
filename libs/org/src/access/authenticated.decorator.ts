import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { Permission } from './permission.js';

export const PERMISSION_KEY = 'arshjulet:permission';
export const PUBLIC_KEY = 'arshjulet:public';

/** Declares the permission a route needs; the guard refuses routes that declare nothing. */
export function Authenticated(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiBearerAuth(), ApiCookieAuth());
}

/** Declares a route open to anyone (health, login, static pages). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
