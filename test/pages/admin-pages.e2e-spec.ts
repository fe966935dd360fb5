import { randomUUID } from 'node:crypto';
import { AuditService } from '@arshjulet/audit';
import { RequestContext, Role } from '@arshjulet/core';
import { Indicator, IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit } from '@arshjulet/indicators';
import { ThemeTag, ThemeTagService } from '@arshjulet/templates';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';

let next = 1;

describe('administration pages: the indicator catalogue with its history, the theme vocabulary, the audit trail', () => {
  let t: TestApp;
  let county: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    county = await t.signedIn(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  async function postForm(user: SignedInUser, page: string, action: string, body: Record<string, string>) {
    await user.browser.csrf(page);
    return user.browser.post(action).type('form').send(body);
  }

  /** An indicator of this test's own, at version 1. */
  async function indicator(): Promise<Indicator> {
    const repository = t.dataSource.getRepository(Indicator);
    return repository.save(repository.create({
      code: `AP${String(next++).padStart(2, '0')}`,
      name: 'Andel testpatienter',
      description: null,
      group: IndicatorGroup.Shift,
      area: 'sip',
      kind: IndicatorKind.Quality,
      direction: IndicatorDirection.Higher,
      unit: IndicatorUnit.Percent,
      source: 'Test',
      target: null,
      koladaKpiId: null,
      note: null,
      phrase: null,
      active: true,
      customizedAt: null,
    }));
  }

  const editForm = (version: number, fields: Record<string, string> = {}) => ({
    version: String(version), name: 'Andel testpatienter', description: '', phrase: '', target: '', direction: 'higher', unit: 'percent', active: 'ja', ...fields,
  });

  it('edits an indicator through the form; its history says who changed what, before → after, in Swedish', async () => {
    const created = await indicator();
    const list = await county.browser.get('/administration/indikatorer').expect(200);
    expect(list.text).toContain(`<a href="/administration/indikatorer/${created.code}">${created.code}</a>`);

    const path = `/administration/indikatorer/${created.code}`;
    const page = await county.browser.get(path).expect(200);
    expect(page.text).toContain('Ingen har ändrat indikatorn i appen ännu.');
    expect(page.text).toContain('<input type="hidden" name="version" value="1">');

    const saved = await postForm(county, path, path, editForm(1, {
      name: 'Andel testpatienter med SIP', phrase: 'testpatienter med SIP', target: '12,5', direction: 'lower', unit: 'count', active: 'nej',
    }));
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(path);

    const after = await county.browser.get(path).expect(200);
    expect(after.text).toContain(`${created.code} är sparad (version 2).`);
    expect(after.text).toContain(`<strong>Ändrades</strong>`);
    expect(after.text).toContain(`av ${county.user.email}`);
    expect(after.text).toContain('<li>Namn: ”Andel testpatienter” → ”Andel testpatienter med SIP”</li>');
    expect(after.text).toContain('<li>Mål: (tomt) → 12,5</li>');
    expect(after.text).toContain('<li>Riktning: Högre är bättre → Lägre är bättre</li>');
    expect(after.text).toContain('<li>Enhet: Procent → Antal</li>');
    expect(after.text).toContain('<li>Aktiv: ja → nej</li>');
    expect(after.text).toContain('<li>Fras i genererad text: (tomt) → ”testpatienter med SIP”</li>');

    const stored = await t.dataSource.getRepository(Indicator).findOneByOrFail({ id: created.id });
    expect(stored).toMatchObject({ name: 'Andel testpatienter med SIP', target: 12.5, direction: 'lower', unit: 'count', active: false, version: 2 });
    expect(stored.customizedAt).not.toBeNull();

    // A second edit is listed above the first: newest first.
    expect((await postForm(county, path, path, editForm(2, { name: 'Tredje namnet', target: '12,5', direction: 'lower', unit: 'count', active: 'ja' }))).status).toBe(303);
    const twice = await county.browser.get(path).expect(200);
    expect(twice.text.indexOf('”Tredje namnet”')).toBeLessThan(twice.text.indexOf('→ ”Andel testpatienter med SIP”'));
  });

  it('answers bad input with Swedish messages beside the fields and changes nothing; a stale version shows the indicator as it is now', async () => {
    const created = await indicator();
    const path = `/administration/indikatorer/${created.code}`;
    const refused = await postForm(county, path, path, editForm(1, { name: '', target: 'åtta', direction: 'sidled' }));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Indikatorn sparades inte. Rätta det som är markerat.');
    expect(refused.text).toContain('<p id="namn-error" class="field-error">Ange indikatorns namn (minst 2 tecken).</p>');
    expect(refused.text).toContain('<p id="mal-error" class="field-error">Ange målet som ett tal, till exempel 80 eller 12,5, eller lämna fältet tomt.</p>');
    expect(refused.text).toContain('<p id="riktning-error" class="field-error">Välj en riktning.</p>');
    expect(refused.text).toContain('value="åtta"');
    expect(refused.text).toContain('aria-describedby="mal-hint mal-error" aria-invalid="true"');
    const unchanged = await t.dataSource.getRepository(Indicator).findOneByOrFail({ id: created.id });
    expect(unchanged).toMatchObject({ name: 'Andel testpatienter', target: null, direction: 'higher', version: 1 });

    // Someone else saves first: my save is refused, the form shows theirs (version 2) and lists what I typed.
    await t.dataSource.getRepository(Indicator).update({ id: created.id }, { name: 'Någon annans namn' });
    const stale = await postForm(county, path, path, editForm(1, { name: 'Mitt namn' }));
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Någon annan har ändrat indikatorn under tiden.');
    expect(stale.text).toContain('value="Någon annans namn"');
    expect(stale.text).toContain('<input type="hidden" name="version" value="2">');
    expect(stale.text).toContain('<h2 id="dina-andringar">Dina ändringar (inte sparade)</h2>');
    expect(stale.text).toContain('<dd>Mitt namn</dd>');
    expect((await t.dataSource.getRepository(Indicator).findOneByOrFail({ id: created.id })).name).toBe('Någon annans namn');

    await county.browser.get('/administration/indikatorer/FINNS_INTE').expect(404);
  });

  it('adds a theme (its key made from the name), renames and deactivates it; bad input is refused in Swedish and adds nothing', async () => {
    const label = `Vårdövergångar ${randomUUID().slice(0, 8)}`;
    const added = await postForm(county, '/administration/teman', '/administration/teman', { label, key: '' });
    expect(added.status).toBe(303);
    const key = `vardovergangar_${label.split(' ')[1]}`;
    const tag = await t.dataSource.getRepository(ThemeTag).findOneByOrFail({ key });
    expect(tag).toMatchObject({ label, active: true });
    const page = await county.browser.get('/administration/teman').expect(200);
    expect(page.text).toContain(`Temat ${label} är tillagt.`);
    expect(page.text).toContain(`<th scope="row">${label}</th>`);

    expect((await postForm(county, '/administration/teman', `/administration/teman/${key}`, { version: '1', label: `${label} (nytt namn)` })).status).toBe(303);
    expect((await postForm(county, '/administration/teman', `/administration/teman/${key}/inaktivera`, { version: '2' })).status).toBe(303);
    const deactivated = await county.browser.get('/administration/teman').expect(200);
    expect(deactivated.text).toContain(`Temat ${label} (nytt namn) är inaktiverat`);
    expect(deactivated.text).toMatch(new RegExp(`${key}</code></td>\\s*<td>Inaktivt</td>`));
    expect(await t.app.get(ThemeTagService).activeKeys(t.systemContext())).not.toContain(key);

    // A stale version, an empty name, a bad key and a taken key: each refused with its message, nothing changes.
    const count = await t.dataSource.getRepository(ThemeTag).count();
    expect((await postForm(county, '/administration/teman', `/administration/teman/${key}/aktivera`, { version: '1' })).status).toBe(303);
    expect((await county.browser.get('/administration/teman').expect(200)).text).toContain('Någon annan har ändrat temat under tiden.');
    expect((await postForm(county, '/administration/teman', '/administration/teman', { label: '   ', key: '' })).status).toBe(303);
    const empty = await county.browser.get('/administration/teman').expect(200);
    expect(empty.text).toContain('<p id="nytt-namn-error" class="field-error">Ange temats namn.</p>');
    expect(empty.text).toContain('<a href="#nytt-namn">Ange temats namn.</a>');
    await postForm(county, '/administration/teman', '/administration/teman', { label: 'Något', key: 'Stora Bokstäver' });
    expect((await county.browser.get('/administration/teman').expect(200)).text).toContain('<p id="ny-nyckel-error" class="field-error">Nyckeln måste börja med en liten bokstav');
    await postForm(county, '/administration/teman', '/administration/teman', { label: 'Dubblett', key });
    expect((await county.browser.get('/administration/teman').expect(200)).text).toContain(`<p id="ny-nyckel-error" class="field-error">Temat ”${key}” finns redan.</p>`);
    await postForm(county, '/administration/teman', `/administration/teman/${key}`, { version: '3', label: '' });
    expect((await county.browser.get('/administration/teman').expect(200)).text).toContain(`<p id="namn-${key}-error" class="field-error">Ange temats namn.</p>`);
    expect(await t.dataSource.getRepository(ThemeTag).count()).toBe(count);
    expect(await t.dataSource.getRepository(ThemeTag).findOneByOrFail({ key })).toMatchObject({ label: `${label} (nytt namn)`, active: false, version: 3 });
  });

  it('narrows the audit trail by type, event, person, org unit and dates; bad filters get Swedish messages and no list', async () => {
    const admin = await t.signedIn(Role.Admin);
    const label = `Loggtema ${randomUUID().slice(0, 8)}`;
    await postForm(admin, '/administration/teman', '/administration/teman', { label, key: '' });
    const created = await indicator();
    const path = `/administration/indikatorer/${created.code}`;
    await postForm(admin, path, path, editForm(1, { name: 'Loggad indikator' }));
    const skaraborg = (await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-SKB'`))[0].id as string;
    const actor = { userId: null, email: 'loggtest@arshjulet.local', name: 'Loggtest', assignments: [{ role: Role.Admin, orgUnitId: null }], via: 'system' as const };
    await t.app.get(AuditService).record(RequestContext.create({ actor }), { action: 'task.due_date_changed', entityType: 'analysis_task', entityId: 'uppgift-1', orgUnitId: skaraborg, before: { dueDate: '2026-03-01' }, after: { dueDate: '2026-03-15' } });

    const mine = `aktor=${encodeURIComponent(admin.user.email)}`;
    const all = await county.browser.get(`/administration/logg?${mine}`).expect(200);
    expect(all.text).toContain('<th scope="row">Tema tillagt</th>');
    expect(all.text).toContain('<th scope="row">Indikator ändrad</th>');
    expect(all.text).toMatch(/<p role="status">\d+ händelser som matchar filtren, nyast först\.<\/p>/);

    const themes = await county.browser.get(`/administration/logg?${mine}&typ=theme_tag`).expect(200);
    expect(themes.text).toContain('<p role="status">1 händelse som matchar filtren, nyast först.</p>');
    expect(themes.text).toContain('<th scope="row">Tema tillagt</th>');
    expect(themes.text).toContain(`<li>Namn: ”${label}”</li>`);
    expect(themes.text).not.toContain('<th scope="row">Indikator ändrad</th>');
    expect(themes.text).toContain('<option value="theme_tag" selected>Tema</option>');

    const edits = await county.browser.get(`/administration/logg?${mine}&handling=indicator.updated`).expect(200);
    expect(edits.text).toContain('<li>Namn: ”Andel testpatienter” → ”Loggad indikator”</li>');
    expect(edits.text).not.toContain('<th scope="row">Tema tillagt</th>');

    const unit = await county.browser.get('/administration/logg?enhet=DR-SKB&typ=analysis_task').expect(200);
    expect(unit.text).toContain('<th scope="row">Sista dag ändrad</th>');
    expect(unit.text).toContain('<td>Vårdsamverkan Skaraborg</td>');
    expect(unit.text).toContain('<li>Sista dag: ”2026-03-01” → ”2026-03-15”</li>');
    expect(unit.text).not.toContain('<th scope="row">Tema tillagt</th>');

    const future = await county.browser.get(`/administration/logg?${mine}&fran=2999-01-01`).expect(200);
    expect(future.text).toContain('<p role="status">0 händelser som matchar filtren, nyast först.</p>');
    const past = await county.browser.get(`/administration/logg?${mine}&till=2000-01-01`).expect(200);
    expect(past.text).toContain('<p role="status">0 händelser');
    const around = await county.browser.get(`/administration/logg?${mine}&fran=2000-01-01&till=2999-12-31&typ=indicator`).expect(200);
    expect(around.text).toContain('<th scope="row">Indikator ändrad</th>');

    const bad = await county.browser.get('/administration/logg?fran=19%20mars&till=2026-02-30&enhet=FINNS-INTE&handling=DROP%20TABLE').expect(400);
    expect(bad.text).toContain('Filtren innehåller fel. Rätta det som är markerat för att se händelserna.');
    expect(bad.text).toContain('<p id="fran-error" class="field-error">Ange ett datum som 2026-03-19.</p>');
    expect(bad.text).toContain('<p id="till-error" class="field-error">Ange ett datum som 2026-03-19.</p>');
    expect(bad.text).toContain('<p id="handling-error" class="field-error">Välj en händelse i listan.</p>');
    expect(bad.text).not.toContain('<table class="audit">');
    const backwards = await county.browser.get('/administration/logg?fran=2026-03-20&till=2026-03-19').expect(400);
    expect(backwards.text).toContain('Till och med får inte vara före från och med.');
    const unknownUnit = await county.browser.get('/administration/logg?enhet=FINNS-INTE').expect(400);
    expect(unknownUnit.text).toContain('Organisationsenheten finns inte. Välj en i listan.');
  });

  it('lists on /administration the administration pages each person may use, and refuses those with none', async () => {
    const admin = await t.signedIn(Role.Admin);
    const forAdmin = await admin.browser.get('/administration').expect(200);
    for (const href of ['/administration/anvandare', '/administration/organisation', '/administration/indikatorer', '/administration/teman', '/administration/mallar', '/administration/logg', '/administration/utskick']) {
      expect(forAdmin.text).toContain(`<a href="${href}">`);
    }
    const forCounty = await county.browser.get('/administration').expect(200);
    expect(forCounty.text).toContain('<a href="/administration/logg">Logg</a>');
    expect(forCounty.text).not.toContain('<a href="/administration/utskick">');
    expect(forCounty.text).not.toContain('<a href="/administration/organisation">');
    expect(forCounty.text).toContain('<a href="/administration">Administration</a>');
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    await delregion.browser.get('/administration').expect(403);
    await delregion.browser.get('/administration/logg').expect(403);
    expect((await delregion.browser.get('/konto').expect(200)).text).not.toContain('<a href="/administration">');
  });
});
