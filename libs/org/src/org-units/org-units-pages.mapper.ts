import { type DomainException, ErrorKind, type FieldError } from '@arshjulet/core';
import type { OrgUnit } from './org-unit.entity.js';
import { ORG_UNIT_TYPE_LABELS_SV, OrgUnitType } from './org-unit-type.js';

export const ORG_UNITS_PATH = '/administration/organisation';

export const orgUnitHref = (code: string): string => `${ORG_UNITS_PATH}/${encodeURIComponent(code)}`;

/** Paths the validation pipe and the admin service report, to the edit page's element ids. */
const FIELD_IDS: Record<string, string> = { name: 'namn', active: 'aktiv-ja', parentCode: 'delregion', version: 'namn' };

const status = (unit: OrgUnit): string => (unit.active ? 'Aktiv' : 'Inaktiverad');

function row(unit: OrgUnit) {
  return { href: orgUnitHref(unit.code), name: unit.name, code: unit.code, type: ORG_UNIT_TYPE_LABELS_SV[unit.type], status: status(unit), active: unit.active };
}

/** Delregions, each with its municipalities; then every other unit (nation, county, hospitals, local areas). */
export function orgUnitListView(units: OrgUnit[], notice: string | null) {
  const delregions = units.filter((unit) => unit.type === OrgUnitType.Delregion);
  const grouped = new Set(delregions.map((unit) => unit.id));
  const municipalitiesOf = (id: string) => units.filter((unit) => unit.type === OrgUnitType.Municipality && unit.parentId === id);
  return {
    title: 'Organisation',
    notice,
    delregions: delregions.map((delregion) => ({ ...row(delregion), headingId: `delregion-${delregion.code}`, municipalities: municipalitiesOf(delregion.id).map(row) })),
    ungrouped: units.filter((unit) => unit.type === OrgUnitType.Municipality && !(unit.parentId && grouped.has(unit.parentId))).map(row),
    others: units.filter((unit) => unit.type !== OrgUnitType.Delregion && unit.type !== OrgUnitType.Municipality).map(row),
  };
}

export interface OrgUnitFormValues {
  name?: unknown;
  active?: unknown;
  parentCode?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The edit form: as stored, or as posted with each message beside its field; a stale save says so plainly. */
export function orgUnitFormView(
  unit: OrgUnit,
  parent: OrgUnit | null,
  delregions: OrgUnit[],
  flash: { notice?: string | null; values?: OrgUnitFormValues; error?: DomainException } = {},
) {
  const error = flash.error;
  const stale = error?.kind === ErrorKind.Conflict;
  // After a conflict the form shows the unit as it is now (with its new version): what was typed is listed beside it.
  const values = stale ? {} : (flash.values ?? {});
  const fieldErrors: Record<string, string> = {};
  for (const field of error?.errors ?? []) fieldErrors[FIELD_IDS[field.path] ?? 'namn'] ??= field.message;
  const errorLinks = (error?.errors ?? []).map((field: FieldError) => ({ href: `#${FIELD_IDS[field.path] ?? 'namn'}`, message: field.message }));
  const active = text(values.active) === undefined ? unit.active : text(values.active) === 'true';
  const parentCode = text(values.parentCode) ?? parent?.code ?? '';
  const typed = text(flash.values?.name);
  return {
    title: unit.name,
    unit: {
      href: orgUnitHref(unit.code),
      code: unit.code,
      name: text(values.name) ?? unit.name,
      type: ORG_UNIT_TYPE_LABELS_SV[unit.type],
      koladaId: unit.koladaId,
      note: unit.note,
      parentName: parent?.name ?? null,
      version: unit.version,
      active,
      movable: unit.type === OrgUnitType.Municipality,
      customized: unit.customizedAt !== null,
    },
    delregions: delregions
      .filter((delregion) => delregion.active || delregion.code === parentCode)
      .map((delregion) => ({ value: delregion.code, label: delregion.name, selected: delregion.code === parentCode })),
    notice: flash.notice ?? null,
    error: error
      ? stale
        ? 'Någon annan har ändrat enheten medan du redigerade. Formuläret visar nu hur den ser ut; gör din ändring igen och spara.'
        : error.errors.length > 0 ? 'Ändringen kunde inte sparas. Rätta det som är markerat.' : error.detail
      : null,
    staleTyped: stale && typed !== undefined && typed.trim() !== unit.name ? typed : null,
    errorLinks: stale ? [] : errorLinks,
    fieldErrors: stale ? {} : fieldErrors,
  };
}
