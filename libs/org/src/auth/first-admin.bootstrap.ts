import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, formatDateTime, RequestContext, Role } from '@arshjulet/core';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import { User } from '../users/user.entity.js';
import { UserService } from '../users/user.service.js';
import { PasswordLinkPurpose } from './password-reset-token.entity.js';
import { PasswordLink, PasswordResetService } from './password-reset.service.js';

export interface FirstAdmin {
  email: string;
  invitation: PasswordLink;
}

/**
 * On a start with no users at all, creates the first administrator and prints an invitation link once.
 * Later starts find users and print nothing. Tests call {@link ensure} themselves.
 */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly users: UserService,
    private readonly links: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NODE_ENV === 'test') return;
    const created = await this.ensure(RequestContext.system('first-start'));
    if (created) console.log(banner(created));
  }

  async ensure(ctx: RequestContext): Promise<FirstAdmin | null> {
    return this.connection.withTransaction(ctx, async (tx) => {
      await this.connection.manager(tx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.FirstAdmin]);
      if (await this.connection.getRepository(tx, User).exists()) return null;
      const admin = await this.users.create(tx, {
        email: this.config.FIRST_ADMIN_EMAIL,
        name: 'Administratör',
        password: null,
        assignments: [{ role: Role.Admin }],
      });
      const invitation = await this.links.issue(tx, admin, PasswordLinkPurpose.Invitation);
      return { email: admin.email, invitation };
    });
  }
}

function banner({ email, invitation }: FirstAdmin): string {
  const line = '='.repeat(78);
  return [
    '',
    line,
    '  Årshjulet: den första administratören har skapats.',
    '',
    `  E-post:  ${email}`,
    `  Välj lösenord här (gäller till ${formatDateTime(invitation.expiresAt)}, en gång):`,
    `  ${invitation.link}`,
    '',
    '  Länken visas bara nu. Har den gått ut: npm run cli -- user:invite --email ' + email,
    line,
    '',
  ].join('\n');
}
