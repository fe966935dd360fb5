import { Role } from '@arshjulet/core';
import { IndicatorValue } from '@arshjulet/indicators';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';

describe('a file of more than 100 000 values', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  it('still rejects a duplicate key far from its first line, naming that line, and imports nothing', async () => {
    const units = ((await coordinator.api.get('/api/v1/org-units?type=municipality').expect(200)).body as Array<{ code: string }>).map((u) => u.code);
    const lines = ['indikator;enhet;period;värde;uppdelning'];
    for (let year = 2000; lines.length <= 100_001; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const unit of units) for (const breakdown of ['a', 'b']) lines.push(`SIP02;${unit};${year}-${String(month).padStart(2, '0')};${month};${breakdown}`);
      }
    }
    lines.push(lines[1]!);

    const preview = await upload(coordinator.api, lines.join('\n'), 'stor.csv').expect(201);

    expect(preview.body).toMatchObject({ rowCount: lines.length - 1, rejectedCount: 1, committable: false });
    expect(preview.body.rejectedRows).toEqual([
      { line: lines.length, errors: [{ field: 'row', message: 'Samma indikator, enhet, period och uppdelning finns redan på rad 2.' }], message: `Rad ${lines.length}: Samma indikator, enhet, period och uppdelning finns redan på rad 2.` },
    ]);
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(422);
    expect(await t.dataSource.getRepository(IndicatorValue).count()).toBe(0);
  }, 60_000);
});
