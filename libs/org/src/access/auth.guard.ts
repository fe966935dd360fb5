import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getRequestContext, setRequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { ApiTokenService } from '../tokens/api-token.service.js';
import { AccessService } from './access.service.js';
import { PERMISSION_KEY, PUBLIC_KEY } from './authenticated.decorator.js';
import { AccessException } from './access.exception.js';
import { toActor } from './identity.repository.js';
import { Permission } from './permission.js';

/**
 * Runs on every route: identifies the actor (bearer token or session, one query either way), puts them in the
 * request context, and checks the route's declared permission. A route that declares nothing is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokenService,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);

    const ctx = getRequestContext(request);
    const actor = await this.identify(request);
    if (actor) setRequestContext(request, ctx.withActor(actor));

    if (isPublic) return true;
    if (!permission) {
      this.logger.error(`route ${request.method} ${request.route?.path ?? request.path} declares no permission`);
      throw AccessException.forbidden();
    }
    this.access.requirePermission(getRequestContext(request), permission);
    return true;
  }

  private async identify(request: Request) {
    const header = request.headers.authorization;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw AccessException.unauthenticated();
      const actor = await this.tokens.authenticate(token.trim());
      // A presented but bad token is an error, not anonymity: scripts should hear that at once.
      if (!actor) throw AccessException.unauthenticated();
      return actor;
    }
    // The session store loaded the user with the session, in the same query (IdentifyingSessionStore).
    const session = request.session;
    const identity = session?.loaded?.identity;
    if (!session?.userId || identity?.user_id !== session.userId) return null;
    return toActor(identity, 'session', { sessionId: session.id }, session.actingDelregionId);
  }
}
