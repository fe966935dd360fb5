import { Injectable } from '@nestjs/common';
import { RequestContext, Role } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { AccessException } from './access.exception.js';
import { Permission, ROLE_PERMISSIONS, SCOPED_PERMISSIONS } from './permission.js';

export interface ScopedResource {
  entityType: string;
  entityId?: string | null;
  /** The delregion (or other org unit) the resource belongs to. */
  orgUnitId: string | null;
}

/** Role-level: whether any of the actor's roles grants `permission`. */
export function hasPermission(ctx: RequestContext, permission: Permission): boolean {
  if (!ctx.actor) return false;
  if (permission === Permission.AccountSelf) return ctx.actor.userId !== null || ctx.actor.via === 'system';
  return ctx.actor.assignments.some((assignment) => ROLE_PERMISSIONS[assignment.role].includes(permission));
}

/** Every permission by its enum name, see {@link AccessService.permissionMap}; also for error pages, which no guard reached. */
export function permissionMap(ctx: RequestContext): Record<keyof typeof Permission, boolean> {
  return Object.fromEntries(
    Object.entries(Permission).map(([name, permission]) => [name, hasPermission(ctx, permission)]),
  ) as Record<keyof typeof Permission, boolean>;
}

/** The rules for who may do what, on which delregion, in one place (Immich's requireAccess). */
@Injectable()
export class AccessService {
  constructor(private readonly audit: AuditService) {}

  hasPermission(ctx: RequestContext, permission: Permission): boolean {
    return hasPermission(ctx, permission);
  }

  /**
   * Every permission by its enum name (`IndicatorValueImport: true`), for pages that show only the links and
   * buttons the actor may use. The guard still checks each route.
   */
  permissionMap(ctx: RequestContext): Record<keyof typeof Permission, boolean> {
    return permissionMap(ctx);
  }

  /** Role-level check, done by the guard for every route. */
  requirePermission(ctx: RequestContext, permission: Permission): void {
    if (!ctx.actor) throw AccessException.unauthenticated();
    if (!this.hasPermission(ctx, permission)) throw AccessException.forbidden();
  }

  /** Whether the actor may use `permission` on something belonging to `orgUnitId`. */
  canAccess(ctx: RequestContext, permission: Permission, orgUnitId: string | null): boolean {
    if (!ctx.actor) return false;
    return ctx.actor.assignments.some((assignment) => {
      if (!ROLE_PERMISSIONS[assignment.role].includes(permission)) return false;
      if (assignment.role !== Role.DelregionCoordinator || !SCOPED_PERMISSIONS.includes(permission)) return true;
      return orgUnitId !== null && assignment.orgUnitId === orgUnitId;
    });
  }

  /**
   * Resource-level check. Outside the actor's scope it answers 404, as if the resource did not exist,
   * and records the attempt in the audit trail.
   */
  async requireAccess(ctx: RequestContext, permission: Permission, resource: ScopedResource): Promise<void> {
    this.requirePermission(ctx, permission);
    if (this.canAccess(ctx, permission, resource.orgUnitId)) return;
    await this.audit.record(RequestContext.create({ requestId: ctx.requestId, actor: ctx.actor }), {
      action: 'access.denied',
      entityType: resource.entityType,
      entityId: resource.entityId ?? null,
      orgUnitId: resource.orgUnitId,
      after: { permission },
    });
    throw AccessException.notFound();
  }

  /** Org units whose scoped resources the actor may see; null means all of them. */
  visibleOrgUnits(ctx: RequestContext, permission: Permission): string[] | null {
    if (!ctx.actor) return [];
    const unscoped = ctx.actor.assignments.some(
      (assignment) =>
        ROLE_PERMISSIONS[assignment.role].includes(permission) &&
        (assignment.role !== Role.DelregionCoordinator || !SCOPED_PERMISSIONS.includes(permission)),
    );
    if (unscoped) return null;
    return ctx.scopesFor(Role.DelregionCoordinator);
  }
}
