import { randomUUID } from 'node:crypto';
import { Role } from '@arshjulet/core';
import { AuditEvent } from '@arshjulet/audit';
import { RoleAssignment, User, UserAdminService, UserService } from '@arshjulet/org';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';

const USERS = '/administration/anvandare';

describe('user administration pages: invite a user and give roles without the CLI', () => {
  let t: TestApp;
  let admin: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedIn(Role.Admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const email = () => `ny.${randomUUID().slice(0, 8)}@test.se`;
  const userCount = () => t.dataSource.getRepository(User).count();
  const userByEmail = (address: string) => t.app.get(UserService).findByEmail(t.systemContext(), address);
  /** A user to act on, with one role; each test makes its own. */
  const target = async (role = Role.Viewer, orgUnitCode?: string) =>
    t.app.get(UserService).create(t.systemContext(), { email: email(), name: `Mål ${randomUUID().slice(0, 4)}`, assignments: [{ role, orgUnitCode }] });

  async function invite(form: Record<string, string>, status: number) {
    await admin.browser.csrf(`${USERS}/ny`);
    return admin.browser.post(`${USERS}/ny`).type('form').send(form).expect(status);
  }

  it('lists users with their roles and delregion, status and last sign-in; county coordinators may read it', async () => {
    const skaraborg = await target(Role.DelregionCoordinator, 'DR-SKB');
    const gone = await target(Role.Viewer);
    await t.app.get(UserAdminService).deactivate(t.systemContext(), gone.id, gone.version);

    const page = await admin.browser.get(USERS).expect(200);
    expect(page.text).toContain('<h1>Användare</h1>');
    expect(page.text).toContain(`<a href="${USERS}/ny">Bjud in en användare</a>`);
    const row = (user: User) => new RegExp(`<th scope="row"><a href="${USERS}/${user.id}">${user.name}</a></th>\\s*<td>${user.email}</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>`).exec(page.text)?.slice(1);
    expect(row(skaraborg)).toEqual(['Delregional samordnare, Vårdsamverkan Skaraborg', 'Aktiv', 'Aldrig']);
    expect(row(gone)).toEqual(['Läsare', 'Inaktiverad', 'Aldrig']);
    // The admin signed in through the form: a date and time.
    expect(row(admin.user)![2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(page.text).toContain(`<a href="${USERS}">Användare</a>`);

    const county = await t.signedIn(Role.CountyCoordinator);
    const read = await county.browser.get(USERS).expect(200);
    expect(read.text).toContain(skaraborg.email);
    expect(read.text).not.toContain(`href="${USERS}/ny"`);
    expect(read.text).not.toContain(`href="${USERS}/${skaraborg.id}"`);
    await county.browser.get(`${USERS}/ny`).expect(403);
    await county.browser.get(`${USERS}/${skaraborg.id}`).expect(403);

    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    await delregion.browser.get(USERS).expect(403);
    expect((await delregion.browser.get('/konto').expect(200)).text).not.toContain(`href="${USERS}"`);
    await t.browser().get(USERS).expect(303);
  });

  it('invites a delregion coordinator and shows the one-time link once; the link lets them choose a password', async () => {
    const address = email();
    const form = await admin.browser.get(`${USERS}/ny`).expect(200);
    expect(form.text).toContain('<label for="delregion">Delregion</label>');
    expect(form.text).toContain('<option value="DR-SKB">Vårdsamverkan Skaraborg</option>');

    const answer = await invite({ name: 'Karin Karlsson', email: address.toUpperCase(), role: Role.DelregionCoordinator, delregion: 'DR-SKB' }, 200);
    expect(answer.text).toContain('<h1>Inbjudan skapad</h1>');
    expect(answer.text).toContain('<dt>Roller</dt><dd>Delregional samordnare, Vårdsamverkan Skaraborg</dd>');
    const link = /<input id="lank" type="text" readonly value="([^"]+)"/.exec(answer.text)?.[1];
    expect(link).toMatch(/^http:\/\/localhost:\d+\/aterstall\/[A-Za-z0-9_-]{43}$/);

    const invited = await userByEmail(address);
    expect(invited).toMatchObject({ name: 'Karin Karlsson', active: true, passwordHash: null });
    expect(invited!.assignments.map((a) => [a.role, a.orgUnit?.code])).toEqual([[Role.DelregionCoordinator, 'DR-SKB']]);
    // The same invitation as the API and CLI give: one open link, audited.
    expect(await t.app.get(UserAdminService).openPasswordLinks(t.systemContext(), invited!.id)).toHaveLength(1);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.invitation_sent', entityId: invited!.id })).toBe(1);

    // Shown once: the user's page and the list never show it again.
    const token = link!.split('/').at(-1)!;
    expect((await admin.browser.get(`${USERS}/${invited!.id}`).expect(200)).text).not.toContain(token);
    expect((await admin.browser.get(USERS).expect(200)).text).not.toContain(token);
    const choose = await t.browser().get(`/aterstall/${token}`).expect(200);
    expect(choose.text).toContain('Karin Karlsson');
  });

  it('keeps what was typed and puts each mistake next to its field and in the summary, creating no one', async () => {
    const before = await userCount();
    const bad = await invite({ name: '  ', email: 'inte-en-adress', role: '' }, 400);
    expect(bad.text).toContain('<strong>Inbjudan kunde inte skickas. Rätta det som är markerat.</strong>');
    expect(bad.text).toContain('<p id="namn-error" class="field-error">Ange ett namn.</p>');
    expect(bad.text).toContain('<a href="#namn">Ange ett namn.</a>');
    expect(bad.text).toMatch(/<p id="epost-error" class="field-error">Ange en giltig e-postadress[^<]*<\/p>\s*<input id="epost"[^>]*value="inte-en-adress" aria-describedby="epost-error" aria-invalid="true">/);
    expect(bad.text).toContain('<a href="#roll">Välj en roll.</a>');

    const noDelregion = await invite({ name: 'Utan Delregion', email: email(), role: Role.DelregionCoordinator, delregion: '' }, 422);
    expect(noDelregion.text).toContain('<p id="delregion-error" class="field-error">Ange vilken delregion rollen gäller.</p>');
    expect(noDelregion.text).toContain('value="Utan Delregion"');
    expect(noDelregion.text).toContain(`<option value="${Role.DelregionCoordinator}" selected>`);

    const taken = await invite({ name: 'Dubblett', email: admin.user.email, role: Role.Viewer }, 409);
    expect(taken.text).toContain('<p id="epost-error" class="field-error">E-postadressen används redan.</p>');
    expect(await userCount()).toBe(before);
  });

  it('gives and takes roles, and deactivates and reactivates a user, with Swedish messages', async () => {
    const user = await target(Role.Viewer);
    const page = `${USERS}/${user.id}`;
    const post = async (path: string, form: Record<string, string>) => {
      await admin.browser.csrf(page);
      const version = String((await t.app.get(UserService).get(t.systemContext(), user.id)).version);
      await admin.browser.post(path).type('form').send({ version, ...form }).expect(303);
      return admin.browser.get(page).expect(200);
    };

    const given = await post(`${page}/roller`, { role: Role.DelregionCoordinator, delregion: 'DR-FBD' });
    expect(given.text).toContain(`<p class="alert" role="status">${user.name} har fått rollen.</p>`);
    expect(given.text).toContain('Delregional samordnare, Vårdsamverkan Fyrbodal');

    const missing = await post(`${page}/roller`, { role: Role.DelregionCoordinator, delregion: '' });
    expect(missing.text).toContain('<a href="#ny-delregion">Ange vilken delregion rollen gäller.</a>');
    expect(missing.text).toContain('<p id="ny-delregion-error" class="field-error">Ange vilken delregion rollen gäller.</p>');

    const viewer = (await t.dataSource.getRepository(RoleAssignment).findOneByOrFail({ userId: user.id, role: Role.Viewer })).id;
    const removed = await post(`${page}/roller/${viewer}/ta-bort`, {});
    expect(removed.text).toContain(`Rollen är borttagen från ${user.name}.`);
    expect((await t.app.get(UserService).get(t.systemContext(), user.id)).assignments.map((a) => a.role)).toEqual([Role.DelregionCoordinator]);

    const deactivated = await post(`${page}/inaktivera`, {});
    expect(deactivated.text).toContain('är inaktiverad: utloggad överallt');
    expect(deactivated.text).toContain('<dt>Status</dt><dd>Inaktiverad – kan inte logga in</dd>');
    expect(deactivated.text).toContain(`Aktivera ${user.name} igen`);
    const reactivated = await post(`${page}/aktivera`, {});
    expect(reactivated.text).toContain('är aktiv igen och kan logga in.');
    expect((await t.app.get(UserService).get(t.systemContext(), user.id)).active).toBe(true);
  });

  it('refuses a change made on a stale page, saying so, and changes nothing', async () => {
    const user = await target(Role.Viewer);
    await admin.browser.csrf(`${USERS}/${user.id}`);
    await admin.browser.post(`${USERS}/${user.id}/inaktivera`).type('form').send({ version: String(user.version + 5) }).expect(303);
    const page = await admin.browser.get(`${USERS}/${user.id}`).expect(200);
    expect(page.text).toContain('Någon annan har ändrat uppgifterna under tiden.');
    expect((await t.app.get(UserService).get(t.systemContext(), user.id)).active).toBe(true);
  });

  it('will not deactivate or demote the last active administrator, and says why in Swedish', () => onOwnApp(async (own) => {
    const only = await own.signedIn(Role.Admin);
    // Every other administrator (the first one the app created) is deactivated first: `only` is the last one.
    const admins = await own.dataSource.getRepository(RoleAssignment).find({ where: { role: Role.Admin }, relations: { user: true } });
    for (const { user } of admins.filter((a) => a.userId !== only.user.id && a.user.active)) {
      await own.app.get(UserAdminService).deactivate(own.systemContext(), user.id, user.version);
    }
    const page = `${USERS}/${only.user.id}`;
    const adminRole = admins.find((a) => a.userId === only.user.id)!.id;
    for (const path of [`${page}/inaktivera`, `${page}/roller/${adminRole}/ta-bort`]) {
      await only.browser.csrf(page);
      await only.browser.post(path).type('form').send({ version: String(only.user.version) }).expect(303);
      const answer = await only.browser.get(page).expect(200);
      expect(answer.text).toContain('Det måste finnas minst en aktiv administratör. Utse en ny administratör först.');
    }
    expect(await own.app.get(UserService).get(own.systemContext(), only.user.id)).toMatchObject({ active: true, assignments: [expect.objectContaining({ role: Role.Admin })] });
  }));

  it('refuses a form without the session\'s CSRF token, creating no one', async () => {
    const before = await userCount();
    const forged = await admin.browser.agent.post(`${USERS}/ny`).set('Accept', 'text/html').type('form')
      .send({ _csrf: 'förfalskad', name: 'Falsk', email: email(), role: Role.Admin });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Formuläret kunde inte skickas');
    expect(await userCount()).toBe(before);
  });
});
