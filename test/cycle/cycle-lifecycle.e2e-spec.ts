import { jest } from '@jest/globals';
import { Role } from '@arshjulet/core';
import { CycleOverviewService, TaskHooks } from '@arshjulet/cycle';
import { importFile } from '../indicators/indicator-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Cycles: create, edit, launch with a frozen compilation, tasks per delregion', () => {
  let t: TestApp;
  let county: TestUser;
  let admin: TestUser;
  let skaraborg: TestUser;
  let vvg: TestUser;
  let nextYear = 2040;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    admin = await t.userWith(Role.Admin);
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    vvg = await t.userWith(Role.VvgReviewer);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);

  /** A cycle of its own year (so tests never share one), in planning, following up `year - 1`. */
  async function planningCycle(extra: object = {}) {
    const year = nextYear;
    nextYear += 4; // a cycle compares its two years before and a test imports up to four back: no test sees another's figures
    const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: ['HF01', 'IU03'], ...extra });
    expect(created.status).toBe(201);
    const planned = await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
    expect(planned.status).toBe(200);
    return planned.body as { id: string; year: number; version: number };
  }

  it('creates a cycle with the default wheel, all active indicators, and warns about a public holiday without refusing', async () => {
    const response = await county.api.post('/api/v1/cycles').send({ year: 2030, focusAreas: ['avvikelser', 'läkemedel'] });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      year: 2030, status: 'draft', dataPeriods: ['2029'], analysisDueDate: '2030-09-30', focusAreas: ['avvikelser', 'läkemedel'],
      phases: [
        { phase: 'plan', start: '2030-04-01', end: '2030-04-30' },
        { phase: 'do', start: '2030-05-01', end: '2030-09-30' },
        { phase: 'study', start: '2030-10-01', end: '2030-11-30' },
        { phase: 'act', start: '2030-12-01', end: '2031-03-31' },
      ],
      allowedActions: ['start_planning'],
    });
    expect(response.body.indicatorCodes.length).toBe(await count('SELECT count(*) AS n FROM indicator WHERE active'));
    expect(response.body.warnings).toContainEqual({ path: 'doStart', date: '2030-05-01', message: '2030-05-01 är första maj.' });
    expect(response.body.warnings).toContainEqual(expect.objectContaining({ path: 'studyEnd', message: '2030-11-30 är en lördag.' }));

    const again = await county.api.post('/api/v1/cycles').send({ year: 2030 });
    expect(again.status).toBe(409);
  });

  it('refuses dates out of order, overlapping phases and a due date outside Do with 422 field messages, and saves nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM cycle');
    const response = await county.api.post('/api/v1/cycles').send({ year: 2031, doEnd: '2031-04-15', studyStart: '2031-09-01', analysisDueDate: '2031-10-15' });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['doEnd', 'studyStart', 'analysisDueDate']));
    expect(await count('SELECT count(*) AS n FROM cycle')).toBe(before);

    const unreadable = await county.api.post('/api/v1/cycles').send({ year: 2031, planStart: '2031-02-30' });
    expect(unreadable.status).toBe(422);
  });

  it('PATCH with a stale version answers 409 with the current version; a good one saves and warns', async () => {
    const cycle = await planningCycle();
    const ok = await county.api.patch(`/api/v1/cycles/${cycle.id}`).send({ version: cycle.version, analysisDueDate: `${cycle.year}-06-19` });
    expect(ok.status).toBe(200);
    expect(ok.body.analysisDueDate).toBe(`${cycle.year}-06-19`);
    const stale = await county.api.patch(`/api/v1/cycles/${cycle.id}`).send({ version: cycle.version, name: 'Annat namn' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(ok.body.version);
    const outside = await county.api.patch(`/api/v1/cycles/${cycle.id}`).send({ version: ok.body.version, analysisDueDate: `${cycle.year}-12-01` });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].path).toBe('analysisDueDate');
  });

  it('PATCH refuses null for a name or a list (leave it out to keep it) with 400, and the cycle stays as it was', async () => {
    const cycle = await planningCycle();
    const before = (await county.api.get(`/api/v1/cycles/${cycle.id}`).expect(200)).body;
    for (const field of ['name', 'dataPeriods', 'focusAreas', 'indicatorCodes']) {
      const refused = await county.api.patch(`/api/v1/cycles/${cycle.id}`).send({ version: cycle.version, [field]: null });
      expect([field, refused.status, [...new Set(refused.body.errors?.map((error: { path: string }) => error.path))]]).toEqual([field, 400, [field]]);
    }
    expect((await county.api.get(`/api/v1/cycles/${cycle.id}`).expect(200)).body).toEqual(before);
  });

  it('launch freezes the compilation in one go, creates one task per active delregion, and cannot happen twice', async () => {
    const cycle = await planningCycle();
    const dataYear = cycle.year - 1;
    const batch = await importFile(county.api, `indikator;enhet;period;värde\nHF01;Riket;${dataYear};3421\nHF01;Västra Götaland;${dataYear};2832\nHF01;Västra Götaland;${dataYear - 1};2900\nHF01;1445;${dataYear};2500\nIU03;H-ALS;${dataYear}-Q1;3,7\nHF01;Riket;${dataYear - 3};1\n`);

    const launched = await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
    expect(launched.status).toBe(200);
    expect(launched.body.status).toBe('analysis');
    expect(launched.body.snapshotBatchIds).toEqual([batch.id]);

    const compilation = await vvg.api.get(`/api/v1/cycles/${cycle.id}/compilation`);
    expect(compilation.status).toBe(200);
    const keys = compilation.body.values.map((v: { indicatorCode: string; orgUnitCode: string; period: string }) => `${v.indicatorCode}/${v.orgUnitCode}/${v.period}`);
    // The data year and the year before it; figures three years back are not compared and stay out.
    expect(keys).toEqual(expect.arrayContaining([`HF01/SE/${dataYear}`, `HF01/14/${dataYear}`, `HF01/14/${dataYear - 1}`, `HF01/1445/${dataYear}`, `IU03/H-ALS/${dataYear}-Q1`]));
    expect(keys).not.toContain(`HF01/SE/${dataYear - 3}`);

    const delregions = await count(`SELECT count(*) AS n FROM org_unit WHERE type = 'delregion' AND active`);
    const tasks = await county.api.get(`/api/v1/tasks?cycle=${cycle.id}`);
    expect(tasks.body.total).toBe(delregions);
    expect(tasks.body.items[0]).toMatchObject({ status: 'not_started', dueDate: `${cycle.year}-09-30`, overdue: false });

    const twice = await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
    expect(twice.status).toBe(409);
    // The codes for programs, the machine's Swedish labels for people.
    expect(twice.body).toMatchObject({ code: 'workflow.illegal_transition', action: 'launch', currentState: 'analysis' });
    expect(twice.body.detail).toBe('Åtgärden ”Starta årshjulet” går inte att utföra i läget ”Analys”.');
    expect(twice.body.allowedActions).toEqual(['start_review', 'override_review']);

    // An import committed after launch changes the live figures, never the frozen compilation.
    await importFile(county.api, `indikator;enhet;period;värde\nHF01;Riket;${dataYear};9999\n`);
    const after = await county.api.get(`/api/v1/cycles/${cycle.id}/compilation`);
    expect(after.body.values).toEqual(compilation.body.values);
    expect(after.body.values.find((v: { orgUnitCode: string; period: string }) => v.orgUnitCode === 'SE' && v.period === String(dataYear)).value).toBe(3421);
  });

  it('a failure mid-launch (after the snapshot, while creating tasks) leaves no snapshot, no task and the cycle in planning', async () => {
    const cycle = await planningCycle();
    await importFile(county.api, `indikator;enhet;period;värde\nHF01;Riket;${cycle.year - 1};100\n`);
    await t.dataSource.query(`CREATE FUNCTION fail_task_${cycle.year}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.cycle_id = '${cycle.id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE TRIGGER fail_task_${cycle.year} BEFORE INSERT ON analysis_task FOR EACH ROW EXECUTE FUNCTION fail_task_${cycle.year}()`);
    try {
      const response = await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_task_${cycle.year} ON analysis_task`);
    }
    expect(await count('SELECT count(*) AS n FROM cycle_compilation_value WHERE cycle_id = $1', [cycle.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM analysis_task WHERE cycle_id = $1', [cycle.id])).toBe(0);
    expect((await county.api.get(`/api/v1/cycles/${cycle.id}`)).body.status).toBe('planning');
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE entity_id = $1 AND action = 'cycle.launched'`, [cycle.id])).toBe(0);
  });

  it('tasks: the delregion works on its own, another delregion’s task is 404 and audited, the county returns with a comment and accepts', async () => {
    const cycle = await planningCycle();
    await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
    const mine = await skaraborg.api.get(`/api/v1/tasks?cycle=${cycle.id}`);
    expect(mine.body.items.map((i: { delregion: string }) => i.delregion)).toEqual(['DR-SKB']);
    const task = mine.body.items[0];
    expect(task.allowedActions).toEqual(['start']);
    const others = await county.api.get(`/api/v1/tasks?cycle=${cycle.id}&delregion=DR-FBD`);
    const other = others.body.items[0];

    const foreign = await skaraborg.api.post(`/api/v1/tasks/${other.id}/transitions`).send({ action: 'start' });
    expect(foreign.status).toBe(404);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'access.denied' AND entity_id = $1`, [other.id])).toBeGreaterThan(0);
    expect((await skaraborg.api.get(`/api/v1/tasks/${other.id}`)).status).toBe(404);

    const illegal = await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'submit' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ currentState: 'not_started', allowedActions: ['start'] });
    expect(illegal.body.detail).toBe('Åtgärden ”Lämna in analysen” går inte att utföra i läget ”Inte påbörjad”.');

    expect((await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'start' })).body.status).toBe('in_progress');
    // A submission is checked against the pinned template: fill the analyses in first.
    await t.app.get(TaskHooks).fillExample(t.systemContext(), task.id);
    await t.app.get(TaskHooks).fillExample(t.systemContext(), other.id);
    expect((await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'submit' })).body.status).toBe('submitted');
    expect((await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'accept' })).status).toBe(403);
    const noComment = await county.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'return', reason: '  ' });
    expect(noComment.status).toBe(422);
    const returned = await county.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'return', reason: 'Komplettera avvikelserna.' });
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Komplettera avvikelserna.' });
    await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'resume' });
    await skaraborg.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'submit' });
    expect((await county.api.post(`/api/v1/tasks/${task.id}/transitions`).send({ action: 'accept' })).body.status).toBe('accepted');

    // The cycle moves on only when every task is accepted, or by the coordinator's override with a reason.
    const review = await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'start_review' });
    expect(review.status).toBe(409);
    expect(review.body.code).toBe('workflow.guard_refused');
    expect((await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'override_review' })).status).toBe(422);
    const overridden = await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'override_review', reason: 'Styrgruppen väntar inte.' });
    expect(overridden.body.status).toBe('review');

    // A review started by override still takes a late analysis: Fyrbodal submits and the county accepts it.
    const fyrbodal = await t.userWith(Role.DelregionCoordinator, 'DR-FBD');
    for (const action of ['start', 'submit']) {
      expect((await fyrbodal.api.post(`/api/v1/tasks/${other.id}/transitions`).send({ action })).status).toBe(200);
    }
    expect((await county.api.post(`/api/v1/tasks/${other.id}/transitions`).send({ action: 'accept' })).body.status).toBe('accepted');

    expect((await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'reopen', reason: 'x' })).status).toBe(403);
    const reopened = await admin.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'reopen', reason: 'Fel steg.' });
    expect(reopened.body.status).toBe('analysis');

    // From VVG's decision on, the analyses are final: an unstarted task can no longer move.
    await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'override_review', reason: 'Styrgruppen väntar inte.' }).expect(200);
    await county.api.post(`/api/v1/cycles/${cycle.id}/transitions`).send({ action: 'start_decision' }).expect(200);
    const unstarted = (await county.api.get(`/api/v1/tasks?cycle=${cycle.id}&status=not_started`)).body.items[0];
    const late = await admin.api.post(`/api/v1/tasks/${unstarted.id}/transitions`).send({ action: 'start' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'workflow.guard_refused', detail: 'Årshjulet är förbi analys och granskning; uppgiften kan inte ändras nu.' });
  });

  it('PATCH /tasks moves the due date with a reason; overdue is derived from the date', async () => {
    const cycle = await planningCycle();
    await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
    const [task] = (await county.api.get(`/api/v1/tasks?cycle=${cycle.id}&delregion=DR-SKB`)).body.items;
    expect((await county.api.patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, dueDate: '2020-01-10' })).status).toBe(400);
    const moved = await county.api.patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, dueDate: '2020-01-10', reason: 'Test av försenad.' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueDate: '2020-01-10', dueDateReason: 'Test av försenad.', overdue: true });
    expect((await county.api.patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, dueDate: '2020-01-11', reason: 'x' })).status).toBe(409);
    expect((await skaraborg.api.patch(`/api/v1/tasks/${task.id}`).send({ version: moved.body.version, dueDate: '2020-01-11', reason: 'x' })).status).toBe(403);
    const overdueOnly = await county.api.get(`/api/v1/tasks?cycle=${cycle.id}`);
    expect(overdueOnly.body.items.filter((i: { overdue: boolean }) => i.overdue).map((i: { delregion: string }) => i.delregion)).toEqual(['DR-SKB']);
  });

  it('the overview answers per delregion in the same number of SQL statements for 1 and for 10 cycles', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const cycle = await planningCycle();
      await county.api.post(`/api/v1/cycles/${cycle.id}/launch`).send({});
      ids.push(cycle.id);
    }
    const service = t.app.get(CycleOverviewService);
    const runnerPrototype = Object.getPrototypeOf(t.dataSource.createQueryRunner()) as { query: (...args: unknown[]) => unknown };
    const spy = jest.spyOn(runnerPrototype, 'query');
    const statements = async (cycleIds: string[]) => {
      spy.mockClear();
      const result = await service.overviews(t.systemContext(), cycleIds);
      return { n: spy.mock.calls.length, tasks: result.reduce((sum, o) => sum + o.tasks.length, 0) };
    };
    try {
      const one = await statements(ids.slice(0, 1));
      const ten = await statements(ids);
      expect(ten.tasks).toBe(one.tasks * 10);
      expect(ten.n).toBe(one.n);
    } finally {
      spy.mockRestore();
    }
    const overview = await county.api.get(`/api/v1/cycles/${ids[0]}/overview`);
    expect(overview.status).toBe(200);
    expect(overview.body.tasks[0]).toEqual(expect.objectContaining({ delregion: expect.any(String), status: 'not_started', remindersSent: 0, daysLeft: expect.any(Number) }));
  });
});
