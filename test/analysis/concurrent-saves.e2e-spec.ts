import { Role } from '@arshjulet/core';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { launchedTask } from './analysis-fixtures.js';

describe('Two coordinators of one delregion saving the same draft at once', () => {
  let t: TestApp;
  let county: TestUser;
  let anna: TestUser;
  let bertil: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    anna = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    bertil = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
  });
  afterAll(() => t.close());

  it('100 rounds of concurrent If-Match saves: each lands or answers 409, and nothing is lost silently', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    // Each round both read the draft, then both save their own field against the version they read.
    const landed: Array<{ field: string; value: string }> = [];
    let conflicts = 0;
    for (let round = 0; round < 100; round++) {
      const read = await anna.api.get(`/api/v1/tasks/${taskId}/answers`);
      const version = read.body.version as number;
      const attempts = [
        { user: anna, field: 'successes', value: `Anna runda ${round} – å ä ö` },
        { user: bertil, field: 'challenges', value: `Bertil runda ${round}\nandra raden` },
      ];
      const responses = await Promise.all(
        attempts.map((a) => a.user.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', `"${version}"`).send({ [a.field]: a.value })),
      );
      responses.forEach((response, i) => {
        expect([200, 409]).toContain(response.status);
        if (response.status === 200) landed.push(attempts[i]!);
        else conflicts++;
      });
      // The loser is told what is there now: the version the winner's save made.
      const loser = responses.find((r) => r.status === 409);
      expect(loser?.body.current.version).toBe(version + 1);
    }
    // Every round exactly one save wins: the version moves by one per landed save, and the other one is told.
    expect(landed).toHaveLength(100);
    expect(conflicts).toBe(100);
    const final = await anna.api.get(`/api/v1/tasks/${taskId}/answers`);
    expect(final.body.version).toBe(landed.length);
    const lastOf = (field: string) => landed.filter((l) => l.field === field).at(-1)?.value;
    expect(final.body.answers).toEqual(
      Object.fromEntries(['successes', 'challenges'].filter((f) => lastOf(f) !== undefined).map((f) => [f, lastOf(f)])),
    );
  }, 120_000);

  it('100 saves fired at once on one version: exactly one lands, 99 answer 409, the draft holds the winner', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? anna : bertil).api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"0"').send({ successes: `Spara ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = responses.find((r) => r.status === 200)!;
    const final = await anna.api.get(`/api/v1/tasks/${taskId}/answers`);
    expect(final.body).toMatchObject({ version: 1, answers: winner.body.answers });
  }, 120_000);
});
