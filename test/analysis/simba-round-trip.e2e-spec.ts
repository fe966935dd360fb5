import { Role } from '@arshjulet/core';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { launchedTask, save, SIMBA_ANSWERS } from './analysis-fixtures.js';

describe('SIMBA (seed 002) through submit, return with comments, resubmit and accept, without loss', () => {
  let t: TestApp;
  let county: TestUser;
  let simba: TestUser;
  let vvg: TestUser;
  let skaraborg: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    simba = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    vvg = await t.userWith(Role.VvgReviewer);
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
  });
  afterAll(() => t.close());

  const transition = (user: TestUser, taskId: string, action: string, reason?: string) =>
    user.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action, ...(reason ? { reason } : {}) });

  it('an incomplete submit answers 422 listing every missing field by section, and changes nothing', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    await save(simba, taskId, { successes: SIMBA_ANSWERS.successes });
    const refused = await transition(simba, taskId, 'submit');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('analysis.incomplete');
    // 18 required fields, one answered.
    expect(refused.body.errors).toHaveLength(17);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'svpl', section: 'svpl_section', field: 'svpl', message: 'Fältet måste fyllas i.' }));
    const organisation = refused.body.sections.find((s: { section: string }) => s.section === 'delregion_organisation');
    expect(organisation.problems.map((p: { field: string }) => p.field)).toEqual(['organisation', 'agreements', 'governance_economy', 'planning_reporting', 'support_functions', 'implementation', 'deviation_handling']);
    expect((await simba.api.get(`/api/v1/tasks/${taskId}`)).body.status).toBe('in_progress');
    expect((await simba.api.get(`/api/v1/tasks/${taskId}/revisions`)).body).toEqual([]);
  });

  it('round-trips with Swedish characters and line breaks; the diff between the revisions shows exactly what changed', async () => {
    const { taskId, cycleId } = await launchedTask(t, county, 'DR-SIMBA');
    await save(simba, taskId, SIMBA_ANSWERS);
    const submitted = await transition(simba, taskId, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', completeness: 1 });

    // Locked while the county reviews.
    const locked = await simba.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"1"').send({ challenges: 'ändrat' });
    expect(locked.status).toBe(409);

    // The county comments on a field and on a section; the delregion reads and replies; VVG reads only.
    const onField = await county.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'svpl', body: 'Hur många vårdbegäran var kompletta efter workshopen?' });
    expect(onField.status).toBe(201);
    const onSection = await county.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'deviations', body: 'Ange antal avvikelser, inte andel.' });
    expect(onSection.status).toBe(201);
    expect((await county.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'no_such_key', body: 'x' })).status).toBe(422);
    expect((await simba.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'svpl', body: 'Ny tråd' })).status).toBe(403);
    const reply = await simba.api.post(`/api/v1/tasks/${taskId}/comments`).send({ parentId: onField.body.id, body: 'Vi kompletterar med höstens siffror.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ target: 'svpl', parentId: onField.body.id, author: simba.user.name });
    expect((await vvg.api.post(`/api/v1/tasks/${taskId}/comments`).send({ parentId: onField.body.id, body: 'x' })).status).toBe(403);
    expect((await skaraborg.api.get(`/api/v1/tasks/${taskId}/comments`)).status).toBe(404);

    // Return needs the summary comment (the task machine), which joins the thread list.
    expect((await transition(county, taskId, 'return')).status).toBe(422);
    const returned = await transition(county, taskId, 'return', 'Komplettera SVPL och avvikelserna.');
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const comments = (await simba.api.get(`/api/v1/tasks/${taskId}/comments`)).body;
    expect(comments.map((c: { body: string }) => c.body)).toEqual([
      'Hur många vårdbegäran var kompletta efter workshopen?',
      'Ange antal avvikelser, inte andel.',
      'Vi kompletterar med höstens siffror.',
      'Komplettera SVPL och avvikelserna.',
    ]);
    const resolved = await county.api.post(`/api/v1/tasks/${taskId}/comments/${onSection.body.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolvedBy: county.user.name });
    expect((await simba.api.post(`/api/v1/tasks/${taskId}/comments/${onSection.body.id}/resolve`)).status).toBe(403);

    // The delregion completes: one text line changed, a row's count changed, a row added, a theme removed.
    const svpl = `${SIMBA_ANSWERS.svpl}\nEfter workshopen var 30 av 38 vårdbegäran kompletta.`;
    const deviations = [
      { ...SIMBA_ANSWERS.deviations_most_frequent[0], count: 112 },
      { deviation_type: 'Kommunikation och information', count: 51, system_flaw: false },
    ];
    const resaved = await save(simba, taskId, { svpl, deviations_most_frequent: deviations, theme_tags: ['in_och_utskrivning', 'sip'] });
    expect(resaved.version).toBe(2);
    expect((await simba.api.get(`/api/v1/tasks/${taskId}`)).body.status).toBe('in_progress');
    expect((await transition(simba, taskId, 'submit')).status).toBe(200);
    const accepted = await transition(county, taskId, 'accept');
    expect(accepted.body.status).toBe('accepted');

    const revisions = await vvg.api.get(`/api/v1/tasks/${taskId}/revisions`);
    expect(revisions.body.map((r: { number: number; submittedBy: string }) => [r.number, r.submittedBy])).toEqual([[1, simba.user.name], [2, simba.user.name]]);
    const first = await county.api.get(`/api/v1/tasks/${taskId}/revisions/1`);
    expect(first.body.answers).toEqual(SIMBA_ANSWERS);
    const second = await county.api.get(`/api/v1/tasks/${taskId}/revisions/2`);
    expect(second.body.answers).toEqual({ ...SIMBA_ANSWERS, svpl, deviations_most_frequent: deviations, theme_tags: ['in_och_utskrivning', 'sip'] });
    expect(second.body.answers.svpl).toContain('7 av 41 vårdbegäran var kompletta under augusti 2023.\nUnder hösten');
    expect(second.body.answers.deviations_analysis).toContain('69 %');
    expect(second.body.templateVersionId).toBe((await county.api.get(`/api/v1/cycles/${cycleId}`)).body.templateVersion);

    const diff = await county.api.get(`/api/v1/tasks/${taskId}/revisions/1/diff/2`);
    expect(diff.status).toBe(200);
    expect(diff.body.fields.map((f: { field: string; change: string }) => [f.field, f.change])).toEqual([
      ['svpl', 'changed'],
      ['deviations_most_frequent', 'changed'],
      ['theme_tags', 'changed'],
    ]);
    const [svplDiff, deviationDiff, themeDiff] = diff.body.fields;
    expect(svplDiff.changes).toHaveLength(1);
    expect(svplDiff.changes[0].lines.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value).join('')).toContain('Efter workshopen var 30 av 38 vårdbegäran kompletta.');
    expect(svplDiff.changes[0].lines.some((p: { removed: boolean }) => p.removed)).toBe(false);
    expect(deviationDiff.changes).toEqual([
      { path: 'deviations_most_frequent[0].count', change: 'changed', before: 69, after: 112 },
      { path: 'deviations_most_frequent[1]', change: 'added', after: deviations[1] },
    ]);
    expect(themeDiff.changes).toEqual([{ path: 'theme_tags[2]', change: 'removed', before: 'avvikelser' }]);

    // Accepted: the draft stays as it was submitted.
    expect((await simba.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', '"2"').send({ challenges: 'sent' })).status).toBe(409);
    expect((await skaraborg.api.get(`/api/v1/tasks/${taskId}/revisions/1/diff/2`)).status).toBe(404);
  });
});
