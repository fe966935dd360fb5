import { readTogether, Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { launchedTask, save, SIMBA_ANSWERS } from '../analysis/analysis-fixtures.js';
import { watchQueryOverlap } from '../support/query-overlap.js';
import { createTestApp, type SignedInUser, type TestApp } from '../support/test-app.js';

/**
 * One statement at a time per connection: a transaction has one connection, and `Promise.all` over queries on it
 * only queues them there (node-postgres 8 deprecates that, pg 9 refuses it). The main request paths run with every
 * pooled client watched for a second statement while one is in flight; the watch itself is shown to catch one.
 */
describe('One statement at a time on a connection', () => {
  let t: TestApp;
  let county: SignedInUser;
  let simba: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.signedIn(Role.CountyCoordinator);
    simba = await t.signedIn(Role.DelregionCoordinator, 'DR-SIMBA');
  }, 120_000);
  afterAll(() => t.close());

  it('the watch catches Promise.all over queries in a transaction, and readTogether there runs them in turn', async () => {
    const connection = t.app.get(TransactionalConnection);
    const watch = watchQueryOverlap(t);
    try {
      await connection.withTransaction(t.systemContext(), (tx) => Promise.all([1, 2, 3].map((n) => tx.manager!.query('SELECT pg_sleep(0.02), $1::int AS n', [n]))));
      expect(watch.overlaps()).toHaveLength(2);
    } finally {
      watch.stop();
    }

    const clean = watchQueryOverlap(t);
    try {
      const sums = await connection.withTransaction(t.systemContext(), (tx) =>
        readTogether(tx, [() => tx.manager!.query('SELECT pg_sleep(0.02), 1 AS n'), () => tx.manager!.query('SELECT pg_sleep(0.02), 2 AS n')]),
      );
      expect(sums.map((rows) => (rows as Array<{ n: number }>)[0]!.n)).toEqual([1, 2]);
      expect(clean.overlaps()).toEqual([]);
    } finally {
      clean.stop();
    }
  }, 60_000);

  it('launch, the analysis (view, save, pages), the overview pages and report assembly never run two statements at once on one connection', async () => {
    const watch = watchQueryOverlap(t);
    try {
      // The launch (a transaction freezing the compilation and creating the tasks), after an import (another).
      const { cycleId, taskId, year } = await launchedTask(t, county, 'DR-SIMBA', (y) => `indikator;enhet;period;värde\nHF01;Kungälv;${y - 1};2410\nHF01;Västra Götaland;${y - 1};2832\n`);
      const base = `/arshjul/${year}/uppgifter/${taskId}`;
      // The analysis: read, saved twice (the save reads the view back inside its transaction), its pages.
      expect((await simba.api.get(`/api/v1/tasks/${taskId}/answers`)).status).toBe(200);
      await save(simba, taskId, { agreement_followed: true });
      await save(simba, taskId, SIMBA_ANSWERS);
      expect((await simba.browser.get(`${base}/analys`)).status).toBe(200);
      await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);
      // The county's pages: the year, its overview, compilation, tasks, the task, its review, the submitted revision.
      for (const path of [`/arshjul/${year}`, `/arshjul/${year}/sammanstallning`, `/arshjul/${year}/uppgifter`, base, `${base}/granska`, `${base}/analys/versioner/1`, '/']) {
        expect([path, (await county.browser.get(path)).status]).toEqual([path, 200]);
      }
      for (const path of [`/api/v1/cycles/${cycleId}/overview`, `/api/v1/cycles/${cycleId}/compilation`, `/api/v1/cycles/${cycleId}/report/compilation`]) {
        expect([path, (await county.api.get(path)).status]).toEqual([path, 200]);
      }
      // The report: assembled (in a transaction), then read.
      const assembled = await county.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({});
      expect({ status: assembled.status < 300, body: assembled.body }).toEqual({ status: true, body: expect.anything() });
      expect((await county.browser.get(`/arshjul/${year}/rapport`)).status).toBe(200);
      expect(watch.overlaps()).toEqual([]);
    } finally {
      watch.stop();
    }
  }, 180_000);

  it('the launch page of a cycle in planning (with its preview) and a launch from it run one statement at a time', async () => {
    const year = 2090;
    const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: ['HF01', 'IU03'] });
    expect(created.status).toBe(201);
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
    const watch = watchQueryOverlap(t);
    try {
      expect((await county.browser.get(`/arshjul/${year}/starta`)).status).toBe(200);
      expect((await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({})).status).toBe(200);
      expect(watch.overlaps()).toEqual([]);
    } finally {
      watch.stop();
    }
  }, 120_000);
});
