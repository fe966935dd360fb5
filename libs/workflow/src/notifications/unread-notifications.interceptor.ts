import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { getRequestContext } from '@arshjulet/core';
import { NotificationService } from '@arshjulet/notify';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { bellView } from './notification-pages.mapper.js';

/** Every page's header shows the bell with the signed-in user's unread count (one indexed count per page). */
@Injectable()
export class UnreadNotificationsInterceptor implements NestInterceptor {
  constructor(private readonly notifications: NotificationService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const ctx = getRequestContext(request);
    const userId = ctx.actor?.userId;
    // Only pages have a header: the API and the health check (polled by load balancers) skip the count.
    if (request.path.startsWith('/api/') || request.path.startsWith('/health') || request.method !== 'GET' || !userId) return next.handle();
    const locals = context.switchToHttp().getResponse<Response>().locals;
    return from(this.notifications.unreadCount(ctx, userId).catch(() => null)).pipe(
      switchMap((unread) => {
        if (unread !== null) locals.bell = bellView(unread);
        return next.handle();
      }),
    );
  }
}
