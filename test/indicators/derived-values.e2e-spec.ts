import { Role } from '@arshjulet/core';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { importFile } from './indicator-fixtures.js';

const SIMBA = [
  { id: '1440', name: 'Ale', numerator: 50, denominator: 100 },
  { id: '1482', name: 'Kungälv', numerator: 320, denominator: 400 },
  { id: '1415', name: 'Stenungsund', numerator: 120, denominator: 200 },
  { id: '1419', name: 'Tjörn', numerator: 90, denominator: 100 },
];

describe('derived delregion and county figures', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const figure = async (indicator: string, orgUnit: string, period: string) => {
    const response = await coordinator.api.get(`/api/v1/indicator-values?indicator=${indicator}&orgUnit=${orgUnit}&period=${period}`).expect(200);
    return response.body.items[0] as { value: number; numerator: number | null; denominator: number | null; derived: boolean; note: string | null } | undefined;
  };

  const shares = (rows: typeof SIMBA, withParts = true) => [
    'indikator;enhet;period;värde;täljare;nämnare',
    ...rows.map((m) => `TD02;${m.id};2024;${String((m.numerator / m.denominator) * 100).replace('.', ',')};${withParts ? m.numerator : ''};${withParts ? m.denominator : ''}`),
  ].join('\n');

  // Each test imports what it reads, under its own indicator or period (TD02 2024, SIP02 2025-03, TD02 2022,
  // TD02 2023), so none sees another's figures, in any order.
  it('derives a delregion share from its municipalities\' numerators and denominators, not from their percentages', async () => {
    const committed = await importFile(coordinator.api, shares(SIMBA), 'TD02.csv');

    expect(committed.derivedCount).toBe(1);
    const simba = await figure('TD02', 'DR-SIMBA', '2024');
    // (50 + 320 + 120 + 90) / (100 + 400 + 200 + 100), as derived-aggregate.util.spec.ts proves of deriveAggregate for the
    // same four; the unweighted mean of 50, 80, 60 and 90 % would be 70 %.
    expect(simba).toMatchObject({ value: 72.5, numerator: 580, denominator: 800, derived: true, note: 'Beräknat från 4 kommuner' });
    // The county lacks 45 of its municipalities: no figure rather than a wrong one.
    expect(await figure('TD02', '14', '2024')).toBeUndefined();
  });

  it('sums a count over every delregion and the county when all 49 municipalities report', async () => {
    const units = await coordinator.api.get('/api/v1/org-units?type=municipality').expect(200);
    const municipalities = units.body as Array<{ code: string; parentCode: string | null }>;
    expect(municipalities).toHaveLength(49);
    const count = (code: string) => Number(code) - 1400;
    const committed = await importFile(coordinator.api, [
      'indikator;enhet;period;värde',
      ...municipalities.map((m) => `SIP02;${m.code};2025-03;${count(m.code)}`),
    ].join('\n'), 'SIP02.csv');

    expect(committed.derivedCount).toBe(7);
    expect(await figure('SIP02', '14', '2025-03')).toMatchObject({ value: municipalities.reduce((sum, m) => sum + count(m.code), 0), derived: true });
    expect(await figure('SIP02', 'DR-SIMBA', '2025-03')).toMatchObject({ value: 40 + 82 + 15 + 19, derived: true, numerator: null });
  });

  it('lets an imported delregion figure win over the derived one, also when the municipalities change later', async () => {
    const in2022 = (file: string) => file.replaceAll(';2024;', ';2022;');
    expect(await importFile(coordinator.api, in2022(shares(SIMBA)), 'TD02 2022.csv')).toMatchObject({ insertCount: 4, derivedCount: 1 });
    expect(await figure('TD02', 'DR-SIMBA', '2022')).toMatchObject({ value: 72.5, derived: true });
    await importFile(coordinator.api, 'indikator;enhet;period;värde\nTD02;SIMBA;2022;70', 'SIMBA.csv');
    expect(await figure('TD02', 'DR-SIMBA', '2022')).toMatchObject({ value: 70, derived: false });

    const changed = SIMBA.map((m) => (m.id === '1440' ? { ...m, numerator: 60 } : m));
    const committed = await importFile(coordinator.api, in2022(shares(changed)), 'TD02 rättad.csv');
    expect(committed).toMatchObject({ updateCount: 1, derivedCount: 0 });
    expect(await figure('TD02', 'DR-SIMBA', '2022')).toMatchObject({ value: 70, derived: false });
  });

  it('removes a derived figure its members no longer support, rather than averaging percentages', async () => {
    await importFile(coordinator.api, shares(SIMBA).replaceAll(';2024;', ';2023;'), 'TD02 2023.csv');
    expect(await figure('TD02', 'DR-SIMBA', '2023')).toMatchObject({ value: 72.5, derived: true });

    const committed = await importFile(coordinator.api, shares(SIMBA, false).replaceAll(';2024;', ';2023;'), 'utan täljare.csv');
    expect(committed).toMatchObject({ updateCount: 4, derivedCount: 1 });
    expect(await figure('TD02', 'DR-SIMBA', '2023')).toBeUndefined();
  });
});
