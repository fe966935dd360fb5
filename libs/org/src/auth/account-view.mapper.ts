import { formatDate, formatDateTime, ROLE_LABELS_SV, Role } from '@arshjulet/core';
import type { ApiToken } from '../tokens/api-token.entity.js';
import { tokenStatus } from '../tokens/dto/api-token.dto.js';
import type { User } from '../users/user.entity.js';


const STATUS_LABELS = { active: 'Giltig', expired: 'Har gått ut', revoked: 'Återkallad' } as const;

export function accountTokenView(token: ApiToken) {
  const status = tokenStatus(token);
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    status,
    statusLabel: STATUS_LABELS[status],
    active: status === 'active',
    expiresAt: token.expiresAt ? formatDate(token.expiresAt) : 'aldrig',
    lastUsedAt: formatDateTime(token.lastUsedAt),
    createdAt: formatDateTime(token.createdAt),
  };
}

export function accountUserView(user: User) {
  return {
    name: user.name,
    email: user.email,
    roles: user.assignments.map((a) => (a.orgUnit ? `${ROLE_LABELS_SV[a.role as Role]}, ${a.orgUnit.name}` : ROLE_LABELS_SV[a.role as Role])),
    lastLoginAt: formatDateTime(user.lastLoginAt),
  };
}
