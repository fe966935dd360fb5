import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from './access/access.service.js';
import { AuthGuard } from './access/auth.guard.js';
import { OrgReferenceBootstrap } from './org-reference.bootstrap.js';
import { OrgUnitReferenceLoader } from './org-units/org-unit-reference.loader.js';
import { OrgUnitService } from './org-units/org-unit.service.js';
import { OrgUnitsController } from './org-units/org-units.controller.js';
import { ApiTokenService } from './tokens/api-token.service.js';
import { UserService } from './users/user.service.js';

@Global()
@Module({
  controllers: [OrgUnitsController],
  providers: [
    AccessService,
    ApiTokenService,
    OrgUnitReferenceLoader,
    OrgReferenceBootstrap,
    OrgUnitService,
    UserService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, ApiTokenService, OrgUnitService, OrgUnitReferenceLoader, UserService],
})
export class OrgModule {}
