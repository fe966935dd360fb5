import { Role } from '@arshjulet/core';
import { reportSections, type ReportModel } from '@arshjulet/report';
import { importFile } from '../indicators/indicator-fixtures.js';
import { createTestApp, type SignedInUser, type TestApp, type TestUser } from '../support/test-app.js';
import { save } from '../analysis/analysis-fixtures.js';
import { seed002ThemeCounts, SEED_002_ANALYSES, SEED_002_DELREGIONS, SEED_002_DELREGION_NAMES, type Seed002Delregion } from './seed-002-analyses.js';
import { SIP01_MONTHLY, wholeYearCsv, WHOLE_YEAR_INDICATORS } from './report-fixtures.js';

/**
 * The issue's "Must show": one whole year through the API. The county plans and imports the figures, launches,
 * the six delregions of seed 002 submit (one is returned and completes), the county accepts, assembles the report
 * and sends it to VVG; a reviewer comments and records two decisions; the report is approved and published; the
 * cycle closes, and next year's cycle carries the decisions and prefills the delregions' follow-up field.
 */
describe('A whole year: plan, analyses, county report, VVG feedback and decisions, next year', () => {
  let t: TestApp;
  let county: SignedInUser;
  let vvg: TestUser;
  let viewer: TestUser;
  const delregions = {} as Record<Seed002Delregion, TestUser>;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.signedIn(Role.CountyCoordinator);
    vvg = await t.userWith(Role.VvgReviewer);
    viewer = await t.userWith(Role.Viewer);
    for (const code of SEED_002_DELREGIONS) delregions[code] = await t.userWith(Role.DelregionCoordinator, code);
  }, 60_000);
  afterAll(() => t.close());

  const YEAR = 2026;

  it('runs from planning to next year’s cycle', async () => {
    // Plan: the cycle, its indicators and the year's figures.
    const created = await county.api.post('/api/v1/cycles').send({ year: YEAR, indicatorCodes: WHOLE_YEAR_INDICATORS });
    expect(created.status).toBe(201);
    const cycleId: string = created.body.id;
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_planning' }).expect(200);
    const imported = await importFile(county.api, wholeYearCsv(YEAR - 1));
    expect(imported).toMatchObject({ status: 'committed', rejectedCount: 0 });
    const launched = await county.api.post(`/api/v1/cycles/${cycleId}/launch`).send({});
    expect(launched.status).toBe(200);
    expect(launched.body.status).toBe('analysis');

    // Do: the six delregions fill in seed 002 and submit; the county returns Skaraborg's with a comment.
    const tasks = (await county.api.get(`/api/v1/tasks?cycle=${cycleId}`)).body.items as Array<{ id: string; delregion: Seed002Delregion }>;
    expect(tasks.map((task) => task.delregion).sort()).toEqual([...SEED_002_DELREGIONS].sort());
    const taskOf = (code: Seed002Delregion) => tasks.find((task) => task.delregion === code)!.id;
    const submit = (code: Seed002Delregion) => delregions[code].api.post(`/api/v1/tasks/${taskOf(code)}/transitions`).send({ action: 'submit' });
    for (const code of SEED_002_DELREGIONS) {
      const { challenges, ...rest } = SEED_002_ANALYSES[code];
      // Skaraborg first submits without its challenges' second sentence; the county asks for it.
      await save(delregions[code], taskOf(code), code === 'DR-SKB' ? { ...rest, challenges: challenges.split('. ')[0] } : SEED_002_ANALYSES[code]);
      const submitted = await submit(code);
      expect([code, submitted.status, submitted.body.status]).toEqual([code, 200, 'submitted']);
    }
    const returned = await county.api.post(`/api/v1/tasks/${taskOf('DR-SKB')}/transitions`).send({ action: 'return', reason: 'Beskriv också utmaningarna vid in- och utskrivning.' });
    expect(returned.body.status).toBe('returned');
    await save(delregions['DR-SKB'], taskOf('DR-SKB'), { challenges: SEED_002_ANALYSES['DR-SKB'].challenges });
    expect((await submit('DR-SKB')).body.status).toBe('submitted');
    for (const code of SEED_002_DELREGIONS) {
      const accepted = await county.api.post(`/api/v1/tasks/${taskOf(code)}/transitions`).send({ action: 'accept' });
      expect([code, accepted.body.status]).toEqual([code, 'accepted']);
    }
    const revisions = await county.api.get(`/api/v1/tasks/${taskOf('DR-SKB')}/revisions`);
    expect(revisions.body).toHaveLength(2);

    // Study: every analysis accepted, so the cycle moves to review without an override.
    const review = await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_review' });
    expect(review.status).toBe(200);
    expect(review.body.status).toBe('review');

    // The county report: assembled as a draft (not preliminary: all accepted), with the coordinator's own sections.
    const assembled = await county.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({});
    expect(assembled.status).toBe(200);
    expect(assembled.body).toMatchObject({ state: 'draft', preliminary: false });
    const own = await county.api.put(`/api/v1/cycles/${cycleId}/report/own-sections`).set('If-Match', `"${assembled.body.version}"`)
      .send({ conclusions: 'Det är en utmaning att **konkretisera och följa upp** vad som behöver göras tillsammans.', questions: '- Var ligger ansvaret för att vi rör oss mot målen i Färdplanen?' });
    expect(own.status).toBe(200);
    const sent = await county.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action: 'send_to_review' });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('in_review');

    // What VVG reviews: the in-review version's model and its HTML.
    const latest = sent.body.versions[0] as { number: number; state: string; preliminary: boolean };
    expect(latest).toMatchObject({ state: 'in_review', preliminary: false });
    const model = (await vvg.api.get(`/api/v1/cycles/${cycleId}/report/versions/${latest.number}`)).body as ReportModel;
    const html = await vvg.api.get(`/api/v1/cycles/${cycleId}/report?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    checkReportHtml(html.text, model);
    // A reviewer finds the way there on the pages: the menu's Årshjul, the cycle, its report, then review and decisions.
    const reviewer = await t.signedIn(Role.VvgReviewer);
    expect((await reviewer.browser.get('/').expect(200)).text).toContain('<a href="/arshjul">Årshjul</a>');
    expect((await reviewer.browser.get(`/arshjul/${YEAR}`).expect(200)).text).toContain(`href="/arshjul/${YEAR}/rapport"`);
    const reportPage = (await reviewer.browser.get(`/arshjul/${YEAR}/rapport`).expect(200)).text;
    expect(reportPage).toContain(`href="/arshjul/${YEAR}/rapport/granskning"`);
    expect(reportPage).toContain(`href="/arshjul/${YEAR}/beslut"`);

    // Act: a reviewer comments on a section, the county coordinator answers, VVG records two decisions.
    const comment = await vvg.api.post(`/api/v1/cycles/${cycleId}/feedback`).send({ sectionId: 'gemensamma-namnare', body: 'Lyft in- och utskrivning som länsgemensamt utvecklingsområde.' });
    expect(comment.status).toBe(201);
    const answer = await county.api.post(`/api/v1/cycles/${cycleId}/feedback/${comment.body.id}/answers`).send({ body: 'Det gör vi i slutsatserna.' });
    expect(answer.status).toBe(201);
    const feedback = await vvg.api.get(`/api/v1/cycles/${cycleId}/feedback`);
    expect(feedback.body.version).toMatchObject({ number: latest.number, state: 'in_review' });
    const commented = feedback.body.sections.find((section: { id: string }) => section.id === 'gemensamma-namnare');
    expect(commented.comments).toEqual([
      expect.objectContaining({ body: 'Lyft in- och utskrivning som länsgemensamt utvecklingsområde.', author: vvg.user.name, answers: [expect.objectContaining({ body: 'Det gör vi i slutsatserna.', author: county.user.name })] }),
    ]);
    const decisions = [
      { text: 'Ta fram en länsgemensam rutin för utskrivning med tydligt ansvar.', priority: 'high', ownerOrgUnitCode: '14', dueDate: `${YEAR + 1}-06-30`, indicatorCodes: ['IU03'], themeKeys: ['in_och_utskrivning'] },
      { text: 'Samordna stödet för avvikelser i samverkan mellan delregionerna.', priority: 'medium', ownerOrgUnitCode: 'DR-GBG', dueDate: `${YEAR + 1}-09-30`, indicatorCodes: [], themeKeys: ['avvikelser'] },
    ];
    for (const decision of decisions) {
      const recorded = await vvg.api.post('/api/v1/decisions').send({ cycleId, ...decision });
      expect([recorded.status, recorded.body.text]).toEqual([201, decision.text]);
    }
    expect((await vvg.api.get(`/api/v1/decisions?cycle=${cycleId}`)).body).toHaveLength(2);

    // The report through its machine: feedback given and approval by VVG, publication by the county coordinator.
    for (const [user, action, state] of [[vvg, 'give_feedback', 'feedback_given'], [vvg, 'approve', 'approved'], [county, 'publish', 'published']] as const) {
      const moved = await user.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action });
      expect([action, moved.status, moved.body.state]).toEqual([action, 200, state]);
    }
    const published = await viewer.api.get(`/api/v1/reports/${YEAR}?format=html`);
    expect(published.status).toBe(200);
    expect(published.text).toContain('konkretisera och följa upp');

    // The cycle moves on to decision and closes; next year's cycle shows the decisions and prefills the follow-up.
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_decision' }).expect(200);
    const closed = await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'close' });
    expect(closed.body.status).toBe('closed');
    const acted = (await vvg.api.get(`/api/v1/decisions?cycle=${cycleId}`)).body as Array<{ text: string; action: { year: number; status: string } | null }>;
    expect(acted.map((d) => [d.text, d.action?.year, d.action?.status]).sort()).toEqual(decisions.map((d) => [d.text, YEAR + 1, 'open']).sort());

    const next = await county.api.post('/api/v1/cycles').send({ year: YEAR + 1, indicatorCodes: WHOLE_YEAR_INDICATORS });
    expect(next.status).toBe(201);
    const planning = await county.browser.get(`/arshjul/${YEAR + 1}`);
    expect(planning.status).toBe(200);
    for (const decision of decisions) expect(planning.text).toContain(decision.text);
    await county.api.post(`/api/v1/cycles/${next.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
    await county.api.post(`/api/v1/cycles/${next.body.id}/launch`).send({}).expect(200);
    const nextTasks = (await county.api.get(`/api/v1/tasks?cycle=${next.body.id}`)).body.items as Array<{ id: string; delregion: Seed002Delregion }>;
    expect(nextTasks).toHaveLength(SEED_002_DELREGIONS.length);
    for (const task of nextTasks) {
      const draft = await delregions[task.delregion].api.get(`/api/v1/tasks/${task.id}/answers`);
      expect(draft.status).toBe(200);
      const followup = draft.body.answers.previous_decisions_followup as string;
      expect([task.delregion, typeof followup]).toEqual([task.delregion, 'string']);
      for (const decision of decisions) expect(followup).toContain(decision.text);
    }
  }, 180_000);
});

