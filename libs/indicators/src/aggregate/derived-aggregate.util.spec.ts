import { deriveAggregate } from './derived-aggregate.util.js';

const SIMBA = [
  { id: '1440', name: 'Ale' },
  { id: '1482', name: 'Kungälv' },
  { id: '1415', name: 'Stenungsund' },
  { id: '1419', name: 'Tjörn' },
];

describe('deriveAggregate', () => {
  it('sums counts over all members', () => {
    const values = [
      { orgUnitId: '1440', value: 12 },
      { orgUnitId: '1482', value: 30 },
      { orgUnitId: '1415', value: 18 },
      { orgUnitId: '1419', value: 7 },
      { orgUnitId: '1480', value: 400 },
    ];

    expect(deriveAggregate('count', SIMBA, values)).toEqual({
      derivable: true, derived: true, method: 'sum', value: 67, numerator: null, denominator: null, memberCount: 4, expectedCount: 4,
    });
  });

  it('recomputes a share from numerators and denominators, not from the members\' percentages', () => {
    const values = [
      { orgUnitId: '1440', value: 50, numerator: 50, denominator: 100 },
      { orgUnitId: '1482', value: 80, numerator: 320, denominator: 400 },
      { orgUnitId: '1415', value: 60, numerator: 120, denominator: 200 },
      { orgUnitId: '1419', value: 90, numerator: 90, denominator: 100 },
    ];

    // The unweighted mean of 50, 80, 60 and 90 would be 70 %.
    expect(deriveAggregate('percent', SIMBA, values)).toEqual({
      derivable: true, derived: true, method: 'ratio_of_sums', value: 72.5, numerator: 580, denominator: 800, memberCount: 4, expectedCount: 4,
    });
  });

  it('recomputes a rate per 100 000 inhabitants', () => {
    const values = SIMBA.map((member) => ({ orgUnitId: member.id, value: 0, numerator: 708, denominator: 25000 }));

    expect(deriveAggregate('per_100000', SIMBA, values)).toMatchObject({ derivable: true, value: 2832 });
  });

  it('refuses to average percentages without weights', () => {
    const values = SIMBA.map((member, index) => ({ orgUnitId: member.id, value: 50 + index, ...(index < 2 ? { numerator: 5, denominator: 10 } : {}) }));

    expect(deriveAggregate('percent', SIMBA, values)).toEqual({
      derivable: false,
      reason: 'Kan inte beräknas: andelar och kvoter kan inte medelvärdesbildas utan vikter, och täljare och nämnare saknas för Stenungsund, Tjörn.',
      memberCount: 4,
      expectedCount: 4,
    });
  });

  it('refuses when members are missing, naming them', () => {
    expect(deriveAggregate('count', SIMBA, [{ orgUnitId: '1440', value: 12 }, { orgUnitId: '1482', value: 30 }])).toEqual({
      derivable: false,
      reason: 'Kan inte beräknas: värde saknas för 2 av 4 (Stenungsund, Tjörn).',
      memberCount: 2,
      expectedCount: 4,
    });
  });

  it('refuses duplicates and empty member lists', () => {
    const values = [...SIMBA.map((member) => ({ orgUnitId: member.id, value: 1 })), { orgUnitId: '1419', value: 2 }];

    expect(deriveAggregate('count', SIMBA, values)).toMatchObject({ derivable: false, reason: 'Kan inte beräknas: flera värden för Tjörn.' });
    expect(deriveAggregate('count', [], [])).toMatchObject({ derivable: false, reason: 'Kan inte beräknas: enheten har inga medlemmar.' });
  });
});
