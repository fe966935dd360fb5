import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, getRequestContext } from '@arshjulet/core';
import { AccessService, Permission, Public } from '@arshjulet/org';
import type { Request } from 'express';

/**
 * Published reports are read with ReportReadPublished (every role, viewer included), or by anyone when the
 * installation sets PUBLISHED_REPORTS_PUBLIC. Runs after the app's AuthGuard, which has identified the caller.
 */
@Injectable()
export class PublishedReportsGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.config.PUBLISHED_REPORTS_PUBLIC) return true;
    this.access.requirePermission(getRequestContext(context.switchToHttp().getRequest<Request>()), Permission.ReportReadPublished);
    return true;
  }
}

/** A published report's route: @Public to the app's guard, and ReportReadPublished unless the setting opens it to all. */
export function PublishedReports(): MethodDecorator & ClassDecorator {
  return applyDecorators(Public(), UseGuards(PublishedReportsGuard), ApiBearerAuth(), ApiCookieAuth());
}
