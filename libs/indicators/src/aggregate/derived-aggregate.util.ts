import { UNIT_SCALE, type IndicatorUnit } from '../format/indicator-unit.js';
import type { CatalogId } from '../parse/import-catalog.js';

export interface AggregateMember {
  id: CatalogId;
  name: string;
}

export interface MemberValue {
  orgUnitId: CatalogId;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
}

export type DerivedAggregate =
  | {
      derivable: true;
      /** Always true: computed here, not reported by the source; show it as such. */
      derived: true;
      method: 'sum' | 'ratio_of_sums';
      value: number;
      numerator: number | null;
      denominator: number | null;
      memberCount: number;
      expectedCount: number;
    }
  | {
      derivable: false;
      /** Swedish, for the user. */
      reason: string;
      memberCount: number;
      expectedCount: number;
    };

function names(members: AggregateMember[]): string {
  return members.map((member) => member.name).join(', ');
}

/**
 * A delregion's (or the county's) value derived from its members' values, or why it cannot be:
 * - `count`: the sum of the members' values;
 * - shares and rates (`percent`, `per_1000`, `per_100000`, `ratio`, `days`, `years`): sum of numerators over sum
 *   of denominators, never an average of the members' values, which would weigh Dals-Ed like Göteborg;
 * - only when every member has a value: a sum missing a member is too low and a partial ratio describes another
 *   population, and either would be read as the delregion's figure.
 */
export function deriveAggregate(unit: IndicatorUnit, members: AggregateMember[], values: MemberValue[]): DerivedAggregate {
  const expectedCount = members.length;
  const byMember = new Map<CatalogId, MemberValue>();
  const duplicated: AggregateMember[] = [];
  for (const entry of values) {
    const member = members.find((candidate) => candidate.id === entry.orgUnitId);
    if (!member) {
      continue;
    }
    if (byMember.has(entry.orgUnitId)) {
      duplicated.push(member);
    }
    byMember.set(entry.orgUnitId, entry);
  }
  const memberCount = byMember.size;
  const notDerivable = (reason: string): DerivedAggregate => ({ derivable: false, reason, memberCount, expectedCount });

  if (expectedCount === 0) {
    return notDerivable('Kan inte beräknas: enheten har inga medlemmar.');
  }
  if (duplicated.length > 0) {
    return notDerivable(`Kan inte beräknas: flera värden för ${names(duplicated)}.`);
  }
  const missing = members.filter((member) => !byMember.has(member.id));
  if (missing.length > 0) {
    return notDerivable(
      `Kan inte beräknas: värde saknas för ${missing.length} av ${expectedCount} (${names(missing)}).`,
    );
  }
  const present = members.map((member) => byMember.get(member.id)!);

  if (unit === 'count') {
    return {
      derivable: true, derived: true, method: 'sum', value: present.reduce((sum, entry) => sum + entry.value, 0),
      numerator: null, denominator: null, memberCount, expectedCount,
    };
  }

  const withoutParts = members.filter((member) => {
    const entry = byMember.get(member.id)!;
    return entry.numerator === null || entry.numerator === undefined || !entry.denominator;
  });
  if (withoutParts.length > 0) {
    return notDerivable(
      'Kan inte beräknas: andelar och kvoter kan inte medelvärdesbildas utan vikter, och täljare och nämnare ' +
        `saknas för ${names(withoutParts)}.`,
    );
  }
  const numerator = present.reduce((sum, entry) => sum + entry.numerator!, 0);
  const denominator = present.reduce((sum, entry) => sum + entry.denominator!, 0);
  return {
    derivable: true, derived: true, method: 'ratio_of_sums', value: (numerator / denominator) * UNIT_SCALE[unit]!,
    numerator, denominator, memberCount, expectedCount,
  };
}
