import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from './access/access.service.js';
import { AuthGuard } from './access/auth.guard.js';
import { IdentityRepository } from './access/identity.repository.js';
import { AuditEventsController } from './audit-trail/audit-events.controller.js';
import { AuditTrailPagesController } from './audit-trail/audit-trail-pages.controller.js';
import { AdministrationPagesController } from './pages/administration-pages.controller.js';
import { AuditTrailService } from './audit-trail/audit-trail.service.js';
import { FirstAdminBootstrap } from './auth/first-admin.bootstrap.js';
import { PasswordResetService } from './auth/password-reset.service.js';
import { SessionRegistry } from './auth/session-registry.service.js';
import { OrgReferenceBootstrap } from './org-reference.bootstrap.js';
import { OrgUnitAdminService } from './org-units/org-unit-admin.service.js';
import { OrgUnitHooks } from './org-units/org-unit-hooks.js';
import { OrgUnitMembersService } from './org-units/org-unit-members.service.js';
import { OrgUnitReferenceLoader } from './org-units/org-unit-reference.loader.js';
import { OrgUnitService } from './org-units/org-unit.service.js';
import { OrgUnitsController } from './org-units/org-units.controller.js';
import { ApiTokenService } from './tokens/api-token.service.js';
import { MeTokensController } from './tokens/me-tokens.controller.js';
import { UserAdminService } from './users/user-admin.service.js';
import { UserService } from './users/user.service.js';
import { UsersController } from './users/users.controller.js';

@Global()
@Module({
  controllers: [OrgUnitsController, UsersController, MeTokensController, AuditEventsController, AuditTrailPagesController, AdministrationPagesController],
  providers: [
    AccessService,
    ApiTokenService,
    AuditTrailService,
    FirstAdminBootstrap,
    IdentityRepository,
    OrgUnitAdminService,
    OrgUnitHooks,
    OrgUnitMembersService,
    OrgUnitReferenceLoader,
    OrgReferenceBootstrap,
    OrgUnitService,
    PasswordResetService,
    SessionRegistry,
    UserAdminService,
    UserService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AccessService,
    ApiTokenService,
    FirstAdminBootstrap,
    IdentityRepository,
    OrgUnitAdminService,
    OrgUnitHooks,
    OrgUnitService,
    OrgUnitReferenceLoader,
    PasswordResetService,
    SessionRegistry,
    UserAdminService,
    UserService,
  ],
})
export class OrgModule {}
