import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { getRequestContext, ROLE_LABELS_SV } from '@arshjulet/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AccessService } from '../access/access.service.js';

/**
 * Pages learn who is signed in (the header's name and logout form) and what they may do (`can`, for the
 * menu and the start page's links) without each controller passing it.
 */
@Injectable()
export class ViewLocalsInterceptor implements NestInterceptor {
  constructor(private readonly access: AccessService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.path.startsWith('/api/')) {
        const ctx = getRequestContext(request);
        const actor = ctx.actor;
        const locals = context.switchToHttp().getResponse<Response>().locals;
        locals.currentUser = actor?.userId
          ? { name: actor.name, email: actor.email, roles: [...new Set(actor.assignments.map((a) => ROLE_LABELS_SV[a.role]))] }
          : null;
        locals.can = actor?.userId ? this.access.permissionMap(ctx) : {};
      }
    }
    return next.handle();
  }
}
