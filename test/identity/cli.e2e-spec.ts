import { CliHarness, openCliHarness } from '../support/cli-harness.js';

/** Runs CLI commands in this process against a test database, the way `npm run cli -- …` does. */
describe('CLI: users and tokens', () => {
  let harness: CliHarness;
  const cli = (args: string[], stdin?: string) => harness.run(args, stdin);

  beforeAll(async () => {
    harness = await openCliHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('creates a user with a password from standard input, who can then be listed', async () => {
    const { out } = await cli(
      ['user:create', '--email', 'Lena.Lund@Test.se', '--name', 'Lena Lund', '--role', 'delregion_coordinator', '--org', 'DR-SKB', '--password-stdin'],
      'ett långt skriptlösenord\n',
    );
    expect(out).toBe('Skapade lena.lund@test.se (delregion_coordinator, DR-SKB).');
    const [row] = (await harness.client.query(`SELECT password_hash FROM app_user WHERE email = 'lena.lund@test.se'`)).rows;
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const list = await cli(['user:list']);
    expect(list.out).toMatch(/lena\.lund@test\.se\s+Lena Lund\s+aktiv\s+delregion_coordinator@DR-SKB/);
  }, 60_000);

  it('refuses a weak password and an unknown role with a Swedish message', async () => {
    await expect(cli(['user:create', '--email', 'svag@test.se', '--name', 'Svag', '--role', 'viewer', '--password-stdin'], 'kort\n')).rejects.toMatchObject({
      detail: 'Lösenordet uppfyller inte kraven.',
    });
    await expect(cli(['user:create', '--email', 'x@test.se', '--name', 'X', '--role', 'kung', '--invite'])).rejects.toThrow('Okänd roll "kung"');
  }, 60_000);

  it('invites by link, prints a token once, and deactivates', async () => {
    const invited = await cli(['user:create', '--email', 'anna@test.se', '--name', 'Anna', '--role', 'county_coordinator', '--invite']);
    expect(invited.out).toMatch(/Inbjudningslänk .*\n(http:\/\/localhost:3000\/aterstall\/\S+)$/);

    const created = await cli(['token:create', '--email', 'anna@test.se', '--name', 'uppladdning', '--expires', '30d']);
    expect(created.out).toMatch(/^arsh_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toContain('Den visas bara nu');
    const [token] = (await harness.client.query(`SELECT t.name, t.expires_at FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = 'anna@test.se'`)).rows;
    expect(token.name).toBe('uppladdning');
    expect((token.expires_at.getTime() - Date.now()) / 86_400_000).toBeCloseTo(30, 1);
    await expect(cli(['token:create', '--email', 'anna@test.se', '--name', 'x', '--expires', 'snart'])).rejects.toThrow('--expires anges i dagar');

    const deactivated = await cli(['user:deactivate', '--email', 'ANNA@test.se']);
    expect(deactivated.out).toContain('Inaktiverade anna@test.se');
    const [user] = (await harness.client.query(`SELECT active FROM app_user WHERE email = 'anna@test.se'`)).rows;
    expect(user.active).toBe(false);
    // Anna's one token no longer works: revoked with her deactivation (an empty list would prove nothing).
    const tokens = (await harness.client.query(`SELECT t.name, t.revoked_at FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = 'anna@test.se'`)).rows;
    expect(tokens).toEqual([{ name: 'uppladdning', revoked_at: expect.any(Date) }]);
    // The audit trail names the command line as the actor of each of Anna's changes.
    const audited = (await harness.client.query(
      `SELECT action, actor_label FROM audit_event
        WHERE entity_id IN (SELECT id::text FROM app_user WHERE email = 'anna@test.se'
                            UNION SELECT t.id::text FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = 'anna@test.se')
        ORDER BY id`,
    )).rows;
    expect(audited.map((r) => r.action)).toEqual(expect.arrayContaining(['user.created', 'api_token.created', 'user.deactivated']));
    expect(audited.filter((r) => r.actor_label !== 'cli@arshjulet.local')).toEqual([]);
  }, 60_000);
});
