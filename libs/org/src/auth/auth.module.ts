import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccountPagesController } from './account-pages.controller.js';
import { ActingDelregionPagesController } from './acting-delregion-pages.controller.js';
import { AuthPagesController } from './auth-pages.controller.js';
import { CsrfMiddleware } from './csrf.middleware.js';
import { CsrfPendingGuard } from './csrf-pending.guard.js';
import { CsrfService } from './csrf.service.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginService } from './login.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { PasswordLinkPagesController } from './password-link-pages.controller.js';
import { PgThrottlerStorage } from './pg-throttler.storage.js';
import { SessionMiddleware } from './session.middleware.js';
import { ViewLocalsInterceptor } from './view-locals.interceptor.js';
import { WebSessionService } from './web-session.service.js';

/**
 * Signing in on the web: sessions in PostgreSQL, CSRF tokens, the rate-limited login form, logout,
 * "Mitt konto" and the one-time password links. Identity itself (users, tokens, access) is OrgModule's.
 */
@Module({
  controllers: [AuthPagesController, AccountPagesController, ActingDelregionPagesController, PasswordLinkPagesController],
  providers: [
    WebSessionService,
    CsrfService,
    LoginService,
    LoginRateLimitGuard,
    PasswordChangeService,
    PgThrottlerStorage,
    { provide: APP_INTERCEPTOR, useClass: ViewLocalsInterceptor },
    { provide: APP_GUARD, useClass: CsrfPendingGuard },
  ],
  exports: [WebSessionService, CsrfService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware, CsrfMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
