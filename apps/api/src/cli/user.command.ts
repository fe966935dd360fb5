import type { Command } from 'commander';
import { formatDateTime, Role, ROLES } from '@arshjulet/core';
import { ApiTokenService, API_TOKEN_MAX_DAYS, UserAdminService, UserException, UserService } from '@arshjulet/org';
import { withCli } from './cli-context.js';
import { readNewPassword } from './password-prompt.js';

/** `30d` → 30; tokens always expire, at most after API_TOKEN_MAX_DAYS. */
export function parseExpiry(text: string): number {
  const match = /^(\d+)d$/.exec(text.trim());
  const days = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
    throw new Error(`--expires anges i dagar, t.ex. 30d (1d–${API_TOKEN_MAX_DAYS}d).`);
  }
  return days;
}

function parseRole(text: string): Role {
  if (!ROLES.includes(text as Role)) throw new Error(`Okänd roll "${text}". Välj en av: ${ROLES.join(', ')}.`);
  return text as Role;
}

export function registerUserCommands(program: Command): void {
  program
    .command('user:create')
    .description('Skapa en användare: frågar efter lösenordet i terminalen, läser det med --password-stdin, eller skriver ut en inbjudningslänk med --invite')
    .requiredOption('--email <e-post>', 'e-postadress (sparas med gemener)')
    .requiredOption('--name <namn>', 'för- och efternamn')
    .requiredOption('--role <roll>', `en av ${ROLES.join(', ')}`)
    .option('--org <kod>', 'delregionens kod för delregion_coordinator, t.ex. DR-SKB')
    .option('--password-stdin', 'läs lösenordet från standard in')
    .option('--invite', 'inget lösenord: skriv ut en engångslänk (24 h) där användaren väljer ett')
    .action((options: { email: string; name: string; role: string; org?: string; passwordStdin?: boolean; invite?: boolean }) =>
      withCli(async (cli) => {
        const role = parseRole(options.role);
        const assignments = [{ role, orgUnitCode: options.org ?? null }];
        if (options.invite) {
          const { user, invitation } = await cli.app.get(UserAdminService).invite(cli.ctx(), { email: options.email, name: options.name, assignments });
          console.log(`Skapade ${user.email} (${role}${options.org ? `, ${options.org}` : ''}).`);
          console.log(`Inbjudningslänk (gäller till ${formatDateTime(invitation.expiresAt)}, en gång):\n${invitation.link}`);
          return;
        }
        const password = await readNewPassword(Boolean(options.passwordStdin));
        const user = await cli.app.get(UserService).create(cli.ctx(), { email: options.email, name: options.name, password, assignments });
        console.log(`Skapade ${user.email} (${role}${options.org ? `, ${options.org}` : ''}).`);
      }),
    );

  program
    .command('user:list')
    .description('Lista användarna med deras roller')
    .option('--inactive', 'ta med inaktiverade användare')
    .action((options: { inactive?: boolean }) =>
      withCli(async (cli) => {
        const { items } = await cli.app.get(UserService).list(cli.ctx(), { active: options.inactive ? undefined : true, page: 1, pageSize: 10_000 });
        const rows = items.map((user) => ({
          email: user.email,
          name: user.name,
          active: user.active ? 'aktiv' : 'inaktiv',
          roles: user.assignments.map((a) => (a.orgUnit ? `${a.role}@${a.orgUnit.code}` : a.role)).sort().join(', '),
        }));
        const width = (key: keyof (typeof rows)[number]) => Math.max(key.length, ...rows.map((row) => row[key].length));
        const columns = (['email', 'name', 'active', 'roles'] as const).map((key) => ({ key, width: width(key) }));
        const line = (row: Record<string, string>) => columns.map(({ key, width: w }) => row[key]!.padEnd(w)).join('  ').trimEnd();
        console.log(line({ email: 'email', name: 'name', active: 'active', roles: 'roles' }));
        for (const row of rows) console.log(line(row));
        console.log(`${rows.length} användare`);
      }),
    );

  program
    .command('user:deactivate')
    .description('Inaktivera en användare: inloggningarna avslutas och API-nycklarna återkallas direkt')
    .requiredOption('--email <e-post>', 'e-postadress')
    .action((options: { email: string }) =>
      withCli(async (cli) => {
        const user = await cli.app.get(UserService).findByEmail(cli.ctx(), options.email);
        if (!user) throw UserException.notFound();
        await cli.app.get(UserAdminService).deactivate(cli.ctx(), user.id, user.version);
        console.log(`Inaktiverade ${user.email}; inloggningar och API-nycklar är avslutade.`);
      }),
    );

  program
    .command('user:invite')
    .description('Skriv ut en ny engångslänk (24 h) där en användare väljer lösenord, t.ex. när den första administratörens länk har gått ut')
    .requiredOption('--email <e-post>', 'e-postadress')
    .action((options: { email: string }) =>
      withCli(async (cli) => {
        const user = await cli.app.get(UserService).findByEmail(cli.ctx(), options.email);
        if (!user) throw UserException.notFound();
        const link = await cli.app.get(UserAdminService).sendPasswordLink(cli.ctx(), user.id);
        console.log(`Länk för ${user.email} (gäller till ${formatDateTime(link.expiresAt)}, en gång):\n${link.link}`);
      }),
    );

  program
    .command('token:create')
    .description('Skapa en API-nyckel för en användare och skriv ut den en gång (ensam på standard ut, för skript)')
    .requiredOption('--email <e-post>', 'vems nyckeln är')
    .requiredOption('--name <namn>', 'vad nyckeln används till')
    .option('--expires <dagar>', 'giltighet, t.ex. 30d', '90d')
    .action((options: { email: string; name: string; expires: string }) =>
      withCli(async (cli) => {
        const days = parseExpiry(options.expires);
        const user = await cli.app.get(UserService).findByEmail(cli.ctx(), options.email);
        if (!user || !user.active) throw UserException.notFound();
        const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
        const { token } = await cli.app.get(ApiTokenService).issue(cli.ctx(), user.id, options.name.trim(), expiresAt);
        console.error(`API-nyckel "${options.name.trim()}" för ${user.email}, giltig till ${expiresAt.toISOString()}. Den visas bara nu:`);
        console.log(token);
      }),
    );
}
