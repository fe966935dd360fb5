import { FieldError, formatDateTime, Role, ROLE_LABELS_SV, ROLES, SCOPED_ROLES } from '@arshjulet/core';
import type { PasswordLink } from '../auth/password-reset.service.js';
import type { Flash } from '../auth/session.types.js';
import type { OrgUnit } from '../org-units/org-unit.entity.js';
import type { RoleAssignment } from './role-assignment.entity.js';
import type { User } from './user.entity.js';

export const USERS_PATH = '/administration/anvandare';

/** Form fields by the paths the validation pipe and the user service report, to the page's element ids. */
const INVITE_FIELD_IDS: Record<string, string> = { name: 'namn', email: 'epost', role: 'roll', delregion: 'delregion', orgUnit: 'delregion' };
const ROLE_FIELD_IDS: Record<string, string> = { role: 'ny-roll', delregion: 'ny-delregion', orgUnit: 'ny-delregion' };

/** `assignments[0].orgUnit` → `orgUnit`: the invite form has one role, so the index says nothing. */
const fieldOf = (path: string): string => path.replace(/^assignments\[\d+\]\./, '');

export const roleLabel = (assignment: Pick<RoleAssignment, 'role' | 'orgUnit'>): string =>
  assignment.orgUnit ? `${ROLE_LABELS_SV[assignment.role as Role]}, ${assignment.orgUnit.name}` : ROLE_LABELS_SV[assignment.role as Role];

const byLabel = (a: string, b: string) => a.localeCompare(b, 'sv');

function roleOptions(selected?: string) {
  return ROLES.map((role) => ({ value: role, label: ROLE_LABELS_SV[role], selected: role === selected, scoped: SCOPED_ROLES.includes(role) }));
}

function delregionOptions(delregions: OrgUnit[], selected?: string) {
  return delregions.map((unit) => ({ value: unit.code, label: unit.name, selected: unit.code === selected }));
}

/** The error summary (each message a link to its field) and the message beside each field. */
function formErrors(errors: FieldError[], ids: Record<string, string>, fallbackId: string) {
  const fields = errors.map((error) => ({ field: fieldOf(error.path), message: error.message }));
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of fields) {
    const id = ids[field] ?? fallbackId;
    fieldErrors[id] ??= message;
  }
  return { errorLinks: fields.map(({ field, message }) => ({ href: `#${ids[field] ?? fallbackId}`, message })), fieldErrors };
}

export function userListView(users: User[], total: number, page: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    users: users.map((user) => ({
      href: `${USERS_PATH}/${user.id}`,
      name: user.name,
      email: user.email,
      roles: user.assignments.map(roleLabel).sort(byLabel),
      status: user.active ? 'Aktiv' : 'Inaktiverad',
      lastLoginAt: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Aldrig',
    })),
    total,
    pager: pages > 1 ? {
      label: `Sida ${page} av ${pages}`,
      previous: page > 1 ? `${USERS_PATH}?sida=${page - 1}` : null,
      next: page < pages ? `${USERS_PATH}?sida=${page + 1}` : null,
    } : null,
  };
}

export interface InviteFormValues {
  name?: unknown;
  email?: unknown;
  role?: unknown;
  delregion?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The invite form, empty or as it was posted with what was wrong with it. */
export function inviteFormView(delregions: OrgUnit[], values: InviteFormValues = {}, error?: { detail: string; errors: FieldError[] }) {
  const errors = error ? formErrors(error.errors, INVITE_FIELD_IDS, 'namn') : { errorLinks: [], fieldErrors: {} };
  return {
    title: 'Bjud in en användare',
    values: { name: text(values.name), email: text(values.email) },
    roles: roleOptions(text(values.role) || undefined),
    delregions: delregionOptions(delregions, text(values.delregion) || undefined),
    error: error ? (error.errors.length > 0 ? 'Inbjudan kunde inte skickas. Rätta det som är markerat.' : error.detail) : null,
    ...errors,
  };
}

export function invitedView(user: User, invitation: PasswordLink) {
  return {
    title: 'Inbjudan skapad',
    href: `${USERS_PATH}/${user.id}`,
    name: user.name,
    email: user.email,
    roles: user.assignments.map(roleLabel).sort(byLabel),
    link: invitation.link,
    expiresAt: formatDateTime(invitation.expiresAt),
  };
}

export function userPageView(user: User, delregions: OrgUnit[], flash: Flash | undefined) {
  const errors = formErrors(flash?.errors ?? [], ROLE_FIELD_IDS, 'ny-roll');
  return {
    title: user.name,
    user: {
      id: user.id,
      href: `${USERS_PATH}/${user.id}`,
      name: user.name,
      email: user.email,
      active: user.active,
      status: user.active ? 'Aktiv' : 'Inaktiverad – kan inte logga in',
      lastLoginAt: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Aldrig',
      password: user.passwordHash ? 'Valt' : 'Inte valt än (inbjudan väntar)',
      version: user.version,
    },
    assignments: user.assignments
      .map((assignment) => ({ id: assignment.id, label: roleLabel(assignment) }))
      .sort((a, b) => byLabel(a.label, b.label)),
    roles: roleOptions(),
    delregions: delregionOptions(delregions),
    notice: flash?.notice ?? null,
    error: flash?.error ?? null,
    ...errors,
  };
}
