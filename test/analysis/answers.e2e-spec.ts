import { Role } from '@arshjulet/core';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { launchedTask, save } from './analysis-fixtures.js';

describe('Analysis answers: a draft per task, saved field by field with If-Match, checked on save', () => {
  let t: TestApp;
  let county: TestUser;
  let simba: TestUser;
  let skaraborg: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    simba = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
  });
  afterAll(() => t.close());

  const patch = (user: TestUser, taskId: string, version: number | null, body: object) => {
    const request = user.api.patch(`/api/v1/tasks/${taskId}/answers`);
    return version === null ? request.send(body) : request.set('If-Match', `"${version}"`).send(body);
  };

  it('GET gives the empty draft (version 0, ETag), the pinned definition and the breakdown prefilled from the frozen snapshot', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA', (y) =>
      `indikator;enhet;period;värde\nHF01;Kungälv;${y - 1};2410\nHF01;H-KS;${y - 1};3000\nHF01;Essunga;${y - 1};999\n`,
    );
    const response = await simba.api.get(`/api/v1/tasks/${taskId}/answers`);
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({ answers: {}, version: 0, taskStatus: 'not_started', completeness: 0 });
    expect(response.body.definition.sections.map((s: { key: string }) => s.key)).toContain('deviations');
    const hf01 = response.body.prefill.indicator_hf01;
    const codes = hf01.rows.map((r: { orgUnitCode: string }) => r.orgUnitCode);
    // SIMBA's four municipalities and Kungälvs sjukhus; Essunga (Skaraborg) is not SIMBA's.
    expect(codes).toEqual(expect.arrayContaining(['1440', '1482', '1415', '1419', 'H-KS']));
    expect(codes).not.toContain('1445');
    expect(hf01.rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === '1482').values).toEqual([{ period: String(year - 1), breakdown: '', value: 2410, derived: false }]);
    expect(hf01.rows.find((r: { orgUnitCode: string }) => r.orgUnitCode === 'H-KS').values[0].value).toBe(3000);
  });

  it('a save needs If-Match (428), lands as version 1, starts the task, keeps HTML as text, and a stale version gets 409 with who saved what', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const missing = await patch(simba, taskId, null, { successes: 'x' });
    expect(missing.status).toBe(428);
    expect(missing.body.detail).toContain('If-Match');

    const html = '<script>alert("å")</script>\n<b>fet</b>';
    const first = await patch(simba, taskId, 0, { successes: html });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, answers: { successes: html }, taskStatus: 'in_progress' });
    expect((await simba.api.get(`/api/v1/tasks/${taskId}`)).body.status).toBe('in_progress');

    const second = await patch(simba, taskId, 1, { challenges: 'För få SIP:ar.' });
    expect(second.body.answers).toEqual({ successes: html, challenges: 'För få SIP:ar.' });

    const stale = await patch(simba, taskId, 1, { successes: 'skriver över' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, answers: { successes: html, challenges: 'För få SIP:ar.' }, savedBy: simba.user.name });
    expect(typeof stale.body.current.savedAt).toBe('string');

    const cleared = await patch(simba, taskId, 2, { challenges: null });
    expect(cleared.body.answers).toEqual({ successes: html });
  });

  it.each([
    ['an unknown key', { no_such_field: 'x' }, 'no_such_field'],
    ['a wrong type', { agreement_followed: 'ja' }, 'agreement_followed'],
    ['an over-long text', { annual_report_link: 'å'.repeat(2001) }, 'annual_report_link'],
    ['a number out of bounds', { deviations_most_frequent: [{ deviation_type: 'Läkemedel', count: -1 }] }, 'deviations_most_frequent[0].count'],
    ['a choice not in the list', { roadmap_activities: [{ name: 'CFS', shift: 'continuity_and_coordination', status: 'halvklart' }] }, 'roadmap_activities[0].status'],
    ['a theme outside the vocabulary', { theme_tags: ['inte_ett_tema'] }, 'theme_tags[0]'],
  ])('%s answers 422 with the path and leaves the draft as it was', async (_what, body, path) => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    await save(simba, taskId, { successes: 'Före' });
    const response = await patch(simba, taskId, 1, body);
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toContainEqual(expect.objectContaining({ path, message: expect.any(String) }));
    const after = await simba.api.get(`/api/v1/tasks/${taskId}/answers`);
    expect(after.body).toMatchObject({ version: 1, answers: { successes: 'Före' } });
  });

  it('another delregion’s task is 404 for reading and saving (audited); the county may read but not save (403)', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    expect((await skaraborg.api.get(`/api/v1/tasks/${taskId}/answers`)).status).toBe(404);
    expect((await patch(skaraborg, taskId, 0, { successes: 'intrång' })).status).toBe(404);
    const denied = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND entity_id = $1`, [taskId]);
    expect(denied[0].n).toBeGreaterThanOrEqual(2);
    expect((await county.api.get(`/api/v1/tasks/${taskId}/answers`)).status).toBe(200);
    expect((await patch(county, taskId, 0, { successes: 'länet' })).status).toBe(403);
    expect((await simba.api.get(`/api/v1/tasks/${taskId}/answers`)).body.version).toBe(0);
  });

  it('after submit the draft cannot change (409) until the county returns it; completeness shows in the task and the overview', async () => {
    const { taskId, cycleId } = await launchedTask(t, county, 'DR-SIMBA');
    await save(simba, taskId, { successes: 'Något', challenges: 'Annat' });
    const task = await simba.api.get(`/api/v1/tasks/${taskId}`);
    // 2 of the default template's 18 required fields.
    expect(task.body.completeness).toBeCloseTo(2 / 18, 5);
    const overview = await county.api.get(`/api/v1/cycles/${cycleId}/overview`);
    const row = overview.body.tasks.find((x: { id: string }) => x.id === taskId);
    expect(row.completeness).toBeCloseTo(2 / 18, 5);
    expect(overview.body.tasks.filter((x: { id: string }) => x.id !== taskId).every((x: { completeness: number }) => x.completeness === 0)).toBe(true);

    await t.dataSource.query(`UPDATE analysis_task SET status = 'submitted' WHERE id = $1`, [taskId]);
    const refused = await patch(simba, taskId, 1, { successes: 'ändrat efteråt' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('inlämnad');
    expect((await simba.api.get(`/api/v1/tasks/${taskId}/answers`)).body.answers.successes).toBe('Något');
  });
});
