import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@arshjulet/core';
import type { Request } from 'express';
import { AuthException } from './auth.exception.js';
import { LoginLimit, loginLimits, throttleKey } from './login-throttle.js';
import { PgThrottlerStorage } from './pg-throttler.storage.js';

/**
 * Rate limit of the login form, per account and per IP, counted in PostgreSQL so every instance shares it.
 * It does what @nestjs/throttler's guard does with {@link PgThrottlerStorage}; that package is CommonJS and
 * requires the ESM-only @nestjs/common 12, which Jest on Node 20 cannot load, so the guard is ours.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  private readonly limits: LoginLimit[];

  constructor(
    private readonly storage: PgThrottlerStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = loginLimits(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    for (const limit of this.limits) {
      const record = await this.storage.increment(throttleKey(limit.name, limit.tracker(request)), limit.ttl, limit.limit, limit.ttl);
      if (record.isBlocked) throw AuthException.lockedOut(record.timeToBlockExpire);
    }
    return true;
  }
}
