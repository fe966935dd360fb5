/** The roles of DOMAIN.md; a delregion coordinator's assignment is scoped to one delregion org unit. */
export enum Role {
  Admin = 'admin',
  CountyCoordinator = 'county_coordinator',
  DelregionCoordinator = 'delregion_coordinator',
  VvgReviewer = 'vvg_reviewer',
  Viewer = 'viewer',
}

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles whose assignment must name an org unit. */
export const SCOPED_ROLES: readonly Role[] = [Role.DelregionCoordinator];

export const ROLE_LABELS_SV: Record<Role, string> = {
  [Role.Admin]: 'Administratör',
  [Role.CountyCoordinator]: 'Länssamordnare',
  [Role.DelregionCoordinator]: 'Delregional samordnare',
  [Role.VvgReviewer]: 'Ledamot i VVG',
  [Role.Viewer]: 'Läsare',
};