/** Any thousands separator the Swedish formatter may print: no-break space, narrow no-break space, as a character or an entity. */
const GROUP = '(?:\u00a0|\u202f|&nbsp;|&#160;|&#xa0;|&#8239;|&#x202f;)';

/** The HTML element whose id is `id`, up to the end of the section or figure it opens. */
function element(html: string, id: string, closing: '</section>' | '</figure>'): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id="${id}"`);
  return html.slice(start, html.indexOf(closing, start));
}

function checkReportHtml(html: string, model: ReportModel): void {
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain('lang="sv"');
  expect(model.preliminary).toBe(false);
  expect(html).not.toContain('Preliminär');
  const sections = reportSections(model);

  // Six delregion summaries, each with its own text from the accepted analysis and its link.
  expect(model.delregions.map((d) => d.delregionCode).sort()).toEqual([...SEED_002_DELREGIONS].sort());
  for (const code of SEED_002_DELREGIONS) {
    const id = sections.find((s) => s.title === SEED_002_DELREGION_NAMES[code])?.id;
    expect([code, id]).toEqual([code, expect.stringMatching(/^delregion-/)]);
    const summary = element(html, id!, '</section>');
    expect(summary).toContain(SEED_002_DELREGION_NAMES[code].replace(/&/g, '&amp;'));
    const firstWords = SEED_002_ANALYSES[code].successes.split(/[.:]/)[0]!.slice(0, 40);
    expect([code, summary.includes(firstWords)]).toEqual([code, true]);
    expect(summary).toContain(SEED_002_ANALYSES[code].annual_report_link!);
  }

  // Common denominators: the themes tagged by at least four delregions, each with the delregions behind it.
  expect(model.synthesis.threshold).toBe(4);
  const common = Object.fromEntries(model.synthesis.commonDenominators.map((c) => [c.themeKey, c.delregions.map((d) => d.code).sort()]));
  const expected = Object.fromEntries([...seed002ThemeCounts()].filter(([, codes]) => codes.length >= 4).map(([theme, codes]) => [theme, [...codes].sort()]));
  expect(common).toEqual(expected);
  expect(Object.keys(common).sort()).toEqual(['avvikelser', 'in_och_utskrivning']);
  const denominators = element(html, 'gemensamma-namnare', '</section>');
  expect(denominators).toContain('In- och utskrivningsprocessen');
  for (const code of expected.in_och_utskrivning!) expect(denominators).toContain(SEED_002_DELREGION_NAMES[code as Seed002Delregion].replace(/&/g, '&amp;'));
  expect(denominators).not.toContain('Kompetensförsörjning');

  // The Färdplan matrix: delregion × shift, counts per status as the analyses give them.
  const fardplan = element(html, 'fardplan', '</section>');
  expect(fardplan).toContain('<table');
  expect(fardplan).toContain('<th');
  for (const row of model.synthesis.fardplan) {
    const activities = SEED_002_ANALYSES[row.delregionCode as Seed002Delregion].roadmap_activities;
    for (const cell of row.shifts) {
      const counted = (status: string) => activities.filter((a) => a.shift === cell.shift && a.status === status).length;
      expect([row.delregionCode, cell.shift, cell.klart, cell.pågående, cell.inte_påbörjad]).toEqual([row.delregionCode, cell.shift, counted('klart'), counted('pågående'), counted('inte_påbörjad')]);
    }
  }

  // A run chart for SIP01's 24 months: an inline SVG in its figure, with its median.
  const charts = model.compilation.groups.flatMap((g) => g.areas.flatMap((a) => a.indicators.flatMap((i) => i.charts)));
  const run = charts.find((c) => c.kind === 'run_chart');
  expect(run).toBeDefined();
  const figure = element(html, run!.id, '</figure>');
  expect(figure).toContain('<svg');
  expect(run!.median).toBeCloseTo([...SIP01_MONTHLY].sort((a, b) => a - b).slice(11, 13).reduce((a, b) => a + b) / 2);

  // Swedish numbers: thousands grouped with a (narrow) no-break space, decimals with a comma.
  expect(html).toMatch(new RegExp(`1${GROUP}744${GROUP}859`));
  expect(html).toMatch(/23,4/);
  expect(html).not.toMatch(/NaN|undefined/);
}
