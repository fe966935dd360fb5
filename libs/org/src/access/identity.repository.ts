import { Injectable } from '@nestjs/common';
import { type Actor, type RoleAssignmentRef, Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

/** The person behind a credential, as one query returns it: only active users, with every role and scope. */
export interface IdentityRow {
  user_id: string;
  email: string;
  name: string;
  /** With the scope's name, for the header (who I am, which delregion I act for). */
  assignments: Array<RoleAssignmentRef & { orgUnitName?: string | null }>;
}

export interface TokenIdentityRow extends IdentityRow {
  token_id: string;
  /** `last_used_at` is older than the touch interval (or unset): this request should record the use. */
  touch_due: boolean;
}

export interface SessionRow {
  sess: Record<string, unknown>;
  /** The stored expiry was last moved forward longer ago than the touch interval. */
  touch_due: boolean;
  /** Null when the session has no signed-in user, or the user is deactivated. */
  identity: IdentityRow | null;
}

/** How often a credential's "last used" (token) or expiry (session) is written while it is in use. */
export const TOUCH_INTERVAL_SECONDS = 5 * 60;

/** The user's columns and roles, joined as `u`; roles folded into one JSON array so one row answers. */
const IDENTITY = `json_build_object(
    'user_id', u.id, 'email', u.email, 'name', u.name,
    'assignments', COALESCE((SELECT json_agg(json_build_object('role', ra.role, 'orgUnitId', ra.org_unit_id, 'orgUnitName', ou.name) ORDER BY ra.role, ra.org_unit_id)
                             FROM role_assignment ra LEFT JOIN org_unit ou ON ou.id = ra.org_unit_id WHERE ra.user_id = u.id), '[]'::json))`;

const TOKEN_IDENTITY = `
  SELECT t.id AS token_id,
         (t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => $2)) AS touch_due,
         ${IDENTITY} AS identity
    FROM api_token t
    JOIN app_user u ON u.id = t.user_id AND u.active
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`;

const TOUCH_TOKEN = `
  UPDATE api_token SET last_used_at = now()
   WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`;

/**
 * A live session (not idle past its expiry, not older than the absolute lifetime since login) with its user.
 * `$2`: seconds of idle time minus the touch interval — an expiry earlier than now + that was last moved
 * longer than the touch interval ago. `$3`: the absolute lifetime in seconds (also enforced through `expire`,
 * which is never set past it, so the store's pruning removes such rows).
 */
const SESSION_IDENTITY = `
  SELECT s.sess,
         s.expire < now() + make_interval(secs => $2) AS touch_due,
         CASE WHEN u.id IS NULL THEN NULL ELSE ${IDENTITY} END AS identity
    FROM user_session s
    LEFT JOIN app_user u ON u.id = (s.sess->>'userId')::uuid AND u.active
   WHERE s.sid = $1 AND s.expire > now()
     AND (s.sess->>'loggedInAt' IS NULL OR (s.sess->>'loggedInAt')::timestamptz > now() - make_interval(secs => $3))`;

const SAVE_SESSION = `
  INSERT INTO user_session (sid, sess, expire) VALUES ($1, $2::jsonb, $3)
  ON CONFLICT (sid) DO UPDATE SET sess = excluded.sess, expire = excluded.expire`;

const TOUCH_SESSION = `UPDATE user_session SET expire = $2 WHERE sid = $1`;

/**
 * Identification of a request in one round trip, with every check (revoked, expired, deactivated) made by the
 * database on each request, so a revocation on one instance holds on all of them at the next request.
 */
@Injectable()
export class IdentityRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async findByTokenHash(tokenHash: string): Promise<{ tokenId: string; touchDue: boolean; identity: IdentityRow } | null> {
    const rows: Array<{ token_id: string; touch_due: boolean; identity: IdentityRow }> = await this.connection.dataSource.query(TOKEN_IDENTITY, [
      tokenHash,
      TOUCH_INTERVAL_SECONDS,
    ]);
    const row = rows[0];
    return row ? { tokenId: row.token_id, touchDue: row.touch_due, identity: row.identity } : null;
  }

  /** Records that the token was used, unless another request did so within the touch interval. */
  async touchToken(tokenId: string): Promise<void> {
    await this.connection.dataSource.query(TOUCH_TOKEN, [tokenId, TOUCH_INTERVAL_SECONDS]);
  }

  /** The session `sid` with its user, if it is live; see {@link SESSION_IDENTITY}. */
  async findSession(sid: string, idleSeconds: number, maxAgeSeconds: number): Promise<SessionRow | null> {
    const touchDueBelow = Math.max(0, idleSeconds - Math.min(TOUCH_INTERVAL_SECONDS, idleSeconds / 10));
    const rows: SessionRow[] = await this.connection.dataSource.query(SESSION_IDENTITY, [sid, touchDueBelow, maxAgeSeconds]);
    return rows[0] ?? null;
  }

  async saveSession(sid: string, sess: unknown, expire: Date): Promise<void> {
    await this.connection.dataSource.query(SAVE_SESSION, [sid, JSON.stringify(sess), expire]);
  }

  async touchSession(sid: string, expire: Date): Promise<void> {
    await this.connection.dataSource.query(TOUCH_SESSION, [sid, expire]);
  }
}

export function toActor(identity: IdentityRow, via: Actor['via'], extra: Partial<Actor> = {}, actingDelregionId?: string): Actor {
  const assignments = actingFor(identity.assignments.map(({ role, orgUnitId }) => ({ role, orgUnitId })), actingDelregionId);
  return { userId: identity.user_id, email: identity.email, name: identity.name, assignments, via, ...extra };
}

/**
 * A delregion coordinator of several delregions who chose one to act for (the header's switch, kept in the
 * session) holds only that delregion's scope for the session: the start page, task lists and access follow it.
 * A choice that is no longer among their assignments is ignored.
 */
export function actingFor(assignments: RoleAssignmentRef[], delregionId: string | undefined): RoleAssignmentRef[] {
  const isScoped = (a: RoleAssignmentRef) => a.role === Role.DelregionCoordinator;
  if (!delregionId || !assignments.some((a) => isScoped(a) && a.orgUnitId === delregionId)) return assignments;
  return assignments.filter((a) => !isScoped(a) || a.orgUnitId === delregionId);
}
