import { type Actor, getRequestContext, RequestContext, Role, ROLE_LABELS_SV } from '@arshjulet/core';
import type { Request } from 'express';
import { permissionMap } from '../access/access.service.js';
import { type IdentityRow, toActor } from '../access/identity.repository.js';
import './session.types.js';

export interface DelregionChoice {
  id: string;
  name: string;
  selected: boolean;
}

/** The header's "who am I": name, roles in Swedish, the delregion acted for, and the others to switch to. */
export interface CurrentUserView {
  name: string;
  email: string;
  /** Role names in Swedish, e.g. "Delregional samordnare". */
  roles: string;
  /** The delregion acted for; null for county-wide roles, or a coordinator of several who has not chosen. */
  actingFor: string | null;
  /** Set only for a coordinator of two or more delregions: the choices of the header's switch. */
  delregions: DelregionChoice[] | null;
}

export interface PageLocals {
  currentUser: CurrentUserView | null;
  can: Record<string, boolean>;
}

/**
 * What every page's layout needs about the signed-in person. Error pages ask too: a refused or unknown route
 * never reached the guard, so the actor is read from the session the store loaded with its user.
 */
export function pageLocals(request: Request): PageLocals {
  const ctx = getRequestContext(request);
  const identity = request.session?.loaded?.identity;
  const sessionIdentity = identity && request.session?.userId === identity.user_id ? identity : null;
  const actor: Actor | null =
    ctx.actor ?? (sessionIdentity ? toActor(sessionIdentity, 'session', {}, request.session?.actingDelregionId) : null);
  if (!actor?.userId) return { currentUser: null, can: {} };

  const all: Readonly<IdentityRow['assignments']> = sessionIdentity?.assignments ?? actor.assignments;
  const names = new Map<string | null, string | null>(all.map((a) => [a.orgUnitId, a.orgUnitName ?? null]));
  const mine = all.filter((a) => a.role === Role.DelregionCoordinator && a.orgUnitId);
  const acting = actor.assignments.filter((a) => a.role === Role.DelregionCoordinator && a.orgUnitId);
  const actingId = acting.length === 1 ? acting[0]!.orgUnitId : null;
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  return {
    currentUser: {
      name: actor.name,
      email: actor.email,
      roles: [...new Set(actor.assignments.map((a) => ROLE_LABELS_SV[a.role]))].join(', '),
      actingFor: nameOf(actingId),
      delregions:
        mine.length > 1
          ? mine
              .map((a) => ({ id: a.orgUnitId!, name: nameOf(a.orgUnitId) ?? a.orgUnitId!, selected: a.orgUnitId === actingId }))
              .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
          : null,
    },
    can: permissionMap(ctx.actor ? ctx : RequestContext.create({ actor })),
  };
}
