export enum OrgUnitType {
  Nation = 'nation',
  County = 'county',
  Delregion = 'delregion',
  Municipality = 'municipality',
  Hospital = 'hospital',
  LocalArea = 'local_area',
}

export const ORG_UNIT_TYPES: readonly OrgUnitType[] = Object.values(OrgUnitType);

export const ORG_UNIT_TYPE_LABELS_SV: Record<OrgUnitType, string> = {
  [OrgUnitType.Nation]: 'Riket',
  [OrgUnitType.County]: 'Län',
  [OrgUnitType.Delregion]: 'Delregion',
  [OrgUnitType.Municipality]: 'Kommun',
  [OrgUnitType.Hospital]: 'Sjukhus',
  [OrgUnitType.LocalArea]: 'Lokalt område',
};
