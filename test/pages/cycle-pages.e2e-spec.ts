import { Role } from '@arshjulet/core';
import { AnalysisTask, Cycle, CycleService, CycleTransitionService, TaskHooks, TaskService } from '@arshjulet/cycle';
import { importFile } from '../indicators/indicator-fixtures.js';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';

/** Each test takes its own year, so the tests pass in any order on one database. */
let nextYear = 2040;

describe('årshjul pages: create, edit, launch, overview and tasks – on plain HTML forms', () => {
  let t: TestApp;
  let county: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    county = await t.signedIn(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const cycles = () => t.dataSource.getRepository(Cycle);
  const tasks = () => t.dataSource.getRepository(AnalysisTask);
  const system = () => t.systemContext();

  /** A cycle of a fresh year, in draft, planning or launched (analysis) with its six tasks. */
  async function seedCycle(state: 'draft' | 'planning' | 'analysis' = 'draft'): Promise<Cycle> {
    const year = nextYear++;
    let { cycle } = await t.app.get(CycleService).create(system(), year, { focusAreas: ['avvikelser', 'läkemedel'] });
    if (state !== 'draft') cycle = (await t.app.get(CycleTransitionService).transition(system(), cycle.id, 'start_planning')).cycle;
    if (state === 'analysis') cycle = (await t.app.get(CycleTransitionService).launch(system(), cycle.id)).cycle;
    return cycle;
  }

  const taskOf = async (cycle: Cycle, delregionCode: string) => {
    const [[task]] = await t.app.get(TaskService).list(system(), { cycleId: cycle.id, delregionCode, page: 1, pageSize: 1 });
    return task!;
  };

  /** Posts a form of `page` as a browser does, with the CSRF token read from that page. */
  function postForm(user: SignedInUser, page: string, action: string, body: Record<string, string>) {
    const sent = user.browser.csrf(page).then(() => user.browser.post(action).type('form').send(body));
    return Object.assign(sent, { expect: (status: number) => sent.then((response) => (expect(response.status).toBe(status), response)) });
  }

  it('shows the new-cycle form with the default wheel prefilled, and creates a draft with weekend/holiday warnings', async () => {
    const form = await county.browser.get('/arshjul/ny').expect(200);
    expect(form.text).toContain('<h1>Nytt årshjul</h1>');
    const year = /id="year" name="year" type="text" value="(\d{4})"/.exec(form.text)![1]!;
    expect(form.text).toContain(`id="planStart" name="planStart" type="text" value="${year}-04-01"`);
    expect(form.text).toContain(`id="analysisDueDate" name="analysisDueDate" type="text" value="${year}-09-30"`);
    expect(form.text).toContain(`id="actEnd" name="actEnd" type="text" value="${Number(year) + 1}-03-31"`);

    const fields = Object.fromEntries([...form.text.matchAll(/<input id="(\w+)" name="\w+" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const created = await postForm(county, '/arshjul/ny', '/arshjul/ny', { ...fields, year: '2031', name: 'Årshjulet 2031', dataPeriods: '2030', focusAreas: 'avvikelser\nläkemedel', ...shift(fields, year, '2031') });
    expect(created.status).toBe(303);
    expect(created.headers.location).toBe('/arshjul/2031');

    const page = await county.browser.get('/arshjul/2031').expect(200);
    expect(page.text).toContain('<p class="alert" role="status">Årshjulet 2031 är skapat som utkast. Se varningarna om datum nedan.</p>');
    expect(page.text).toContain('<dt>Läge</dt><dd>Utkast</dd>');
    expect(page.text).toMatch(/<li>Do börjar: 2031-05-01 är [^<]+\.<\/li>/);
    expect(page.text).toContain('<li>Study slutar: 2031-11-30 är en söndag.</li>');
    expect(page.text).toMatch(/<svg [^>]*role="img" aria-labelledby="arshjul-title arshjul-desc">/);
    expect(page.text).toContain('<li>Do – delregional analys: 2031-05-01 – 2031-09-30</li>');
    expect(page.text).toContain('<li>avvikelser</li>');
    expect(page.text).toContain('<button type="submit">Börja planera</button>');
    expect((await cycles().findOneByOrFail({ year: 2031 })).status).toBe('draft');

    const list = await county.browser.get('/arshjul').expect(200);
    expect(list.text).toContain('<th scope="row"><a href="/arshjul/2031">2031</a></th><td>Årshjulet 2031</td><td>Utkast</td>');
  });

  it('shows a date out of order next to its field and in the summary at the top, and saves nothing', async () => {
    const year = String(nextYear++);
    const form = await county.browser.get('/arshjul/ny').expect(200);
    const fields = Object.fromEntries([...form.text.matchAll(/<input id="(\w+)" name="\w+" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const suggested = fields.year!;
    const refused = await postForm(county, '/arshjul/ny', '/arshjul/ny', { ...shift(fields, suggested, year), year, dataPeriods: '2030', doStart: `${year}-05-03` });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/<div class="alert error" role="alert" aria-labelledby="form-error-title" tabindex="-1" autofocus id="felsammanfattning">/);
    expect(refused.text).toContain(`<li><a href="#doStart">Do ska börja dagen efter att Plan slutar (${year}-05-01).</a></li>`);
    expect(refused.text).toContain(`<p class="field-error" id="doStart-error">Do ska börja dagen efter att Plan slutar (${year}-05-01).</p>`);
    expect(refused.text).toContain(`<input id="doStart" name="doStart" type="text" value="${year}-05-03" aria-invalid="true" aria-describedby="doStart-hint doStart-error">`);
    expect(await cycles().countBy({ year: Number(year) })).toBe(0);

    const badYear = await postForm(county, '/arshjul/ny', '/arshjul/ny', { ...fields, year: 'nästa år', dataPeriods: '2030' });
    expect(badYear.status).toBe(422);
    expect(badYear.text).toContain('<p class="field-error" id="year-error">Ange ett årtal mellan 2000 och 2100.</p>');
  });

  it('edits a cycle with its version; a stale version shows the values as they are now in Swedish', async () => {
    const cycle = await seedCycle();
    const path = `/arshjul/${cycle.year}/redigera`;
    const form = await county.browser.get(path).expect(200);
    expect(form.text).toContain(`<input type="hidden" name="version" value="${cycle.version}">`);
    const fields = Object.fromEntries([...form.text.matchAll(/<input id="(\w+)" name="\w+" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const saved = await postForm(county, path, path, { ...fields, version: String(cycle.version), focusAreas: 'in- och utskrivning', name: 'Nytt namn' });
    expect(saved.status).toBe(303);
    const page = await county.browser.get(`/arshjul/${cycle.year}`).expect(200);
    expect(page.text).toContain('Ändringarna i Nytt namn är sparade.');
    expect(page.text).toContain('<li>in- och utskrivning</li>');

    const stale = await postForm(county, path, path, { ...fields, version: String(cycle.version), name: 'Mitt namn' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Någon annan har ändrat årshjulet under tiden.');
    expect(stale.text).toContain('Fälten visar värdena som gäller nu.');
    expect(stale.text).toContain('id="name" name="name" type="text" value="Nytt namn"');
    expect(stale.text).toContain('<dd>Mitt namn</dd>');
    expect((await cycles().findOneByOrFail({ id: cycle.id })).name).toBe('Nytt namn');
  });

  it('refuses an illegal action with a Swedish message on the page and changes nothing', async () => {
    const cycle = await seedCycle();
    const page = `/arshjul/${cycle.year}`;
    const refused = await postForm(county, page, `${page}/atgard`, { action: 'close', version: String(cycle.version) });
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toBe(page);
    const after = await county.browser.get(page).expect(200);
    expect(after.text).toContain('Åtgärden ”Avsluta årshjulet” går inte att utföra i läget ”Utkast”.');
    expect((await cycles().findOneByOrFail({ id: cycle.id })).status).toBe('draft');
  });

  it('plans, confirms what the launch will do, launches, and shows the six tasks', async () => {
    const cycle = await seedCycle();
    const page = `/arshjul/${cycle.year}`;
    await postForm(county, page, `${page}/atgard`, { action: 'start_planning', version: String(cycle.version) }).expect(303);
    const planned = await county.browser.get(page).expect(200);
    expect(planned.text).toContain('<dt>Läge</dt><dd>Planering</dd>');
    expect(planned.text).toContain(`<a href="${page}/starta">Starta årshjulet …</a>`);

    const confirm = await county.browser.get(`${page}/starta`).expect(200);
    expect(confirm.text).toContain(`<h1>Starta årshjulet ${cycle.year}</h1>`);
    expect(confirm.text).toContain(`Dessa 6 delregioner får var sin analysuppgift med sista dag <strong>${cycle.year}-09-30</strong>`);
    expect(confirm.text).toMatch(/<li>[^<]+ \(DR-SKB\)<\/li>/);
    expect(await tasks().countBy({ cycleId: cycle.id })).toBe(0);

    const version = /name="version" value="(\d+)"/.exec(confirm.text)![1]!;
    const launched = await postForm(county, `${page}/starta`, `${page}/starta`, { version });
    expect(launched.status).toBe(303);
    expect(launched.headers.location).toBe(`${page}/uppgifter`);
    expect(await tasks().countBy({ cycleId: cycle.id })).toBe(6);

    const overview = await county.browser.get(`${page}/uppgifter`).expect(200);
    expect(overview.text).toMatch(new RegExp(`Årshjulet ${cycle.year} är startat: länssammanställningen är fryst med \\d+ värden och 6 delregioner har fått sin analysuppgift.`));
    expect(overview.text).toContain('0 av 6 delregioner har lämnat in, 0 godkända');
    expect(overview.text.match(/<td>Inte påbörjad<\/td>/g)).toHaveLength(6);

    // Launching twice is refused on the page.
    await postForm(county, `${page}/starta`, `${page}/starta`, { version }).expect(303);
    const again = await county.browser.get(`${page}/starta`).expect(200);
    expect(again.text).toMatch(/Åtgärden ”Starta årshjulet” går inte att utföra i läget ”Analys”\.|Någon annan har ändrat/);
    expect(await tasks().countBy({ cycleId: cycle.id })).toBe(6);

    const compilation = await county.browser.get(`${page}/sammanstallning`).expect(200);
    expect(compilation.text).toContain(`<h1>Länssammanställning ${cycle.year}</h1>`);
    // The cycle's year, not today's (a view helper named `year` used to shadow it).
    expect(compilation.text).toContain(`Tillbaka till årshjulet ${cycle.year}</a>`);
  });

  it('says on the launch confirmation how many values will be frozen, counted now, and the launch freezes exactly those', async () => {
    const cycle = await seedCycle('planning');
    const page = `/arshjul/${cycle.year}`;
    const dataYear = cycle.year - 1;
    expect((await county.browser.get(`${page}/starta`).expect(200)).text).toContain('<strong>0 värden fryses.</strong>');

    // Two figures in the data year; one three years back, outside what the launch compares, is not counted.
    await importFile(county.api, `indikator;enhet;period;värde\nHF01;Riket;${dataYear};3421\nHF01;Västra Götaland;${dataYear};2832\nHF01;Riket;${dataYear - 3};1\n`);
    const confirm = await county.browser.get(`${page}/starta`).expect(200);
    expect(confirm.text).toContain('<strong>2 värden fryses.</strong>');

    const version = /name="version" value="(\d+)"/.exec(confirm.text)![1]!;
    await postForm(county, `${page}/starta`, `${page}/starta`, { version }).expect(303);
    expect(await t.dataSource.query('SELECT indicator_code, org_unit_code, period FROM cycle_compilation_value WHERE cycle_id = $1 ORDER BY org_unit_code', [cycle.id]))
      .toEqual([
        { indicator_code: 'HF01', org_unit_code: '14', period: String(dataYear) },
        { indicator_code: 'HF01', org_unit_code: 'SE', period: String(dataYear) },
      ]);
  });

  it('lets a delregion coordinator start and submit their own task, and answers 404 for another delregion\'s', async () => {
    const cycle = await seedCycle('analysis');
    const own = await taskOf(cycle, 'DR-SKB');
    const other = await taskOf(cycle, 'DR-GBG');
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const path = `/arshjul/${cycle.year}/uppgifter/${own.id}`;

    const page = await delregion.browser.get(path).expect(200);
    expect(page.text).toContain(`<h1>Analys ${cycle.year} – ${own.delregionName}</h1>`);
    expect(page.text).toContain(`<dt>Sista dag</dt><dd>${cycle.year}-09-30</dd>`);
    expect(page.text).toContain('<button type="submit">Påbörja analysen</button>');
    expect(page.text).not.toContain('Godkänn analysen');
    expect(page.text).not.toContain('Flytta sista dag');

    await postForm(delregion, path, `${path}/atgard`, { action: 'start', from: 'uppgift' }).expect(303);
    const started = await delregion.browser.get(path).expect(200);
    expect(started.text).toContain(`${own.delregionName}: analysen är nu ”Pågår”.`);
    expect(started.text).toContain('<button type="submit">Lämna in analysen</button>');
    // A submission is checked against the pinned template: fill the analysis in first.
    await t.app.get(TaskHooks).fillExample(system(), own.id);
    await postForm(delregion, path, `${path}/atgard`, { action: 'submit', from: 'uppgift' }).expect(303);
    expect((await tasks().findOneByOrFail({ id: own.id })).status).toBe('submitted');

    const refused = await delregion.browser.get(`/arshjul/${cycle.year}/uppgifter/${other.id}`).expect(404);
    expect(refused.text).toContain('<html lang="sv">');
    await postForm(delregion, path, `/arshjul/${cycle.year}/uppgifter/${other.id}/atgard`, { action: 'start' }).expect(404);
    expect((await tasks().findOneByOrFail({ id: other.id })).status).toBe('not_started');
    // The same task under another year's address does not exist either.
    await delregion.browser.get(`/arshjul/${cycle.year + 1}/uppgifter/${own.id}`).expect(404);
  });

  it('returns a submitted analysis only with a comment (shown next to the field), then accepts after resubmission', async () => {
    const cycle = await seedCycle('analysis');
    const task = await taskOf(cycle, 'DR-SAMLA');
    await t.app.get(TaskService).transition(system(), task.id, 'start');
    await t.app.get(TaskHooks).fillExample(system(), task.id);
    await t.app.get(TaskService).transition(system(), task.id, 'submit');
    const overview = `/arshjul/${cycle.year}/uppgifter`;

    const missing = await postForm(county, overview, `${overview}/${task.id}/atgard`, { action: 'return', from: 'oversikt', reason: '  ' });
    expect(missing.status).toBe(303);
    expect(missing.headers.location).toBe(overview);
    const page = await county.browser.get(overview).expect(200);
    expect(page.text).toContain(`<li><a href="#kommentar-${task.id}">Ange ett skäl.</a></li>`);
    expect(page.text).toContain(`<p class="field-error" id="kommentar-${task.id}-error">Ange ett skäl.</p>`);
    expect((await tasks().findOneByOrFail({ id: task.id })).status).toBe('submitted');

    await postForm(county, overview, `${overview}/${task.id}/atgard`, { action: 'return', from: 'oversikt', reason: 'Komplettera med läkemedelsgenomgångarna.' }).expect(303);
    expect((await tasks().findOneByOrFail({ id: task.id })).status).toBe('returned');
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SAMLA');
    const own = await delregion.browser.get(`${overview}/${task.id}`).expect(200);
    expect(own.text).toContain('<p>Komplettera med läkemedelsgenomgångarna.</p>');
    expect(own.text).toContain('<button type="submit">Återuppta arbetet</button>');

    await t.app.get(TaskService).transition(system(), task.id, 'resume');
    await t.app.get(TaskService).transition(system(), task.id, 'submit');
    await postForm(county, overview, `${overview}/${task.id}/atgard`, { action: 'accept', from: 'oversikt' }).expect(303);
    const accepted = await county.browser.get(overview).expect(200);
    expect(accepted.text).toContain(`${task.delregionName}: analysen är nu ”Godkänd”.`);
    expect(accepted.text).toContain('1 av 6 delregioner har lämnat in, 1 godkända');
  });

  it('moves a due date only with a reason and a real date, and says so', async () => {
    const cycle = await seedCycle('analysis');
    const task = await taskOf(cycle, 'DR-FBD');
    const path = `/arshjul/${cycle.year}/uppgifter/${task.id}`;
    const form = await county.browser.get(path).expect(200);
    expect(form.text).toContain('Flytta sista dag');

    const bad = await postForm(county, path, `${path}/sista-dag`, { version: String(task.version), from: 'uppgift', dueDate: `${cycle.year}-02-30`, reason: '' });
    expect(bad.headers.location).toBe(path);
    const refused = await county.browser.get(path).expect(200);
    expect(refused.text).toContain(`<p class="field-error" id="sista-dag-${task.id}-error">Ange ett datum som ÅÅÅÅ-MM-DD.</p>`);
    expect(refused.text).toContain(`<p class="field-error" id="skal-${task.id}-error">Ange varför sista dagen flyttas.</p>`);
    expect((await tasks().findOneByOrFail({ id: task.id })).dueDate).toBe(`${cycle.year}-09-30`);

    await postForm(county, path, `${path}/sista-dag`, { version: String(task.version), from: 'uppgift', dueDate: `${cycle.year}-10-07`, reason: 'Sjukdom i ledningsgruppen' }).expect(303);
    const moved = await county.browser.get(path).expect(200);
    expect(moved.text).toContain(`${task.delregionName}: sista dag är nu ${cycle.year}-10-07.`);
    expect(moved.text).toContain(`<dd>${cycle.year}-10-07 (flyttad: Sjukdom i ledningsgruppen)</dd>`);
  });

  it('leads from a closed year to planning the next one, for the county only', async () => {
    const cycle = await seedCycle();
    const open = await county.browser.get(`/arshjul/${cycle.year}`).expect(200);
    expect(open.text).not.toContain('Planera nästa årshjul');
    await cycles().update({ id: cycle.id }, { status: 'closed' });
    const closed = await county.browser.get(`/arshjul/${cycle.year}`).expect(200);
    expect(closed.text).toContain('<a href="/arshjul/ny">Planera nästa årshjul</a>');
    const vvg = await t.signedIn(Role.VvgReviewer);
    expect((await vvg.browser.get(`/arshjul/${cycle.year}`).expect(200)).text).not.toContain('Planera nästa årshjul');
  });

  it('keeps the county pages from delregion coordinators and readers, and 404s an unknown year', async () => {
    const cycle = await seedCycle();
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    await delregion.browser.get('/arshjul/ny').expect(403);
    await delregion.browser.get(`/arshjul/${cycle.year}/redigera`).expect(403);
    await postForm(delregion, `/arshjul/${cycle.year}`, `/arshjul/${cycle.year}/atgard`, { action: 'start_planning' }).expect(403);
    expect((await cycles().findOneByOrFail({ id: cycle.id })).status).toBe('draft');
    const viewer = await t.signedIn(Role.Viewer);
    await viewer.browser.get('/arshjul').expect(403);
    await county.browser.get('/arshjul/1999').expect(404);
    await county.browser.get('/arshjul/inte-ett-ar').expect(404);
  });
});

/** The form's dates moved from the suggested year to `year`. */
function shift(fields: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key]) => /Start$|End$|DueDate$/.test(key))
      .map(([key, value]) => [key, value.replace(from, to).replace(String(Number(from) + 1), String(Number(to) + 1))]),
  );
}
