import { INDICATOR_AREA_LABELS_SV } from '@arshjulet/indicators';

/** The six shifts (förflyttningar) of the Färdplan, keyed as the indicator catalogue's areas. */
export const ACTIVITY_SHIFTS = [
  'from_inpatient_to_outpatient',
  'health_promotion_and_prevention',
  'continuity_and_coordination',
  'trust_and_collaboration',
  'person_centred_care',
  'accessible_care_digitalisation',
] as const;
export type ActivityShift = (typeof ACTIVITY_SHIFTS)[number];

export const ACTIVITY_SHIFT_LABELS_SV: Record<ActivityShift, string> = Object.fromEntries(
  ACTIVITY_SHIFTS.map((shift) => [shift, INDICATOR_AREA_LABELS_SV[shift] ?? shift]),
) as Record<ActivityShift, string>;

/** Status of a Färdplan activity as the delregions report it (seed 002: klart / pågående / inte påbörjad). */
export const ACTIVITY_STATUSES = ['klart', 'pågående', 'inte_påbörjad'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS_SV: Record<ActivityStatus, string> = {
  klart: 'Klart',
  pågående: 'Pågående',
  inte_påbörjad: 'Inte påbörjad',
};

export interface ActivityAnswer {
  name: string;
  shift: ActivityShift;
  status: ActivityStatus;
}

export interface IndicatorBreakdownAnswer {
  rows: { orgUnitCode: string; comment: string }[];
  interpretation: string;
}
