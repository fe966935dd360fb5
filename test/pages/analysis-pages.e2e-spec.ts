import { Role } from '@arshjulet/core';
import { launchedTask, save, SIMBA_ANSWERS } from '../analysis/analysis-fixtures.js';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';

describe('analysis pages: my analysis as a form, conflicts, submit, the county review and diffs – without JavaScript', () => {
  let t: TestApp;
  let county: SignedInUser;
  let simba: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    county = await t.signedIn(Role.CountyCoordinator);
    simba = await t.signedIn(Role.DelregionCoordinator, 'DR-SIMBA');
  });
  afterAll(async () => {
    await t.close();
  });

  const paths = (year: number, taskId: string) => ({ form: `/arshjul/${year}/uppgifter/${taskId}/analys`, review: `/arshjul/${year}/uppgifter/${taskId}/granska`, task: `/arshjul/${year}/uppgifter/${taskId}` });

  function postForm(user: SignedInUser, page: string, action: string, body: Record<string, string | string[]>) {
    return user.browser.csrf(page).then(() => user.browser.post(action).type('form').send(body));
  }
  const draft = async (taskId: string) => (await simba.api.get(`/api/v1/tasks/${taskId}/answers`).expect(200)).body as { version: number; answers: Record<string, unknown> };

  it('shows the form with a section list and completion marks, every field labelled, and saves it with the version', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form, task } = paths(year, taskId);
    const taskPage = await simba.browser.get(task).expect(200);
    expect(taskPage.text).toContain(`<a href="${form}">Öppna analysen</a>`);

    const page = await simba.browser.get(form).expect(200);
    expect(page.text).toContain('<nav class="section-nav" aria-label="Avsnitt">');
    expect(page.text).toMatch(/<a href="#avsnitt-agreement">Följsamhet till hälso- och sjukvårdsavtalet<\/a> <span class="section-mark">0 av 2 obligatoriska ifyllda<\/span>/);
    expect(page.text).toContain('<input type="hidden" name="version" value="0">');
    expect(page.text).toMatch(/<legend>Har avtalet i huvudsak följts i delregionen\? <span class="required">\(obligatoriskt\)<\/span><\/legend>/);
    expect(page.text).toMatch(/<textarea id="f-successes" name="f.successes" rows="6" aria-required="true"/);
    expect(page.text).toContain('<button type="submit" id="f-deviations_most_frequent-add" name="do" value="add:deviations_most_frequent" class="secondary">Lägg till rad');
    expect(page.text).toContain('id="f-roadmap_activities-add"');
    expect(page.text).toMatch(/<label for="f-indicator_hf01-interpretation">Samlad tolkning: /);
    expect(page.text).toMatch(/<input type="checkbox" id="f-theme_tags" name="f.theme_tags" value="[a-z_]+" data-type="list">/);
    expect(page.text).toContain('<script src="/static/js/autosave.js" defer></script>');
    expect(page.text).toContain('data-autosave="/api/v1/tasks/' + taskId + '/answers"');

    const saved = await postForm(simba, form, form, { version: '0', do: 'save', 'f.successes': 'Skörhetsskalan CFS\när införd.', 'f.agreement_followed': 'false', 'f.theme_tags': ['sip', 'avvikelser'] });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(form);
    const after = await simba.browser.get(form).expect(200);
    expect(after.text).toMatch(/<p class="alert" role="status">Sparat \d\d:\d\d\.<\/p>/);
    expect(after.text).toMatch(/<textarea id="f-successes" name="f.successes" rows="6" aria-required="true"[^>]*>Skörhetsskalan CFS\när införd.<\/textarea>/);
    expect(after.text).toContain('<input type="radio" id="f-agreement_followed--2" name="f.agreement_followed" value="false" data-type="boolean" checked>');
    expect(after.text).toContain('<input type="hidden" name="version" value="1">');
    expect((await draft(taskId)).answers).toEqual({ successes: 'Skörhetsskalan CFS\när införd.', agreement_followed: false, theme_tags: ['sip', 'avvikelser'] });
  });

  it('shows a wrong value next to its field and in the linked summary, keeps what was typed and saves nothing', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form } = paths(year, taskId);
    await save(simba, taskId, { successes: 'Sparat före' });
    const body = { version: '1', do: 'save', 'f.successes': 'Nytt', 'f.deviations_most_frequent.0': '1', 'f.deviations_most_frequent.0.deviation_type': 'Utskrivning', 'f.deviations_most_frequent.0.count': 'sextionio' };
    const refused = await postForm(simba, form, form, body);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('<li><a href="#f-deviations_most_frequent-0-count">Vanligaste avvikelserna: Ange ett tal, t.ex. 12 eller 3,5.</a></li>');
    expect(refused.text).toContain('<p class="field-error" id="f-deviations_most_frequent-0-count-error">Ange ett tal, t.ex. 12 eller 3,5.</p>');
    expect(refused.text).toMatch(/<input id="f-deviations_most_frequent-0-count" name="f.deviations_most_frequent.0.count" type="text" inputmode="decimal" value="sextionio" class="short" data-type="number" aria-invalid="true" aria-describedby="f-deviations_most_frequent-0-count-unit f-deviations_most_frequent-0-count-error">/);
    expect(refused.text).toContain('>Nytt</textarea>');

    const tooLong = await postForm(simba, form, form, { version: '1', do: 'save', 'f.annual_report_link': 'x'.repeat(3000) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toMatch(/<p class="field-error" id="f-annual_report_link-error">Texten får vara högst [\d ]+ tecken \(nu 3 000\)\.<\/p>/);
    expect((await draft(taskId))).toMatchObject({ version: 1, answers: { successes: 'Sparat före' } });
  });

  it('adds and removes table rows and activities with plain submit buttons, saving what was typed', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form } = paths(year, taskId);
    const added = await postForm(simba, form, form, { version: '0', do: 'add:deviations_most_frequent', 'f.challenges': 'För få SIP' });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`${form}#f-deviations_most_frequent-0-deviation_type`);
    const page = await simba.browser.get(form).expect(200);
    expect(page.text).toContain('<legend>Vanligaste avvikelserna, rad 1</legend>');
    expect(page.text).toContain('<label for="f-deviations_most_frequent-0-count">Antal');
    expect(page.text).toContain('value="remove:deviations_most_frequent:0"');

    const activity = await postForm(simba, form, form, { version: '1', do: 'add:roadmap_activities', 'f.deviations_most_frequent.0': '1', 'f.deviations_most_frequent.0.count': '69', 'f.challenges': 'För få SIP' });
    expect(activity.status).toBe(303);
    expect((await draft(taskId)).answers).toEqual({ challenges: 'För få SIP', deviations_most_frequent: [{ count: 69 }], roadmap_activities: [{}] });
    const withActivity = await simba.browser.get(form).expect(200);
    expect(withActivity.text).toContain('<select id="f-roadmap_activities-0-shift" name="f.roadmap_activities.0.shift">');

    const removed = await postForm(simba, form, form, { version: '2', do: 'remove:deviations_most_frequent:0', 'f.deviations_most_frequent.0': '1', 'f.deviations_most_frequent.0.count': '69', 'f.roadmap_activities.0': '1', 'f.roadmap_activities.0.name': 'Workshop', 'f.roadmap_activities.0.status': 'klart' });
    expect(removed.status).toBe(303);
    expect((await draft(taskId)).answers).toEqual({ roadmap_activities: [{ name: 'Workshop', status: 'klart' }] });
  });

  it('shows both versions side by side on a stale save and keeps the one I choose per field', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form } = paths(year, taskId);
    const colleague = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    await save(colleague, taskId, { successes: 'Kollegans framgångar', challenges: 'Kollegans utmaningar' });
    const stale = await postForm(simba, form, form, { version: '0', do: 'save', 'f.successes': 'Mina framgångar', 'f.challenges': 'Mina utmaningar' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('<h2 id="konflikt-rubrik">Två versioner av samma fält</h2>');
    expect(stale.text).toContain('<legend>Årets framgångar</legend>');
    expect(stale.text).toContain('<p>Mina framgångar</p>');
    expect(stale.text).toContain('<p>Kollegans framgångar</p>');
    expect(stale.text).toContain('<input type="hidden" name="version" value="1">');
    const mine = /<input type="hidden" name="mine" value="([^"]+)">/.exec(stale.text)![1]!.replace(/&quot;/g, '"').replace(/&#x3D;/g, '=');
    const resolved = await postForm(simba, form, `${form}/konflikt`, { version: '1', mine, 'val.successes': 'mine', 'val.challenges': 'theirs' });
    expect(resolved.status).toBe(303);
    expect((await draft(taskId))).toMatchObject({ version: 2, answers: { successes: 'Mina framgångar', challenges: 'Kollegans utmaningar' } });
  });

  it('lists the missing required fields with links before submitting, refuses an incomplete submit, and submits a complete one', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form, task } = paths(year, taskId);
    const page = await simba.browser.get(form).expect(200);
    expect(page.text).toContain('<p>Det här saknas innan analysen kan lämnas in:</p>');
    expect(page.text).toContain('<li><a href="#f-agreement_followed">Har avtalet i huvudsak följts i delregionen?</a></li>');
    expect(page.text).toContain('<li><a href="#f-roadmap_activities-add">Aktiviteter</a></li>');

    const refused = await postForm(simba, form, form, { version: '0', do: 'submit', 'f.successes': 'Bra år' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Analysen kan inte lämnas in än: fälten nedan saknas eller behöver rättas.');
    expect(refused.text).toContain('<p class="field-error" id="f-challenges-error">Fältet måste fyllas i.</p>');
    expect(refused.text).toContain('<li><a href="#f-challenges">Årets utmaningar: Fältet måste fyllas i.</a></li>');
    expect(refused.text).toContain('>Bra år</textarea>');

    await save(simba, taskId, SIMBA_ANSWERS);
    const complete = await simba.browser.get(form).expect(200);
    expect(complete.text).toContain('<p>Alla obligatoriska fält är ifyllda.</p>');
    const version = /name="version" value="(\d+)"/.exec(complete.text)![1]!;
    const fields = Object.fromEntries([...complete.text.matchAll(/<textarea id="[^"]+" name="(f\.[^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1]!, m[2]!.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')]));
    const submitted = await postForm(simba, form, form, {
      ...fields, version, do: 'submit', 'f.agreement_followed': 'false', 'f.theme_tags': SIMBA_ANSWERS.theme_tags,
      ...Object.fromEntries(SIMBA_ANSWERS.roadmap_activities.flatMap((a, i) => [[`f.roadmap_activities.${i}`, '1'], [`f.roadmap_activities.${i}.name`, a.name], [`f.roadmap_activities.${i}.shift`, a.shift], [`f.roadmap_activities.${i}.status`, a.status]])),
      'f.deviations_most_frequent.0': '1', 'f.deviations_most_frequent.0.deviation_type': 'In- och utskrivningsprocessen', 'f.deviations_most_frequent.0.count': '69', 'f.deviations_most_frequent.0.system_flaw': 'true',
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(task);
    const after = await simba.browser.get(task).expect(200);
    expect(after.text).toContain('Analysen är inlämnad. Länet granskar den nu.');
    const readOnly = await simba.browser.get(form).expect(200);
    expect(readOnly.text).toContain('<p class="hint">Analysen kan inte ändras nu. Så här ser svaren ut:</p>');
    expect(readOnly.text).toContain(`<a href="${form}/versioner/1">Version 1</a>`);
    expect(readOnly.text).not.toContain('autosave.js');
  });

  /** A real, minimal one-page PDF. */
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
  /** Posts the Bilagor form as a browser does: multipart, the CSRF token as a field before the file. */
  async function uploadForm(user: SignedInUser, form: string, file: Buffer, name: string) {
    const token = await user.browser.csrf(form);
    return user.browser.agent.post(`${form}/bilagor`).set('Accept', 'text/html').field('_csrf', token).attach('file', file, name);
  }

  it('uploads the annual report through the Bilagor form, lists and serves it, refuses a fake PDF in Swedish, and removes it', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form, review } = paths(year, taskId);
    const empty = await simba.browser.get(form).expect(200);
    expect(empty.text).toContain('<h2 id="bilagor-rubrik">Bilagor</h2>');
    expect(empty.text).toContain(`<form method="post" action="${form}/bilagor" enctype="multipart/form-data" novalidate>`);
    expect(empty.text).toContain('<p>Inga bilagor.</p>');

    const uploaded = await uploadForm(simba, form, PDF, 'Årsrapport SIMBA 2025.pdf');
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.location).toBe(`${form}#bilagor-rubrik`);
    const listed = await simba.browser.get(form).expect(200);
    expect(listed.text).toContain('Bilagan Årsrapport SIMBA 2025.pdf är uppladdad.');
    const link = /<a href="(\/api\/v1\/tasks\/[^"]+\/attachments\/[0-9a-f-]+)" download>Årsrapport SIMBA 2025\.pdf<\/a> \(([^)]+)\), uppladdad [^<]+ av /.exec(listed.text);
    expect(link?.[2]).toBe(`${PDF.length} B`);
    const file = await simba.browser.get(link![1]!).buffer(true).expect(200);
    expect(file.headers['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.from(file.body as Buffer).equals(PDF)).toBe(true);
    expect((await county.browser.get(review).expect(200)).text).toContain(`<a href="${link![1]}" download>Årsrapport SIMBA 2025.pdf</a>`);

    const fake = await uploadForm(simba, form, Buffer.from('Det här är bara text, ingen PDF.'), 'rapport.pdf');
    expect(fake.status).toBe(415);
    expect(fake.text).toContain('<p id="bilaga-error" class="field-error">Filen är inte en PDF, ett Word-dokument (DOCX) eller en Excel-fil (XLSX). Typen avgörs av innehållet, inte av filnamnet.</p>');
    expect(fake.text).toContain('<a href="#bilaga">Filen är inte en PDF');
    expect((await simba.api.get(`/api/v1/tasks/${taskId}/attachments`).expect(200)).body).toHaveLength(1);

    const removeAction = /<form method="post" action="([^"]+\/ta-bort)"/.exec(listed.text)![1]!;
    const removed = await postForm(simba, form, removeAction, {});
    expect(removed.status).toBe(303);
    expect((await simba.api.get(`/api/v1/tasks/${taskId}/attachments`).expect(200)).body).toEqual([]);
  });

  it("refuses an upload to another delregion's analysis with 404, storing nothing", async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SKB');
    const { form } = paths(year, taskId);
    const token = await simba.browser.csrf('/konto');
    const refused = await simba.browser.agent.post(`${form}/bilagor`).set('Accept', 'text/html').field('_csrf', token).attach('file', PDF, 'intrang.pdf');
    expect(refused.status).toBe(404);
    expect((await county.api.get(`/api/v1/tasks/${taskId}/attachments`).expect(200)).body).toEqual([]);
  });

  it("answers 404 for another delregion's analysis, its revisions and its review", async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SKB');
    const { form } = paths(year, taskId);
    await simba.browser.get(form).expect(404);
    await simba.browser.get(`${form}/versioner/1`).expect(404);
    const refused = await postForm(simba, '/konto', form, { version: '0', do: 'save', 'f.successes': 'Intrång' });
    expect(refused.status).toBe(404);
    await simba.browser.get(paths(year, taskId).review).expect(403);
  });

  it('lets the county comment on a field (shown beside it for the delregion), resolve it, return with a summary, accept, and diff the revisions', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const { form, review, task } = paths(year, taskId);
    await save(simba, taskId, SIMBA_ANSWERS);
    await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);

    const page = await county.browser.get(review).expect(200);
    expect(page.text).toContain('Visar version 1, inlämnad');
    expect(page.text).toContain('<p>Implementering av skörhetsskalan CFS har påbörjats genom utbildning och instruktörsträffar.</p>');
    expect(page.text).toMatch(/<td>Workshop om in- och utskrivningsprocessen<\/td><td>[^<]+<\/td><td>Klart<\/td>/);
    expect(page.text).toContain('<label for="kommentar-successes">Kommentera: Årets framgångar</label>');

    const empty = await postForm(county, review, `${review}/kommentarer`, { target: 'successes', body: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('<p class="field-error" id="kommentar-successes-error">Skriv en kommentar.</p>');

    const commented = await postForm(county, review, `${review}/kommentarer`, { target: 'successes', body: 'Hur många har utbildats i CFS?' });
    expect(commented.status).toBe(303);
    const returned = await postForm(county, review, `${review}/atgard`, { action: 'return', reason: '' });
    expect(returned.status).toBe(422);
    expect(returned.text).toContain('<p class="field-error" id="reason-error">Skriv en sammanfattande kommentar till delregionen.</p>');
    expect((await postForm(county, review, `${review}/atgard`, { action: 'return', reason: 'Komplettera med antal utbildade.' })).status).toBe(303);

    const mine = await simba.browser.get(form).expect(200);
    expect(mine.text).toMatch(/<aside class="comments" aria-label="Kommentarer om Årets framgångar">[\s\S]*?<p class="comment-body">Hur många har utbildats i CFS\?<\/p>/);
    expect(mine.text.split('Hur många har utbildats i CFS?')).toHaveLength(2);
    expect(mine.text.indexOf('Hur många har utbildats i CFS?')).toBeGreaterThan(mine.text.indexOf('id="f-successes"'));
    expect(mine.text.indexOf('Hur många har utbildats i CFS?')).toBeLessThan(mine.text.indexOf('id="avsnitt-challenges_section"'));

    await save(simba, taskId, { successes: 'Implementering av skörhetsskalan CFS: 120 medarbetare utbildade.' });
    await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);

    const again = await county.browser.get(review).expect(200);
    const resolveAction = /<form method="post" action="([^"]+\/los)"/.exec(again.text)![1]!;
    expect((await postForm(county, review, resolveAction, {})).status).toBe(303);
    const resolved = await county.browser.get(review).expect(200);
    expect(resolved.text).toContain('– <strong>löst</strong>');

    const diff = await county.browser.get(`${form}/versioner/1/jamfor/2`).expect(200);
    expect(diff.text).toContain('<h2 id="diff-0">Årets framgångar <span class="change-kind">(Ändrat)</span></h2>');
    expect(diff.text).toContain('Implementering av skörhetsskalan CFS<ins>:</ins> <del>har</del><ins>120</ins> <del>påbörjats</del><ins>medarbetare</ins>');
    expect(diff.text).not.toContain('Årets utmaningar');

    const accepted = await postForm(county, review, `${review}/atgard`, { action: 'accept' });
    expect(accepted.status).toBe(303);
    const taskPage = await simba.browser.get(task).expect(200);
    expect(taskPage.text).toContain('<dt>Läge</dt><dd>Godkänd</dd>');
  });

  it('renders Markdown in long answers sanitised: script and raw HTML stay text', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    await save(simba, taskId, { ...SIMBA_ANSWERS, challenges: '**Viktigt**\n<script>alert(1)</script> [länk](javascript:alert(1))' });
    await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);
    const page = await county.browser.get(paths(year, taskId).review).expect(200);
    expect(page.text).toContain('<strong>Viktigt</strong>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('href="javascript:');
  });
});
