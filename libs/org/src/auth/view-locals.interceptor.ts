import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { getRequestContext, ROLE_LABELS_SV } from '@arshjulet/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

/** Pages learn who is signed in (the header's name and logout form) without each controller passing it. */
@Injectable()
export class ViewLocalsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.path.startsWith('/api/')) {
        const actor = getRequestContext(request).actor;
        context.switchToHttp().getResponse<Response>().locals.currentUser = actor?.userId
          ? { name: actor.name, email: actor.email, roles: [...new Set(actor.assignments.map((a) => ROLE_LABELS_SV[a.role]))] }
          : null;
      }
    }
    return next.handle();
  }
}
