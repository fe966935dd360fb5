/** The three groups of seed 003's indicator tables. */
export enum IndicatorGroup {
  Background = 'background',
  Shift = 'shift',
  GoverningDocument = 'governing_document',
}

export enum IndicatorKind {
  Quality = 'quality',
  Quantity = 'quantity',
  Cost = 'cost',
}

/** `none` marks a central measure (centralt mått): followed, but with no better or worse. */
export enum IndicatorDirection {
  Higher = 'higher',
  Lower = 'lower',
  None = 'none',
}

export enum IndicatorUnit {
  Percent = 'percent',
  Per100000 = 'per_100000',
  Per1000 = 'per_1000',
  Count = 'count',
  Days = 'days',
  Years = 'years',
  Ratio = 'ratio',
}

export const INDICATOR_GROUPS = Object.values(IndicatorGroup);
export const INDICATOR_KINDS = Object.values(IndicatorKind);
export const INDICATOR_DIRECTIONS = Object.values(IndicatorDirection);
export const INDICATOR_UNITS = Object.values(IndicatorUnit);

export const INDICATOR_GROUP_LABELS_SV: Record<IndicatorGroup, string> = {
  [IndicatorGroup.Background]: 'Bakgrund – grundläggande faktorer',
  [IndicatorGroup.Shift]: 'Förflyttning mot en god och nära vård',
  [IndicatorGroup.GoverningDocument]: 'Följsamhet till länsgemensamma styrdokument',
};

/** Areas: the six shifts of the Färdplan and the governing documents. */
export const INDICATOR_AREA_LABELS_SV: Record<string, string> = {
  from_inpatient_to_outpatient: 'Från slutenvård till öppen vård',
  health_promotion_and_prevention: 'Hälsofrämjande och förebyggande arbete',
  continuity_and_coordination: 'Kontinuitet och samordning',
  trust_and_collaboration: 'Tillit och stark samverkan',
  person_centred_care: 'Personcentrerad vård',
  accessible_care_digitalisation: 'Tillgänglig vård, t.ex. digitalisering',
  sip: 'Samordnad individuell plan (SIP)',
  medicines: 'Läkemedel',
  medical_devices: 'Hjälpmedel',
  physician_participation: 'Läkarmedverkan',
  admission_and_discharge: 'In- och utskrivning',
  mental_health_substance_abuse: 'Psykisk ohälsa och missbruk',
  oral_health: 'Munhälsa',
  deviations: 'Avvikelser i samverkan',
};

export const INDICATOR_KIND_LABELS_SV: Record<IndicatorKind, string> = {
  [IndicatorKind.Quality]: 'Kvalitetsmått',
  [IndicatorKind.Quantity]: 'Kvantitetsmått',
  [IndicatorKind.Cost]: 'Kostnadsmått',
};

export const INDICATOR_DIRECTION_LABELS_SV: Record<IndicatorDirection, string> = {
  [IndicatorDirection.Higher]: 'Högre är bättre',
  [IndicatorDirection.Lower]: 'Lägre är bättre',
  [IndicatorDirection.None]: 'Centralt mått',
};

export const INDICATOR_UNIT_LABELS_SV: Record<IndicatorUnit, string> = {
  [IndicatorUnit.Percent]: 'Procent',
  [IndicatorUnit.Per100000]: 'Per 100 000 invånare',
  [IndicatorUnit.Per1000]: 'Per 1 000 invånare',
  [IndicatorUnit.Count]: 'Antal',
  [IndicatorUnit.Days]: 'Dagar',
  [IndicatorUnit.Years]: 'År',
  [IndicatorUnit.Ratio]: 'Kvot',
};
