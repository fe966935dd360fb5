import { Role } from '@arshjulet/core';
import { createTestApp, type SignedInUser, type TestApp, type TestUser } from '../support/test-app.js';

const SAMLA = 'DR-SAMLA';
const SAMLA_NAME = 'SAMLA – Vårdsamverkan Lerum Alingsås';

/**
 * A delregion with a task in a cycle that is not closed stays active: the API answers 422 problem+json and the
 * Organisation page shows the Swedish reason beside the status field; once the cycle is closed it may go. A launch
 * and a deactivation at the same moment end consistently: never an inactive delregion with a task.
 */
describe('org units: a delregion with tasks in a running cycle cannot be deactivated', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let county: TestUser;
  let year = 2061;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedIn(Role.Admin);
    county = await t.userWith(Role.CountyCoordinator);
    // SAMLA's two municipalities move to SIMBA first: an empty delregion is otherwise free to go.
    for (const code of ['1441', '1489']) {
      const version = (await admin.api.get(`/api/v1/org-units/${code}`).expect(200)).body.version;
      await admin.api.patch(`/api/v1/org-units/${code}`).set('If-Match', `"${version}"`).send({ parentCode: 'DR-SIMBA' }).expect(200);
    }
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const unit = async (code = SAMLA) => (await admin.api.get(`/api/v1/org-units/${encodeURIComponent(code)}`).expect(200)).body as { version: number; active: boolean };
  const setActive = (active: boolean, version: number) => admin.api.patch(`/api/v1/org-units/${SAMLA}`).set('If-Match', `"${version}"`).send({ active });

  /** A new cycle of its own year, in planning (no tasks yet). */
  async function plannedCycle(): Promise<{ id: string; year: number }> {
    const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: ['HF01'] }).expect(201);
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
    return { id: created.body.id, year: year++ };
  }

  async function close(cycleId: string): Promise<void> {
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'override_review', reason: 'Testet går vidare.' }).expect(200);
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_decision' }).expect(200);
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'close' }).expect(200);
  }

  const samlaTasks = async (cycleId: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM analysis_task t JOIN org_unit o ON o.id = t.delregion_id WHERE t.cycle_id = $1 AND o.code = $2`, [cycleId, SAMLA]))[0].n;

  it('refuses over the API and on the page while the cycle runs, with the reason in Swedish; allows it once the cycle is closed', async () => {
    const cycle = await plannedCycle();
    await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({}).expect(200);
    const before = await unit();

    const refused = await setActive(false, before.version).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'org_unit.invalid', detail: 'Ändringen av organisationsenheten kan inte göras.' });
    const reason = `${SAMLA_NAME} har en analysuppgift i årshjulet ${cycle.year} (uppgiften: Inte påbörjad), som inte är avslutat. Delregionen kan inaktiveras när årshjulet är avslutat.`;
    expect(refused.body.errors).toEqual([{ path: 'active', message: reason }]);
    expect(await unit()).toEqual(before);

    // The page: the form comes back (422) with the reason beside the status field and what was chosen.
    const page = `/administration/organisation/${SAMLA}`;
    await admin.browser.csrf(page);
    const form = await admin.browser.post(page).type('form').send({ version: String(before.version), name: SAMLA_NAME, active: 'false' });
    expect(form.status).toBe(422);
    expect(form.text).toContain(`<p id="aktiv-error" class="field-error">${reason}</p>`);
    expect(form.text).toContain('<fieldset aria-describedby="aktiv-error">');
    expect(form.text).toContain('<input id="aktiv-nej" name="active" type="radio" value="false" checked>');
    expect(await unit()).toEqual(before);

    // Accepting the task is not enough while the cycle is still open (its report and decisions name the delregion).
    const [{ id: taskId }] = await t.dataSource.query(`SELECT t.id FROM analysis_task t JOIN org_unit o ON o.id = t.delregion_id WHERE t.cycle_id = $1 AND o.code = $2`, [cycle.id, SAMLA]);
    await t.dataSource.query(`UPDATE analysis_task SET status = 'accepted' WHERE id = $1`, [taskId]);
    expect((await setActive(false, before.version).expect(422)).body.errors[0].message).toContain('(uppgiften: Godkänd), som inte är avslutat');

    await close(cycle.id);
    const deactivated = await setActive(false, before.version).expect(200);
    expect(deactivated.body).toMatchObject({ code: SAMLA, active: false });
    await setActive(true, deactivated.body.version).expect(200);
  }, 120_000);

  it('names every running cycle; a cycle in planning (no tasks yet) does not hold the delregion back', async () => {
    const planned = await plannedCycle();
    const first = await plannedCycle();
    const second = await plannedCycle();
    for (const cycle of [first, second]) await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({}).expect(200);

    const refused = await setActive(false, (await unit()).version).expect(422);
    expect(refused.body.errors[0].message).toBe(
      `${SAMLA_NAME} har analysuppgifter i årshjulen ${first.year} (uppgiften: Inte påbörjad), ${second.year} (uppgiften: Inte påbörjad), som inte är avslutade. Delregionen kan inaktiveras när årshjulen är avslutade.`,
    );
    await close(first.id);
    await close(second.id);
    const deactivated = await setActive(false, (await unit()).version).expect(200);
    expect(await samlaTasks(planned.id)).toBe(0);
    await setActive(true, deactivated.body.version).expect(200);
  }, 120_000);

  it('a launch and a deactivation at the same moment: either the delregion is deactivated and gets no task, or it keeps its task and stays active', async () => {
    for (let round = 0; round < 4; round++) {
      const cycle = await plannedCycle();
      const version = (await unit()).version;
      const [launch, deactivation] = await Promise.all([
        county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({}),
        setActive(false, version),
      ]);
      expect(launch.status).toBe(200);
      const tasks = await samlaTasks(cycle.id);
      const { active, version: now } = await unit();
      // Exactly one of the two consistent outcomes, whichever came first.
      expect([
        { status: 200, active: false, tasks: 0 },
        { status: 422, active: true, tasks: 1 },
      ]).toContainEqual({ status: deactivation.status, active, tasks });
      if (!active) await setActive(true, now).expect(200);
      await close(cycle.id);
    }
  }, 240_000);
});
