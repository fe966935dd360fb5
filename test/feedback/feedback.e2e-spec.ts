import { Role } from '@arshjulet/core';
import { launchedTask, save } from '../analysis/analysis-fixtures.js';
import { acceptedSeed002Cycle } from '../report/report-fixtures.js';
import { createTestApp, type SignedInUser, type TestApp, type TestUser } from '../support/test-app.js';

/** VVG's feedback and the Act step: comments on the report in review, decisions, actions for next year. */
describe('Feedback and Act (API and pages)', () => {
  let t: TestApp;
  let county: SignedInUser;
  let vvg: SignedInUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ CHROMIUM_PATH: '/ingenstans/chromium' });
    county = await t.signedIn(Role.CountyCoordinator);
    vvg = await t.signedIn(Role.VvgReviewer);
    admin = await t.userWith(Role.Admin);
  });
  afterAll(() => t.close());

  const report = (cycleId: string, suffix = '') => `/api/v1/cycles/${cycleId}/report${suffix}`;
  const feedback = (cycleId: string, suffix = '') => `/api/v1/cycles/${cycleId}/feedback${suffix}`;
  const cycleMove = (user: TestUser, cycleId: string, action: string, reason?: string) => user.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action, reason });

  /** A cycle of `year` whose report is in review (all six analyses accepted), the cycle itself in review. */
  async function inReview(year: number): Promise<string> {
    const { cycleId } = await acceptedSeed002Cycle(t, county, year);
    await county.api.post(report(cycleId, '/assemble')).send({}).expect(200);
    await county.api.post(report(cycleId, '/transitions')).send({ action: 'send_to_review' }).expect(200);
    await cycleMove(county, cycleId, 'start_review').expect(200);
    return cycleId;
  }

  /** A launched cycle of `year` moved on to review without its analyses (override), ready for decisions. */
  async function cycleInReview(year: number): Promise<string> {
    const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: ['HF01', 'IU03'] }).expect(201);
    await cycleMove(county, created.body.id, 'start_planning').expect(200);
    await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({}).expect(200);
    await cycleMove(county, created.body.id, 'override_review', 'Testet').expect(200);
    return created.body.id;
  }

  const decision = (cycleId: string, overrides: object = {}) => ({
    cycleId, text: 'Tydligare länsgemensam rutin för utskrivning.', priority: 'high', ownerOrgUnitCode: 'DR-SIMBA', dueDate: '2031-06-30', indicatorCodes: ['IU03'], themeKeys: ['sip'], ...overrides,
  });

  it('a reviewer comments on a section of the version in review, an unknown section is 422, the coordinator answers; grouped by section', async () => {
    const cycleId = await inReview(2030);
    const none = await vvg.api.post(feedback(cycleId)).send({ sectionId: 'finns-inte', body: 'Hej' });
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual([{ path: 'sectionId', message: 'Rapporten har inget avsnitt med det id:t.' }]);
    expect((await vvg.api.post(feedback(cycleId)).send({ sectionId: 'slutsatser', body: '   ' })).status).toBe(400);
    expect((await county.api.post(feedback(cycleId)).send({ sectionId: 'slutsatser', body: 'x' })).status).toBe(403);

    const made = await vvg.api.post(feedback(cycleId)).send({ sectionId: 'slutsatser', body: 'Lyft **SIP** tydligare.<script>x</script>' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ sectionId: 'slutsatser', author: vvg.user.name, parentId: null, reportVersion: expect.any(Number) });
    expect((await vvg.api.post(feedback(cycleId, `/${made.body.id}/answers`)).send({ body: 'nej' })).status).toBe(403);
    const answered = await county.api.post(feedback(cycleId, `/${made.body.id}/answers`)).send({ body: 'Vi lägger till ett stycke.' });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ parentId: made.body.id, sectionId: 'slutsatser' });
    expect((await county.api.post(feedback(cycleId, `/${answered.body.id}/answers`)).send({ body: 'svar på svar' })).status).toBe(422);

    const list = await vvg.api.get(feedback(cycleId));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ open: true, version: { state: 'in_review', stateLabel: 'Under granskning' } });
    const sections = list.body.sections as Array<{ id: string; comments: Array<{ id: string; answers: unknown[] }> }>;
    expect(sections[0]!.id).toBe('lanssammanstallning');
    expect(sections.find((s) => s.id === 'slutsatser')!.comments).toEqual([
      expect.objectContaining({ id: made.body.id, answers: [expect.objectContaining({ body: 'Vi lägger till ett stycke.' })] }),
    ]);

    // The page: the section's thread with the answer, the Markdown sanitised, a comment form per section, a link to the document.
    const page = await vvg.browser.get('/arshjul/2030/rapport/granskning');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>SIP</strong>');
    expect(page.text).not.toContain('<script>x');
    expect(page.text).toContain('Vi lägger till ett stycke.');
    expect(page.text).toMatch(/href="\/arshjul\/2030\/rapport\/versioner\/\d+"/);
    expect(page.text).toContain('name="sectionId" value="fragor"');

    // After feedback was given, the report moves on: revised to a draft, comments are refused with 409.
    await vvg.api.post(report(cycleId, '/transitions')).send({ action: 'give_feedback' }).expect(200);
    expect((await vvg.api.post(feedback(cycleId)).send({ sectionId: 'fragor', body: 'Fortfarande öppet' })).status).toBe(201);
    await county.api.post(report(cycleId, '/transitions')).send({ action: 'revise', reason: 'VVG:s synpunkter' }).expect(200);
    const closed = await vvg.api.post(feedback(cycleId)).send({ sectionId: 'fragor', body: 'För sent' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('feedback.report_not_in_review');
    // Earlier threads stay visible on the draft's sections.
    expect((await county.api.get(feedback(cycleId))).body.sections.find((s: { id: string }) => s.id === 'slutsatser').comments).toHaveLength(1);
  }, 180_000);

  it('comments are refused (409) when no report was sent to review, and a missing cycle is 404', async () => {
    const { cycleId } = await launchedTask(t, county, 'DR-SKB');
    expect((await vvg.api.post(feedback(cycleId)).send({ sectionId: 'slutsatser', body: 'x' })).status).toBe(409);
    expect((await vvg.api.get(feedback('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  }, 60_000);

  it('decisions: every problem beside its field (422), only in review or decision (409), edits need If-Match (428/409 with the current one)', async () => {
    const { cycleId } = await launchedTask(t, county, 'DR-SKB');
    const early = await vvg.api.post('/api/v1/decisions').send(decision(cycleId));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('feedback.decisions_closed');
    await cycleMove(county, cycleId, 'override_review', 'Testet').expect(200);

    const bad = await vvg.api.post('/api/v1/decisions').send({ cycleId, text: ' ', priority: 'brådskande', ownerOrgUnitCode: 'NOPE', dueDate: '2031-02-30', indicatorCodes: ['XX99'], themeKeys: ['okänt'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { path: 'text', message: 'Skriv beslutet.' },
      { path: 'priority', message: 'Välj prioritet: hög, medel eller låg.' },
      { path: 'ownerOrgUnitCode', message: 'Det finns ingen aktiv organisation med den koden.' },
      { path: 'dueDate', message: 'Ange sista dag som ÅÅÅÅ-MM-DD.' },
      { path: 'indicatorCodes', message: 'Okända indikatorer: XX99.' },
      { path: 'themeKeys', message: 'Okända teman: okänt.' },
    ]);
    expect((await vvg.api.post('/api/v1/decisions').send(decision(cycleId, { text: 'x'.repeat(2001) }))).body.errors).toEqual([{ path: 'text', message: 'Beslutet får vara högst 2 000 tecken.' }]);
    expect((await county.api.post('/api/v1/decisions').send(decision(cycleId))).status).toBe(403);

    const made = await vvg.api.post('/api/v1/decisions').send(decision(cycleId));
    expect(made.status).toBe(201);
    expect(made.headers.etag).toBe('"1"');
    expect(made.body).toMatchObject({ priority: 'high', priorityLabel: 'hög', ownerOrgUnitCode: 'DR-SIMBA', dueDate: '2031-06-30', indicatorCodes: ['IU03'], themeKeys: ['sip'], version: 1, action: null });

    const path = `/api/v1/decisions/${made.body.id}`;
    expect((await vvg.api.patch(path).send({ priority: 'low' })).status).toBe(428);
    const changed = await vvg.api.patch(path).set('If-Match', '"1"').send({ priority: 'low', ownerOrgUnitCode: '14' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ priority: 'low', priorityLabel: 'låg', ownerOrgUnitName: 'Västra Götaland', text: made.body.text, version: 2 });
    const stale = await vvg.api.patch(path).set('If-Match', '"1"').send({ text: 'Skriver över' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: made.body.id, version: 2, priority: 'low' });
    expect((await vvg.api.patch(path).set('If-Match', '"2"').send({ dueDate: 'i morgon' })).body.errors).toEqual([{ path: 'dueDate', message: 'Ange sista dag som ÅÅÅÅ-MM-DD.' }]);

    const listed = await county.api.get(`/api/v1/decisions?cycle=${cycleId}`);
    expect(listed.body.map((d: { id: string }) => d.id)).toEqual([made.body.id]);
  }, 60_000);

  it('closing the cycle turns its decisions into next year\'s actions once; next year shows them and prefills the follow-up field', async () => {
    const year = 2090;
    const cycleId = await cycleInReview(year);
    const first = (await vvg.api.post('/api/v1/decisions').send(decision(cycleId, { text: 'Följ upp SIP i alla delregioner.', priority: 'medium', dueDate: `${year + 1}-09-30` })).expect(201)).body;
    const second = (await vvg.api.post('/api/v1/decisions').send(decision(cycleId, { text: 'Gemensam rutin för *utskrivning*.', ownerOrgUnitCode: '14', dueDate: `${year + 1}-06-30` })).expect(201)).body;
    await cycleMove(county, cycleId, 'start_decision').expect(200);
    await cycleMove(county, cycleId, 'close').expect(200);

    const afterClose = (await vvg.api.get(`/api/v1/decisions?year=${year}`)).body as Array<{ id: string; action: { year: number; status: string } | null }>;
    expect(afterClose.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(afterClose.every((d) => d.action?.year === year + 1 && d.action.status === 'open')).toBe(true);
    const closedEdit = await vvg.api.patch(`/api/v1/decisions/${first.id}`).set('If-Match', '"1"').send({ priority: 'low' });
    expect(closedEdit.status).toBe(409);

    // Reopen, add one, close again: one new action, none duplicated.
    await cycleMove(admin, cycleId, 'reopen', 'Ett beslut saknades').expect(200);
    const third = (await vvg.api.post('/api/v1/decisions').send(decision(cycleId, { text: 'Tredje beslutet.', priority: 'low' })).expect(201)).body;
    await cycleMove(county, cycleId, 'close').expect(200);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM decision_action a JOIN decision d ON d.id = a.decision_id WHERE d.cycle_id = $1', [cycleId]);
    expect(count).toBe(3);
    const followed = await vvg.api.patch(`/api/v1/decisions/${third.id}/action`).send({ status: 'in_progress' });
    expect(followed.body.action).toMatchObject({ status: 'in_progress', statusLabel: 'Pågår' });

    // Next year's cycle lists the actions on its planning page …
    const next = await county.api.post('/api/v1/cycles').send({ year: year + 1, indicatorCodes: ['HF01', 'IU03'] });
    expect(next.status).toBe(201);
    const planning = await county.browser.get(`/arshjul/${year + 1}`);
    expect(planning.text).toContain('Beslut från förra året');
    expect(planning.text).toContain('Gemensam rutin för *utskrivning*. – ansvarig: Västra Götaland, senast');
    expect(planning.text).toContain('Tredje beslutet. – ansvarig: SIMBA');

    // … and each of its tasks shows the follow-up field prefilled, saved with the first save.
    await cycleMove(county, next.body.id, 'start_planning').expect(200);
    await county.api.post(`/api/v1/cycles/${next.body.id}/launch`).send({}).expect(200);
    const task = (await county.api.get(`/api/v1/tasks?cycle=${next.body.id}&delregion=DR-SKB`)).body.items[0];
    const skaraborg = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const view = await skaraborg.api.get(`/api/v1/tasks/${task.id}/answers`);
    const followup = view.body.answers.previous_decisions_followup as string;
    expect(followup).toContain(`VVG:s beslut för årshjulet ${year}:`);
    expect(followup).toContain(`- Gemensam rutin för \\*utskrivning\\*. (ansvarig: Västra Götaland, senast ${year + 1}-06-30)`);
    expect(followup).toContain('- Följ upp SIP i alla delregioner. (ansvarig: SIMBA');
    const form = await skaraborg.browser.get(`/arshjul/${year + 1}/uppgifter/${task.id}/analys`);
    expect(form.text).toContain('Följ upp SIP i alla delregioner.');
    const saved = await save(skaraborg, task.id, { successes: 'Bra år.' });
    expect(saved.answers.previous_decisions_followup).toBe(followup);
    expect((await skaraborg.api.get(`/api/v1/tasks/${task.id}/answers`)).body.version).toBe(1);

    // The follow-up page lists every year's decisions with the action's status.
    const page = await vvg.browser.get('/beslut');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Beslut ${year}`);
    expect(page.text).toContain('Pågår');
  }, 120_000);

  it('the decisions page records a decision from the form and shows each refusal beside its field', async () => {
    const { cycleId, year } = await launchedTask(t, county, 'DR-SKB');
    await cycleMove(county, cycleId, 'override_review', 'Testet').expect(200);
    const page = await vvg.browser.get(`/arshjul/${year}/beslut`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Registrera ett beslut');
    await vvg.browser.csrf(`/arshjul/${year}/beslut`);
    const refused = await vvg.browser.post(`/arshjul/${year}/beslut`).type('form').send({ text: '', priority: 'high', ownerOrgUnitCode: '', dueDate: '' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Skriv beslutet.');
    expect(refused.text).toContain('Välj vem som ansvarar för beslutet.');
    const made = await vvg.browser.post(`/arshjul/${year}/beslut`).type('form')
      .send({ text: 'Från formuläret', priority: 'low', ownerOrgUnitCode: 'DR-SKB', dueDate: `${year + 1}-03-01`, indicatorCodes: 'iu03, hf01', themeKeys: 'sip' });
    expect(made.status).toBe(303);
    const listed = (await vvg.api.get(`/api/v1/decisions?cycle=${cycleId}`)).body;
    expect(listed).toEqual([expect.objectContaining({ text: 'Från formuläret', priority: 'low', indicatorCodes: ['IU03', 'HF01'], themeKeys: ['sip'] })]);
  }, 60_000);
});
