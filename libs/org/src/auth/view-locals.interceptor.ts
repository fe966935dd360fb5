import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { pageLocals } from './page-locals.js';

/**
 * Pages learn who is signed in (the header's name, role, delregion and logout form) and what they may do
 * (`can`, for the menu and the start page's links) without each controller passing it.
 */
@Injectable()
export class ViewLocalsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.path.startsWith('/api/')) Object.assign(context.switchToHttp().getResponse<Response>().locals, pageLocals(request));
    }
    return next.handle();
  }
}
