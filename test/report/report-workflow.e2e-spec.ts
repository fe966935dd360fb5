import { Role } from '@arshjulet/core';
import { launchedTask } from '../analysis/analysis-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { acceptedSeed002Cycle } from './report-fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The county report's machine through the API: versions frozen at every step, who reads what, formats. */
describe('County report workflow (API)', () => {
  let t: TestApp;
  let county: TestUser;
  let vvg: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    // No Chromium here: a PDF must answer 503 with a Swedish reason (the PDF itself is proven in report-pdf.e2e-spec).
    t = await createTestApp({ CHROMIUM_PATH: '/ingenstans/chromium' });
    county = await t.userWith(Role.CountyCoordinator);
    vvg = await t.userWith(Role.VvgReviewer);
    viewer = await t.userWith(Role.Viewer);
  });
  afterAll(async () => {
    await t.close();
  });

  const report = (cycleId: string, suffix = '') => `/api/v1/cycles/${cycleId}/report${suffix}`;
  const move = (user: TestUser, cycleId: string, action: string, reason?: string) => user.api.post(report(cycleId, '/transitions')).send({ action, reason });

  it('a preliminary draft is saved as a version but may not go to review; own sections need If-Match and a stale one answers 409 with the stored text', async () => {
    const { cycleId } = await launchedTask(t, county, 'DR-SKB');
    const assembled = await county.api.post(report(cycleId, '/assemble')).send({});
    expect(assembled.status).toBe(200);
    expect(assembled.body).toMatchObject({ state: 'draft', stateLabel: 'Utkast', preliminary: true, allowedActions: ['send_to_review'] });
    expect(assembled.body.versions).toEqual([expect.objectContaining({ number: 1, state: 'draft', preliminary: true, action: 'save' })]);

    const refused = await move(county, cycleId, 'send_to_review');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'workflow.guard_refused' });
    expect(refused.body.detail).toMatch(/^Rapporten är preliminär: \d+ av \d+ analyser är inte godkända\./);
    expect((await county.api.get(report(cycleId))).body).toMatchObject({ state: 'draft', versions: [expect.objectContaining({ number: 1 })] });

    const version = assembled.body.version as number;
    expect((await county.api.put(report(cycleId, '/own-sections')).send({ conclusions: 'a', questions: 'b' })).status).toBe(428);
    const saved = await county.api.put(report(cycleId, '/own-sections')).set('If-Match', `"${version}"`).send({ conclusions: 'Vi ser **samma** mönster.', questions: 'Hur följer vi upp SIP?' });
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe(`"${version + 1}"`);
    expect(saved.body.ownSections).toEqual({ conclusions: 'Vi ser **samma** mönster.', questions: 'Hur följer vi upp SIP?' });
    const stale = await county.api.put(report(cycleId, '/own-sections')).set('If-Match', `"${version}"`).send({ conclusions: 'Min text', questions: '' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'report.version_conflict', current: { version: version + 1, ownSections: { conclusions: 'Vi ser **samma** mönster.' } } });
    expect((await county.api.put(report(cycleId, '/own-sections')).set('If-Match', `"${version}"`).send({ conclusions: 5 })).status).toBe(400);

    // The draft is the county's: a reviewer sees no version of it, and its document is refused.
    expect((await vvg.api.get(report(cycleId))).body).toMatchObject({ versions: [], ownSections: null });
    expect((await vvg.api.get(report(cycleId, '/versions/1?format=html'))).status).toBe(403);
    expect((await vvg.api.get(report(cycleId, '?format=html'))).status).toBe(404);
  }, 120_000);

  it('walks draft → in_review → feedback_given → draft → in_review → feedback_given → approved → published, each step a frozen version; an earlier version never changes', async () => {
    const year = 2071;
    const { cycleId } = await acceptedSeed002Cycle(t, county, year);
    const first = await county.api.post(report(cycleId, '/assemble')).send({});
    expect(first.body).toMatchObject({ preliminary: false });
    await county.api.put(report(cycleId, '/own-sections')).set('If-Match', `"${first.body.version}"`).send({ conclusions: 'Första slutsatsen.', questions: 'Första frågan.' }).expect(200);

    const sent = await move(county, cycleId, 'send_to_review');
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'in_review', stateLabel: 'Under granskning' });
    const reviewed = sent.body.versions[0] as { number: number };
    expect(sent.body.versions[0]).toMatchObject({ state: 'in_review', action: 'send_to_review' });
    const reviewedHtml = (await vvg.api.get(report(cycleId, `/versions/${reviewed.number}?format=html`))).text;
    expect(reviewedHtml).toContain('Första slutsatsen.');
    expect((await vvg.api.get(report(cycleId, `/versions/${reviewed.number}`))).body).toMatchObject({ cycleId, state: 'in_review', versionNumber: reviewed.number });

    // Under review nothing is assembled again and the own sections are locked.
    expect((await county.api.post(report(cycleId, '/assemble')).send({})).status).toBe(409);
    expect((await move(county, cycleId, 'publish')).body).toMatchObject({ code: 'workflow.illegal_transition', allowedActions: ['revise'] });
    expect((await move(viewer, cycleId, 'give_feedback')).status).toBe(403);

    expect((await move(vvg, cycleId, 'give_feedback')).body).toMatchObject({ state: 'feedback_given', allowedActions: ['approve'] });
    expect((await move(county, cycleId, 'revise')).status).toBe(422);
    const revised = await move(county, cycleId, 'revise', 'Vi tar in VVG:s synpunkter.');
    expect(revised.body).toMatchObject({ state: 'draft' });
    expect(revised.body.versions[0]).toMatchObject({ state: 'draft', action: 'revise', reason: 'Vi tar in VVG:s synpunkter.' });

    await county.api.put(report(cycleId, '/own-sections')).set('If-Match', `"${revised.body.version}"`).send({ conclusions: 'Andra slutsatsen.', questions: 'Andra frågan.' }).expect(200);
    const regenerated = await county.api.post(report(cycleId, '/assemble')).send({});
    expect(regenerated.status).toBe(200);
    const latestHtml = (await county.api.get(report(cycleId, '?format=html'))).text;
    expect(latestHtml).toContain('Andra slutsatsen.');
    // The version VVG reviewed is as it was, byte for byte.
    expect((await vvg.api.get(report(cycleId, `/versions/${reviewed.number}?format=html`))).text).toBe(reviewedHtml);
    await expect(t.dataSource.query(`UPDATE report_version SET html = 'ändrad' WHERE number = $1`, [reviewed.number])).rejects.toThrow(/frozen/);

    await move(county, cycleId, 'send_to_review').expect(200);
    await move(vvg, cycleId, 'give_feedback').expect(200);
    expect((await move(county, cycleId, 'approve')).status).toBe(403);
    await move(vvg, cycleId, 'approve').expect(200);
    expect((await viewer.api.get(`/api/v1/reports/${year}`)).status).toBe(404);
    const published = await move(county, cycleId, 'publish');
    expect(published.body).toMatchObject({ state: 'published', stateLabel: 'Publicerad', allowedActions: [] });
    expect(published.body.versions.map((v: { action: string }) => v.action)).toEqual([
      'publish', 'approve', 'give_feedback', 'send_to_review', 'save', 'revise', 'give_feedback', 'send_to_review', 'save',
    ]);

    // Published: a viewer reads it (list, HTML, model, XLSX); a PDF without Chromium is a Swedish 503.
    expect((await viewer.api.get('/api/v1/reports')).body).toEqual(expect.arrayContaining([expect.objectContaining({ year, href: `/rapporter/${year}` })]));
    const html = await viewer.api.get(`/api/v1/reports/${year}`).set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('Andra slutsatsen.');
    expect((await viewer.api.get(`/api/v1/reports/${year}`)).body).toMatchObject({ state: 'published', year });
    const xlsx = await viewer.api.get(`/api/v1/reports/${year}?format=xlsx`).buffer(true);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="lansrapport-${year}.xlsx"`);
    const pdf = await viewer.api.get(`/api/v1/reports/${year}`).set('Accept', 'application/pdf');
    expect(pdf.status).toBe(503);
    expect(pdf.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(pdf.body.detail).toMatch(/Chromium|PDF/);
    expect((await t.http.get(`/api/v1/reports/${year}`)).status).toBe(401);
  }, 240_000);

  it('answers the format asked for, and refuses an unknown one with a clear message', async () => {
    const { cycleId } = await launchedTask(t, county, 'DR-GBG');
    const compilation = await vvg.api.get(report(cycleId, '/compilation'));
    expect(compilation.status).toBe(200);
    expect(compilation.body).toMatchObject({ cycleId, frozenAt: expect.any(String) });
    expect((await vvg.api.get(report(cycleId, '/compilation?format=html'))).text).toMatch(/^<!doctype html>/i);
    expect((await vvg.api.get(report(cycleId, '/compilation')).set('Accept', XLSX)).headers['content-type']).toBe(XLSX);
    const unknown = await vvg.api.get(report(cycleId, '/compilation?format=docx'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'report.unknown_format', detail: 'Okänt format ”docx”. Välj html, pdf, xlsx eller json.' });
    const image = await vvg.api.get(report(cycleId, '/compilation')).set('Accept', 'image/png');
    expect(image.status).toBe(400);
    expect(image.body.code).toBe('report.not_acceptable');
    expect((await vvg.api.get(report(cycleId, '/compilation?format=pdf'))).status).toBe(503);
    expect((await viewer.api.get(report(cycleId, '/compilation'))).status).toBe(403);
    expect((await county.api.get(report(cycleId, '/preview?format=html'))).text).toContain('Preliminär');
    // The address of the compilation: its frozen figures as JSON, the document in the other formats.
    const frozen = await vvg.api.get(`/api/v1/cycles/${cycleId}/compilation`);
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({ frozenAt: expect.any(String), values: expect.any(Array) });
    const document = await vvg.api.get(`/api/v1/cycles/${cycleId}/compilation?format=html`);
    expect(document.text).toMatch(/^<!doctype html>/i);
    expect(document.text).toContain('Länssammanställning');
    expect((await vvg.api.get(`/api/v1/cycles/${cycleId}/compilation`).set('Accept', XLSX)).headers['content-type']).toBe(XLSX);
  }, 120_000);
});

describe('Published reports with PUBLISHED_REPORTS_PUBLIC', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLISHED_REPORTS_PUBLIC: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('are readable without signing in; drafts and the report API still are not', async () => {
    const county = await t.userWith(Role.CountyCoordinator);
    const cycle = await county.api.post('/api/v1/cycles').send({ year: 2072 });
    expect(cycle.status).toBe(201);
    // A published report written directly: this test is about who may read it, not how it got there.
    const [{ id }] = await t.dataSource.query(`INSERT INTO county_report (cycle_id, state, version) VALUES ($1, 'published', 1) RETURNING id`, [cycle.body.id]);
    const model = { cycleId: cycle.body.id, year: 2072, title: 'Länsrapport 2072', preliminary: false, state: 'published', versionNumber: 1 };
    await t.dataSource.query(
      `INSERT INTO report_version (report_id, number, state, preliminary, action, html, model) VALUES ($1, 1, 'published', false, 'publish', $2, $3)`,
      [id, '<!doctype html><html lang="sv"><title>Länsrapport 2072</title><h1>Länsrapport 2072</h1></html>', JSON.stringify(model)],
    );
    expect((await t.http.get('/api/v1/reports')).body).toEqual([expect.objectContaining({ year: 2072 })]);
    expect((await t.http.get('/api/v1/reports/2072?format=html')).text).toContain('<h1>Länsrapport 2072</h1>');
    expect((await t.http.get('/rapporter/2072').set('Accept', 'text/html')).text).toContain('<h1>Länsrapport 2072</h1>');
    expect((await t.http.get('/rapporter').set('Accept', 'text/html')).text).toContain('href="/rapporter/2072"');
    expect((await t.http.get(`/api/v1/cycles/${cycle.body.id}/report`)).status).toBe(401);
    expect((await t.http.get('/api/v1/reports/2073')).status).toBe(404);
  }, 60_000);
});
