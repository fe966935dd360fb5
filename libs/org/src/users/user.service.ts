import { Injectable } from '@nestjs/common';
import { Actor, RequestContext, Role, SCOPED_ROLES } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { AuthException } from '../auth/auth.exception.js';
import { checkPassword } from '../auth/password-policy.js';
import { OrgUnitType } from '../org-units/org-unit-type.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import { emailAddressProblem, normalizeEmail } from './email-address.util.js';
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

export interface UserFilter {
  q?: string;
  role?: Role;
  orgUnitCode?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

@Injectable()
export class UserService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: NewUser): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const users = this.connection.getRepository(tx, User);
      const email = acceptableEmail(input.email);
      if (input.password) {
        const problems = checkPassword(input.password, undefined, email);
        if (problems.length) throw AuthException.weakPassword(problems);
      }
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

  /** One user with their assignments and the org units they are scoped to. */
  async get(ctx: RequestContext, id: string): Promise<User> {
    if (!UUID.test(id)) throw UserException.notFound();
    const user = await this.withAssignments(ctx).where('user.id = :id', { id }).getOne();
    if (!user) throw UserException.notFound();
    return user;
  }

  async findByEmail(ctx: RequestContext, email: string): Promise<User | null> {
    return this.withAssignments(ctx).where('user.email = :email', { email: normalizeEmail(email) }).getOne();
  }

  /** A page of users, sorted by name, with their assignments. */
  async list(ctx: RequestContext, filter: UserFilter): Promise<{ items: User[]; total: number }> {
    const query = this.withAssignments(ctx);
    if (filter.q) query.andWhere('(user.name ILIKE :q OR user.email ILIKE :q)', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.active !== undefined) query.andWhere('user.active = :active', { active: filter.active });
    if (filter.role || filter.orgUnitCode) {
      const sub = this.connection
        .getRepository(ctx, RoleAssignment)
        .createQueryBuilder('ra')
        .select('1')
        .leftJoin('ra.orgUnit', 'raUnit')
        .where('ra.user_id = user.id');
      if (filter.role) sub.andWhere('ra.role = :role');
      if (filter.orgUnitCode) sub.andWhere('raUnit.code = :orgUnitCode');
      query.andWhere(`EXISTS (${sub.getQuery()})`, { role: filter.role, orgUnitCode: filter.orgUnitCode });
    }
    const [items, total] = await query
      .orderBy('user.name', 'ASC')
      .addOrderBy('user.email', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Users with assignments and their org units; the password hash only to tell whether one is set. */
  private withAssignments(ctx: RequestContext) {
    return this.connection
      .getRepository(ctx, User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.assignments', 'assignment')
      .leftJoinAndSelect('assignment.orgUnit', 'orgUnit');
  }

  /** Validates wanted assignments (scope required for delregion roles, forbidden otherwise) and resolves org unit codes. */
  async resolveAssignments(ctx: RequestContext, wanted: NewAssignment[]): Promise<RoleAssignment[]> {
    const orgUnits = this.connection.getRepository(ctx, OrgUnit);
    const result: RoleAssignment[] = [];
    for (const [index, assignment] of wanted.entries()) {
      const path = `assignments[${index}]`;
      const duplicate = wanted.findIndex((other) => other.role === assignment.role && (other.orgUnitCode ?? null) === (assignment.orgUnitCode ?? null));
      if (duplicate !== index) throw UserException.invalidAssignment(`${path}.role`, 'Samma roll finns redan i listan.');
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

/** The address normalised, or a 422 naming the `email` field when it cannot be a user's address. */
export function acceptableEmail(raw: string): string {
  const email = normalizeEmail(raw);
  const problem = emailAddressProblem(email);
  if (problem) throw UserException.invalidEmail(problem);
  return email;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export function describeAssignment(assignment: Pick<RoleAssignment, 'role' | 'orgUnitId'>): string {
  return assignment.orgUnitId ? `${assignment.role}@${assignment.orgUnitId}` : assignment.role;
}
