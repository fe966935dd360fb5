import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthException } from './auth.exception.js';
import { CSRF_IN_MULTIPART_KEY, isCsrfPending } from './csrf-multipart.js';

/** A multipart form whose token is still unread may only reach a route that reads and checks it. */
@Injectable()
export class CsrfPendingGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!isCsrfPending(request)) return true;
    if (this.reflector.get<boolean>(CSRF_IN_MULTIPART_KEY, context.getHandler())) return true;
    throw AuthException.csrfInvalid();
  }
}
