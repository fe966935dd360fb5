import { Role } from '@arshjulet/core';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { importFile } from './indicator-fixtures.js';

describe('the indicator values export checks its filter before the first byte', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.userWith(Role.CountyCoordinator);
    await importFile(coordinator.api, ['indikator;enhet;period;värde', 'SIP02;1482;2024;12', 'SIP02;1482;2025-Q2;14'].join('\n'));
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['to', '2025-13-45'],
    ['from', '2025-02-30'],
    ['period', '2025-13'],
    ['to', 'igår'],
  ])('answers 400 naming %s=%s, as the list does, instead of a header row and a dropped connection', async (field, value) => {
    const query = `${field}=${encodeURIComponent(value)}`;
    const exported = await coordinator.api.get(`/api/v1/indicator-values/export?${query}`).expect(400);
    const listed = await coordinator.api.get(`/api/v1/indicator-values?${query}`).expect(400);

    expect(exported.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(exported.body.errors).toEqual([expect.objectContaining({ path: field })]);
    expect(exported.body.errors).toEqual(listed.body.errors);
  });

  it('still exports with a valid day or period as bound', async () => {
    const byDay = await coordinator.api.get('/api/v1/indicator-values/export?indicator=SIP02&to=2024-12-31').expect(200);
    const byPeriod = await coordinator.api.get('/api/v1/indicator-values/export?indicator=SIP02&from=2025-Q1').expect(200);

    expect(byDay.headers['content-type']).toMatch(/^text\/csv/);
    const rows = (text: string) => text.replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((line) => line.split(';')[4]);
    expect(rows(byDay.text)).toEqual(['2024']);
    expect(rows(byPeriod.text)).toEqual(['2025-Q2']);
  });
});
