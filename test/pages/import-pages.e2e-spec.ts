import { Role } from '@arshjulet/core';
import { ImportBatch, IndicatorValue } from '@arshjulet/indicators';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';
import { importFile, seedFixture } from '../indicators/indicator-fixtures.js';

const NBSP = '\u00a0';

const ENV = { INDICATOR_IMPORT_MAX_MB: '1' };

describe('import pages: upload, preview, save or discard – on plain HTML forms', () => {
  let t: TestApp;
  let coordinator: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp(ENV);
    coordinator = await t.signedIn(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const batches = () => t.dataSource.getRepository(ImportBatch).count();
  const values = (app = t) => app.dataSource.getRepository(IndicatorValue).count();

  /**
   * For a test that needs no imports at all (an empty list, a first import): its own app and signed-in county
   * coordinator, so it passes alone and in any order. The others compare counts before and after.
   */
  const alone = (body: (t: TestApp, coordinator: SignedInUser) => Promise<void>) => () =>
    onOwnApp(async (t) => body(t, await t.signedIn(Role.CountyCoordinator)), ENV);

  /** Posts the upload form as a browser does: multipart, the CSRF token as a field before the file. */
  async function uploadForm(user: SignedInUser, file: Buffer | string, name: string, fields: Record<string, string> = {}, csrf?: string) {
    const token = csrf ?? (await user.browser.csrf('/importer'));
    let request = user.browser.agent.post('/importer').set('Accept', 'text/html').field('_csrf', token);
    for (const [key, value] of Object.entries(fields)) request = request.field(key, value);
    return request.attach('file', typeof file === 'string' ? Buffer.from(file, 'utf8') : file, name);
  }

  it('shows the upload form and the batch list in Swedish', alone(async (_t, coordinator) => {
    const page = await coordinator.browser.get('/importer').expect(200);
    expect(page.text).toContain('<h1>Importer</h1>');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">\s*<label for="blad">/);
    expect(page.text).toContain('<label for="fil">Fil</label>');
    expect(page.text).toContain('Inga importer ännu.');
  }));

  it('refuses a delregion coordinator (403) and sends an anonymous visitor to log in', async () => {
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const refused = await delregion.browser.get('/importer').expect(403);
    expect(refused.text).toContain('<html lang="sv">');
    const menu = await delregion.browser.get('/indikatorer').expect(200);
    expect(menu.text).not.toContain('href="/importer"');
    await t.browser().get('/importer').expect(303);
  });

  it('uploads the seed 001 table, previews it, and saves it: the values are then there', alone(async (t, coordinator) => {
    const upload = await uploadForm(coordinator, seedFixture('iu03-hospitals-2025-long.csv'), 'IU03 2025.csv');
    expect(upload.status).toBe(303);
    const location = upload.headers.location as string;
    expect(location).toMatch(/^\/importer\/[0-9a-f-]{36}$/);
    expect(await values(t)).toBe(0);

    const preview = await coordinator.browser.get(location).expect(200);
    expect(preview.text).toContain('<h1>Import av IU03 2025.csv</h1>');
    expect(preview.text).toContain('Filen har 28 värden: 28 nya, 0 ändrade, 0 oförändrade, 0 avvisade. Importen kan genomföras.');
    expect(preview.text).toMatch(/<th scope="row">Nya<\/th><td class="num">28<\/td>/);
    expect(preview.text).toContain('Förhandsgranskad – inte sparad');
    expect(preview.text).toMatch(/<button type="submit">Spara importen<\/button>/);
    expect(preview.text).toContain('Kasta importen');

    await coordinator.browser.csrf(location);
    const saved = await coordinator.browser.post(`${location}/spara`).type('form').send({}).expect(303);
    expect(saved.headers.location).toBe(location);
    expect(await values(t)).toBe(28);
    const after = await coordinator.browser.get(location).expect(200);
    expect(after.text).toContain('<p class="alert" role="status">Importen är sparad: 28 nya och 0 ändrade värden.</p>');
    expect(after.text).not.toContain('Spara importen');

    // Saving again: 409 in the API, a Swedish message on the page.
    await coordinator.browser.csrf(location);
    await coordinator.browser.post(`${location}/spara`).type('form').send({}).expect(303);
    const again = await coordinator.browser.get(location).expect(200);
    expect(again.text).toContain('Importen är redan genomförd och kan inte ändras.');

    const list = await coordinator.browser.get('/importer').expect(200);
    expect(list.text).toMatch(/<a href="\/importer\/[0-9a-f-]{36}">IU03 2025.csv<\/a>/);
    expect(list.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(list.text).toContain('<td>Sparad</td>');
  }));

  it('discards a preview: nothing is written and the page says so', async () => {
    const before = await values();
    const upload = await uploadForm(coordinator, 'indikator;enhet;period;värde\nPC01;Västra Götaland;2024;62,6\n', 'pc01.csv');
    expect(upload.status).toBe(303);
    const location = upload.headers.location as string;
    await coordinator.browser.csrf(location);
    await coordinator.browser.post(`${location}/kasta`).type('form').send({}).expect(303);
    const page = await coordinator.browser.get(location).expect(200);
    expect(page.text).toContain('Importen är kastad. Inget sparades.');
    expect(page.text).toContain('<dd>Kastad</dd>');
    expect(await values()).toBe(before);
  });

  it('lists rejected rows with line and Swedish reason, and will not save them', async () => {
    const before = await values();
    const upload = await uploadForm(coordinator, 'indikator;enhet;period;värde\nPC01;Västra Götaland;2024;62,6\nPC01;Atlantis;2024;50\nPC01;Västra Götaland;igår;50\n', 'fel.csv');
    expect(upload.status).toBe(303);
    const location = upload.headers.location as string;
    const page = await coordinator.browser.get(location).expect(200);
    expect(page.text).toMatch(/<th scope="row">Avvisade<\/th><td class="num">2<\/td>/);
    expect(page.text).toMatch(/<th scope="row" class="num">3<\/th><td>[^<]*Atlantis[^<]*<\/td>/);
    expect(page.text).toMatch(/<th scope="row" class="num">4<\/th><td>[^<]*igår[^<]*<\/td>/);
    expect(page.text).toContain('<button type="submit" disabled aria-describedby="commit-blocked">Spara importen</button>');
    expect(page.text).toContain('Importen kan inte sparas eftersom filen har avvisade rader.');

    // Posting the disabled form anyway: refused with the reason, on the page.
    await coordinator.browser.csrf(location);
    await coordinator.browser.post(`${location}/spara`).type('form').send({}).expect(303);
    const refused = await coordinator.browser.get(location).expect(200);
    expect(refused.text).toContain('Importen har 2 avvisade rader och genomförs inte');
    expect(await values()).toBe(before);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'tom.csv', 'Filen är tom.'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]), 'bild.csv', 'binär'],
  ])('refuses %s with a Swedish message tied to the file field, writing nothing', async (_what, file, name, message) => {
    const [batchesBefore, valuesBefore] = [await batches(), await values()];
    const response = await uploadForm(coordinator, file, name);
    expect(response.status).toBe(303);
    const page = await coordinator.browser.get('/importer').expect(200);
    expect(page.text).toContain('<strong>Filen kunde inte läsas in. Inget har sparats.</strong>');
    expect(page.text).toMatch(new RegExp(`<p id="fil-error" class="field-error">[^<]*${message}[^<]*</p>\\s*<input id="fil" name="file" type="file"[^>]*aria-describedby="fil-hint fil-error"[^>]*aria-invalid="true"`));
    expect([await batches(), await values()]).toEqual([batchesBefore, valuesBefore]);
  });

  it('refuses a file over the size limit at once, with a Swedish page and nothing written', async () => {
    const [batchesBefore, valuesBefore] = [await batches(), await values()];
    const response = await uploadForm(coordinator, Buffer.alloc(1024 * 1024 + 70 * 1024, 'a'), 'stor.csv');
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('Filen är för stor. Största tillåtna storlek är 1 MB.');
    expect([await batches(), await values()]).toEqual([batchesBefore, valuesBefore]);
  });

  it('asks for a file when none was chosen, and checks the indicator code field', async () => {
    const token = await coordinator.browser.csrf('/importer');
    // Exactly what Chromium sends for a file field left empty: a part with filename="".
    const boundary = '----formgranska';
    const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
    const body = part('Content-Disposition: form-data; name="_csrf"', token) + part('Content-Disposition: form-data; name="sheet"', '') +
      part('Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream', '') + `--${boundary}--\r\n`;
    await coordinator.browser.agent.post('/importer').set('Accept', 'text/html').set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body).expect(303);
    const page = await coordinator.browser.get('/importer').expect(200);
    expect(page.text).toContain('<p id="fil-error" class="field-error">Välj en fil att ladda upp.</p>');
    expect(page.text).toContain('<a href="#fil">Välj en fil att ladda upp.</a>');

    expect((await uploadForm(coordinator, 'x', 'x.csv', { indicator: 'inte en kod!' })).status).toBe(303);
    const bad = await coordinator.browser.get('/importer').expect(200);
    expect(bad.text).toContain('<p id="indikator-error" class="field-error">Ange en indikatorkod som IU03, eller lämna fältet tomt.</p>');
  });

  it('enforces CSRF on every form: upload, save and discard', async () => {
    const [batchesBefore, valuesBefore] = [await batches(), await values()];
    const forged = await uploadForm(coordinator, seedFixture('iu03-hospitals-2025-long.csv'), 'IU03.csv', {}, 'förfalskad-token');
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Formuläret kunde inte skickas');

    // A multipart post without any token, as a cross-site form would send it.
    const bare = await coordinator.browser.agent.post('/importer').set('Accept', 'text/html').attach('file', Buffer.from('x'), 'x.csv');
    expect(bare.status).toBe(403);
    expect(await batches()).toBe(batchesBefore);

    // A multipart post to a form that is not an upload never slips past the check.
    const upload = await uploadForm(coordinator, 'indikator;enhet;period;värde\nPC01;Västra Götaland;2023;57,4\n', 'pc.csv');
    expect(upload.status).toBe(303);
    const location = upload.headers.location as string;
    const sneaky = await coordinator.browser.agent.post(`${location}/spara`).set('Accept', 'text/html').field('a', 'b');
    expect(sneaky.status).toBe(403);
    const plain = await coordinator.browser.agent.post(`${location}/kasta`).set('Accept', 'text/html').type('form').send({ _csrf: 'fel' });
    expect(plain.status).toBe(403);
    expect(await values()).toBe(valuesBefore);
    expect((await t.dataSource.getRepository(ImportBatch).findOneByOrFail({ id: location.split('/').at(-1)! })).status).toBe('previewed');
  });

  it('shows the numbers of the saved import on the indicator page', alone(async (_t, coordinator) => {
    await importFile(coordinator.api, seedFixture('iu03-hospitals-2025-long.csv'), 'IU03 2025.csv');
    const page = await coordinator.browser.get('/indikatorer/IU03?period=2025-Q2').expect(200);
    expect(page.text).toContain(`från 4${NBSP}% i Alingsås lasarett till 15${NBSP}% i Kungälvs sjukhus (Q2 2025)`);
  }));
});
