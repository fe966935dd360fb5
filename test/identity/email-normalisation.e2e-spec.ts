import { RequestContext, Role } from '@arshjulet/core';
import { FirstAdminBootstrap, UserService } from '@arshjulet/org';
import { NormalizeUserEmails1796061772833 } from '../../migrations/1796061772833-NormalizeUserEmails.js';
import { CliHarness, openCliHarness } from '../support/cli-harness.js';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * One person, one address: `Anna@Example.SE`, `ａｎｎａ@example.se` (full-width) and `anna@example.se` are the same
 * account everywhere an address enters; `аnna@example.se` with a Cyrillic а is not let in as a different one.
 */
describe('e-mail addresses are normalised and look-alikes refused', () => {
  let t: TestApp;
  let admin: TestUser;
  let firstAdminEmail: string | undefined;

  beforeAll(async () => {
    t = await createTestApp({ FIRST_ADMIN_EMAIL: 'Första.Admin@Example.SE' });
    firstAdminEmail = (await t.app.get(FirstAdminBootstrap).ensure(RequestContext.system('test')))?.email;
    admin = await t.userWith(Role.Admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const createUser = (email: string) =>
    admin.api.post('/api/v1/users').send({ email, name: 'Anna Andersson', assignments: [{ role: Role.Viewer }] });
  const countUsers = async (like: string): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM app_user WHERE email LIKE $1', [like])) as Array<{ n: number }>)[0]!.n;

  it('stores the first administrator\'s address in its normal form', () => {
    expect(firstAdminEmail).toBe('första.admin@example.se');
  });

  it('refuses an address whose local part mixes Latin and Cyrillic letters, with a Swedish field message (422)', async () => {
    const before = await countUsers('%nna.look@example.se');
    const response = await createUser('\u0430nna.look@example.se').expect(422);
    expect(response.body).toMatchObject({ code: 'user.invalid_email', errors: [{ path: 'email', message: expect.stringContaining('olika alfabet') }] });
    expect(await countUsers('%nna.look@example.se')).toBe(before);
    // A whole local part in one script is someone's real address.
    await createUser('ольга@example.se').expect(201);
  });

  it('refuses a domain that is not plain ASCII (an international domain is given in its xn-- form)', async () => {
    const response = await createUser('anna@ex\u00e4mple.se').expect(422);
    expect(response.body.errors).toEqual([{ path: 'email', message: expect.stringContaining('xn--') }]);
    await createUser('anna@xn--exmple-cua.se').expect(201);
  });

  it('treats ANNA@example.se and a full-width ａｎｎａ as the existing anna@example.se (409)', async () => {
    await createUser('  Anna.Dup@Example.SE ').expect(201).expect((r) => expect(r.body.email).toBe('anna.dup@example.se'));
    const upper = await createUser('ANNA.DUP@example.se').expect(409);
    expect(upper.body).toMatchObject({ code: 'user.email_taken', errors: [{ path: 'email', message: 'E-postadressen används redan.' }] });
    await createUser('\uff41\uff4e\uff4e\uff41.dup\uff20example.se').expect(409);
    expect(await countUsers('anna.dup@example.se')).toBe(1);
  });

  it('signs Anna@Example.SE (or her full-width address) in as anna@example.se', async () => {
    const user = await t.app.get(UserService).create(RequestContext.system('test'), {
      email: 'anna.login@example.se', name: 'Anna', password: 'ett långt lösenord för anna', assignments: [{ role: Role.Viewer }],
    });
    for (const typed of [' Anna.Login@Example.SE ', '\uff21nna.login@example.se']) {
      const response = await t.browser().login(typed, 'ett långt lösenord för anna');
      expect(response.status).toBe(303);
    }
    const logins = (await t.dataSource.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login_succeeded' AND entity_id = $1", [user.id])) as Array<{ n: number }>;
    expect(logins[0]!.n).toBe(2);
    // The Cyrillic look-alike is simply another, unknown address.
    expect((await t.browser().login('\u0430nna.login@example.se', 'ett långt lösenord för anna')).status).toBe(401);
  });

  it('refuses to change an address to a look-alike, and keeps the old one', async () => {
    const created = await createUser('bertil@example.se').expect(201);
    const response = await admin.api.patch(`/api/v1/users/${created.body.id}`).send({ version: created.body.version, email: 'b\u0435rtil@example.se' }).expect(422);
    expect(response.body.code).toBe('user.invalid_email');
    expect((await admin.api.get(`/api/v1/users/${created.body.id}`).expect(200)).body.email).toBe('bertil@example.se');
  });

  it('brings stored addresses to the normal form in a migration, leaving one that would collide', async () => {
    await t.dataSource.query(
      "INSERT INTO app_user (email, name, version) VALUES ('\uff43arin@example.se', 'Carin', 1), ('dora@example.se', 'Dora', 1), ('\uff44ora@example.se', 'Dora 2', 1)",
    );
    const runner = t.dataSource.createQueryRunner();
    try {
      await new NormalizeUserEmails1796061772833().up(runner);
    } finally {
      await runner.release();
    }
    const rows = (await t.dataSource.query("SELECT name, email FROM app_user WHERE name IN ('Carin', 'Dora', 'Dora 2') ORDER BY name")) as Array<{ name: string; email: string }>;
    expect(rows).toEqual([
      { name: 'Carin', email: 'carin@example.se' },
      { name: 'Dora', email: 'dora@example.se' },
      { name: 'Dora 2', email: '\uff44ora@example.se' },
    ]);
  });

  describe('on the command line', () => {
    let harness: CliHarness;
    beforeAll(async () => {
      harness = await openCliHarness();
    });
    afterAll(async () => {
      await harness.close();
    });

    it('user:create stores the normal form and refuses a look-alike with the Swedish message', async () => {
      const { out } = await harness.run(['user:create', '--email', ' \uff2cena@Example.SE', '--name', 'Lena', '--role', 'viewer', '--invite']);
      expect(out).toMatch(/^Skapade lena@example\.se \(viewer\)\./);
      await expect(harness.run(['user:create', '--email', 'l\u0435na2@example.se', '--name', 'Lena', '--role', 'viewer', '--invite'])).rejects.toMatchObject({
        code: 'user.invalid_email',
        errors: [{ path: 'email', message: expect.stringContaining('olika alfabet') }],
      });
      expect((await harness.client.query("SELECT count(*)::int AS n FROM app_user WHERE name = 'Lena'")).rows).toEqual([{ n: 1 }]);
    }, 60_000);
  });
});
