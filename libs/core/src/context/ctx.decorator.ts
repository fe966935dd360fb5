import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestContext } from './request-context.js';

const CONTEXT_KEY = Symbol.for('arshjulet.requestContext');

type WithContext = Request & { [CONTEXT_KEY]?: RequestContext; id?: unknown };

/** The request's context, created on first use from the request id the logger assigned. */
export function getRequestContext(request: Request): RequestContext {
  const holder = request as WithContext;
  holder[CONTEXT_KEY] ??= RequestContext.create({
    requestId: typeof holder.id === 'string' ? holder.id : undefined,
    ip: request.ip ?? null,
  });
  return holder[CONTEXT_KEY];
}

export function setRequestContext(request: Request, ctx: RequestContext): void {
  (request as WithContext)[CONTEXT_KEY] = ctx;
}

/** Injects the {@link RequestContext} of the current request into a controller method. */
export const Ctx = createParamDecorator((_data: unknown, host: ExecutionContext): RequestContext =>
  getRequestContext(host.switchToHttp().getRequest<Request>()),
);
