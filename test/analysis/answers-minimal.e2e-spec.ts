import { Role } from '@arshjulet/core';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { launchedTask } from './analysis-fixtures.js';

describe('Analysis answers: a save with Prefer: return=minimal (the autosave) answers with the version only', () => {
  let t: TestApp;
  let county: TestUser;
  let simba: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    simba = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
  });
  afterAll(() => t.close());

  it('saves the same draft as a full save, answering with version, who and when but no answers, definition or figures', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA', (y) => `indikator;enhet;period;värde\nHF01;Kungälv;${y - 1};2410\n`);
    const minimal = await simba.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"0"').set('Prefer', 'return=minimal').send({ successes: 'Sparat i bakgrunden.' });
    expect(minimal.status).toBe(200);
    expect(minimal.headers.etag).toBe('"1"');
    expect(minimal.headers['preference-applied']).toBe('return=minimal');
    expect(minimal.headers.vary).toMatch(/Prefer/);
    expect(minimal.body).toEqual({
      taskId, taskStatus: 'in_progress', version: 1, savedBy: simba.user.name, savedAt: expect.any(String), completeness: expect.any(Number),
    });

    // The next save, full this time, builds on it: the draft and the breakdown figures are all there.
    const full = await simba.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"1"').set('Prefer', 'return=representation').send({ challenges: 'För få SIP:ar.' });
    expect(full.status).toBe(200);
    expect(full.headers['preference-applied']).toBeUndefined();
    expect(full.body).toMatchObject({ version: 2, answers: { successes: 'Sparat i bakgrunden.', challenges: 'För få SIP:ar.' } });
    expect(full.body.definition.sections.length).toBeGreaterThan(0);
    expect(full.body.prefill.indicator_hf01.rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === '1482').values[0].value).toBe(2410);

    // A stale minimal save is refused like any other: 409 with what is stored now.
    const stale = await simba.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"1"').set('Prefer', 'return=minimal').send({ successes: 'gammal' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2 });
  });
});
