import { Injectable } from '@nestjs/common';
import { Actor, RequestContext, Role, SCOPED_ROLES } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { OrgUnitType } from '../org-units/org-unit-type.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { passwordHasher } from './password.hasher.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { User } from './user.entity.js';
import { UserException } from './user.exception.js';

export interface NewAssignment {
  role: Role;
  /** Org unit code, e.g. `DR-SKB`; required for delregion coordinators, forbidden otherwise. */
  orgUnitCode?: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  password?: string | null;
  assignments: NewAssignment[];
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

@Injectable()
export class UserService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const users = this.connection.getRepository(tx, User);
      const email = normalizeEmail(input.email);
      if (await users.existsBy({ email })) throw UserException.emailTaken(email);
      const assignments = await this.resolveAssignments(tx, input.assignments);
      const user = await users.save(
        users.create({
          email,
          name: input.name.trim(),
          passwordHash: input.password ? await passwordHasher.hash(input.password) : null,
          active: true,
          assignments,
        }),
      );
      await this.audit.record(tx, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email, name: user.name, roles: assignments.map((a) => describeAssignment(a)) },
      });
      return user;
    });
  }

  /** The actor an active user acts as, or null when the user is unknown or deactivated. */
  async loadActor(userId: string, via: Actor['via'], extra: Partial<Actor> = {}): Promise<Actor | null> {
    const user = await this.connection.dataSource.getRepository(User).findOne({
      where: { id: userId, active: true },
      relations: { assignments: true },
    });
    if (!user) return null;
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      assignments: user.assignments.map((a) => ({ role: a.role, orgUnitId: a.orgUnitId })),
      via,
      ...extra,
    };
  }

  private async resolveAssignments(ctx: RequestContext, wanted: NewAssignment[]): Promise<RoleAssignment[]> {
    const orgUnits = this.connection.getRepository(ctx, OrgUnit);
    const result: RoleAssignment[] = [];
    for (const [index, assignment] of wanted.entries()) {
      const path = `assignments[${index}]`;
      const scoped = SCOPED_ROLES.includes(assignment.role);
      if (!scoped) {
        if (assignment.orgUnitCode) throw UserException.invalidAssignment(`${path}.orgUnit`, 'Rollen gäller hela länet och tar ingen delregion.');
        result.push(Object.assign(new RoleAssignment(), { role: assignment.role, orgUnitId: null }));
        continue;
      }
      if (!assignment.orgUnitCode) throw UserException.invalidAssignment(`${path}.orgUnit`, 'Ange vilken delregion rollen gäller.');
      const orgUnit = await orgUnits.findOneBy({ code: assignment.orgUnitCode, type: OrgUnitType.Delregion });
      if (!orgUnit) throw UserException.invalidAssignment(`${path}.orgUnit`, `Okänd delregion: ${assignment.orgUnitCode}.`);
      result.push(Object.assign(new RoleAssignment(), { role: assignment.role, orgUnitId: orgUnit.id }));
    }
    return result;
  }
}

function describeAssignment(assignment: RoleAssignment): string {
  return assignment.orgUnitId ? `${assignment.role}@${assignment.orgUnitId}` : assignment.role;
}
