import { Role } from '@arshjulet/core';
import { AuditEvent } from '@arshjulet/audit';
import { IndicatorValueHistory } from '@arshjulet/indicators';
import { onOwnApp } from '../support/own-app.js';
import type { TestApp, TestUser } from '../support/test-app.js';
import { importFile, seedFixture, upload } from './indicator-fixtures.js';

const NBSP = '\u00a0';

type StoredValue = { orgUnit: string; period: string; value: number; formatted: string; version: number };

describe('importing the seed 001 hospital table (IU03 per hospital and quarter, 2025)', () => {
  interface Scene { t: TestApp; coordinator: TestUser; valuesOf: (period?: string) => Promise<StoredValue[]> }

  /**
   * Every test runs on its own database with a county coordinator; `published` first imports the seed 001 table as
   * published, so each test starts from the state it asserts against, alone or in any order.
   */
  const scene = (published: boolean, body: (scene: Scene) => Promise<void>) => () => onOwnApp(async (t) => {
    const coordinator = await t.userWith(Role.CountyCoordinator);
    if (published) await importFile(coordinator.api, seedFixture('iu03-hospitals-2025-wide.csv'), 'IU03 2025.csv');
    const valuesOf = async (period?: string) => {
      const response = await coordinator.api.get(`/api/v1/indicator-values?indicator=IU03${period ? `&period=${period}` : ''}&pageSize=1000`).expect(200);
      return response.body.items as StoredValue[];
    };
    await body({ t, coordinator, valuesOf });
  });

  it('previews the wide table as 28 new values, then commits them and reads back the same numbers', scene(false, async ({ t, coordinator, valuesOf }) => {
    const preview = await upload(coordinator.api, seedFixture('iu03-hospitals-2025-wide.csv'), 'IU03 2025.csv');

    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({
      status: 'previewed', format: 'csv', rowCount: 28, insertCount: 28, updateCount: 0, unchangedCount: 0, rejectedCount: 0,
      committable: true, rejectedRows: [],
    });
    expect(preview.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.body.summary).toBe('Filen har 28 värden: 28 nya, 0 ändrade, 0 oförändrade, 0 avvisade. Importen kan genomföras.');
    expect(await valuesOf()).toEqual([]);

    const commit = await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(200);
    expect(commit.body).toMatchObject({ status: 'committed', insertCount: 28, updateCount: 0, unchangedCount: 0 });

    // The long fixture holds the same table: every value reads back exactly as typed there.
    const expected = seedFixture('iu03-hospitals-2025-long.csv').toString('utf8').trim().split('\n').slice(1)
      .map((line) => line.split(';'))
      .map(([, unit, period, value]) => `${unit} ${period} ${Number(value.replace(',', '.'))}`);
    const stored = (await valuesOf()).map((row) => `${row.orgUnit} ${row.period} ${row.value}`);
    expect(stored.sort()).toEqual(expected.sort());

    const q2 = await valuesOf('2025-Q2');
    expect(q2.find((row) => row.orgUnit === 'H-KS')).toMatchObject({ value: 15, formatted: `15${NBSP}%` });
    expect(q2.find((row) => row.orgUnit === '14')).toMatchObject({ value: 9, formatted: `9${NBSP}%` });

    const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'indicator_import.committed', entityId: preview.body.id });
    expect(audit.after).toMatchObject({ insertCount: 28, fileName: 'IU03 2025.csv' });
  }));

  it('names Alingsås lasarett lowest and Kungälvs sjukhus highest in Q2 2025, with the county\'s change in Swedish', scene(true, async ({ coordinator }) => {
    const response = await coordinator.api.get('/api/v1/indicators/IU03/comparison?period=2025-Q2').expect(200);

    expect(response.body.spread).toMatchObject({
      among: 'hospital',
      count: 6,
      lowest: [{ code: 'H-ALS', name: 'Alingsås lasarett', value: 4, formatted: `4${NBSP}%` }],
      highest: [{ code: 'H-KS', name: 'Kungälvs sjukhus', value: 15, formatted: `15${NBSP}%` }],
    });
    expect(response.body.spread.sentence).toContain(`varierar stort: från 4${NBSP}% i Alingsås lasarett till 15${NBSP}% i Kungälvs sjukhus (Q2 2025).`);
    // IU03: lower is better, so the county's rise from 8 to 9 % is a change for the worse.
    expect(response.body.change).toMatchObject({ previousPeriod: '2025-Q1', previous: 8, current: 9, trend: 'increased', assessment: 'worse' });
    expect(response.body.change.sentence).toBe(`Värdet för Västra Götaland ökade från 8${NBSP}% (Q1 2025) till 9${NBSP}% (Q2 2025).`);
    expect(response.body.county).toMatchObject({ code: '14', value: 9 });
    expect(response.body.nation).toBeNull();
    expect(response.body.sentences).toEqual([response.body.change.sentence, response.body.spread.sentence]);
  }));

  it('treats the same file again as all unchanged, and its commit changes nothing', scene(true, async ({ t, coordinator, valuesOf }) => {
    const before = await valuesOf();
    const preview = await upload(coordinator.api, seedFixture('iu03-hospitals-2025-wide.csv'), 'IU03 2025 igen.csv').expect(201);

    expect(preview.body).toMatchObject({ insertCount: 0, updateCount: 0, unchangedCount: 28, rejectedCount: 0 });
    expect(preview.body.sameFileAs).toEqual(expect.any(String));
    expect(preview.body.summary).toContain('Alla värden finns redan');

    const commit = await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(200);
    expect(commit.body).toMatchObject({ insertCount: 0, updateCount: 0, unchangedCount: 28 });
    expect(await valuesOf()).toEqual(before);
    expect(await t.dataSource.getRepository(IndicatorValueHistory).count()).toBe(0);
  }));

  it('updates only the corrected rows of a corrected file and keeps their old values in the history', scene(true, async ({ t, coordinator, valuesOf }) => {
    const corrected = seedFixture('iu03-hospitals-2025-long.csv').toString('utf8')
      .replace('IU03;H-KS;2025-Q2;15', 'IU03;H-KS;2025-Q2;14,5')
      .replace('IU03;14;2025-Q4;7,7', 'IU03;14;2025-Q4;7,9');
    const preview = await upload(coordinator.api, corrected, 'IU03 2025 rättad.csv').expect(201);

    expect(preview.body).toMatchObject({ insertCount: 0, updateCount: 2, unchangedCount: 26 });
    expect(preview.body.changes).toEqual([
      { line: 7, indicator: 'IU03', orgUnit: 'H-KS', period: '2025-Q2', breakdown: '', oldValue: 15, newValue: 14.5 },
      { line: 29, indicator: 'IU03', orgUnit: '14', period: '2025-Q4', breakdown: '', oldValue: 7.7, newValue: 7.9 },
    ]);

    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(200);
    const after = await valuesOf();
    expect(after.find((row) => row.orgUnit === 'H-KS' && row.period === '2025-Q2')).toMatchObject({ value: 14.5, version: 2 });
    expect(after.filter((row) => row.version === 1)).toHaveLength(26);

    const history = await t.dataSource.getRepository(IndicatorValueHistory).find({ order: { value: 'ASC' } });
    expect(history.map((row) => [row.period, row.value, row.replacedByBatchId])).toEqual([
      ['2025-Q4', 7.7, preview.body.id],
      ['2025-Q2', 15, preview.body.id],
    ]);
  }));

  it('lets one of two simultaneous commits of a batch win; the other gets 409', scene(true, async ({ t, coordinator }) => {
    const file = seedFixture('iu03-hospitals-2025-long.csv').toString('utf8').replace('IU03;H-NU;2025-Q1;5,7', 'IU03;H-NU;2025-Q1;5,8');
    const preview = await upload(coordinator.api, file, 'samtidigt.csv').expect(201);

    const answers = await Promise.all([1, 2].map(() => coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`)));

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body).toMatchObject({ code: 'indicator_import.closed', status: 409, batchStatus: 'committed' });
    // Only H-NU differs from the published table: the winner updates it once, the loser writes nothing more.
    expect(answers.find((answer) => answer.status === 200)!.body.updateCount).toBe(1);
    expect(await t.dataSource.getRepository(IndicatorValueHistory).countBy({ replacedByBatchId: preview.body.id })).toBe(1);
    expect(await t.dataSource.getRepository(IndicatorValueHistory).count()).toBe(1);
  }));

  it('lists batches newest first and discards a preview without writing anything', scene(true, async ({ coordinator, valuesOf }) => {
    const file = seedFixture('iu03-hospitals-2025-long.csv').toString('utf8').replace('IU03;H-SU;2025-Q1;12', 'IU03;H-SU;2025-Q1;99');
    const preview = await upload(coordinator.api, file, 'förkastas.csv').expect(201);

    const discarded = await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/discard`).expect(200);
    expect(discarded.body).toMatchObject({ status: 'discarded', committable: false });
    expect((await valuesOf('2025-Q1')).find((row) => row.orgUnit === 'H-SU')).toMatchObject({ value: 12 });
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`).expect(409);

    const list = await coordinator.api.get('/api/v1/indicator-imports?pageSize=2').expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((item: { fileName: string }) => item.fileName)).toEqual(['förkastas.csv', 'IU03 2025.csv']);
  }));
});
