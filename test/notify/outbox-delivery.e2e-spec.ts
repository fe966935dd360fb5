import type { LoggerService } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig, Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { MailSender, type OutboxDraft, OutboxService, OutboxWorker } from '@arshjulet/notify';
import { UserAdminService } from '@arshjulet/org';
import { randomUUID } from 'node:crypto';
import { SmtpInbox } from '../support/smtp-inbox.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RETRY_SECONDS = 60;
const MAX_ATTEMPTS = 3;

/** Everything the app logs, as text, to prove what never appears in it. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (level: string) => (...args: unknown[]) => void this.lines.push(`${level} ${JSON.stringify(args, (_, v: unknown) => (v instanceof Error ? v.message : v))}`);
  log = this.keep('log');
  error = this.keep('error');
  warn = this.keep('warn');
  debug = this.keep('debug');
  verbose = this.keep('verbose');
}

describe('the outbox delivers e-mail through SMTP', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let worker: OutboxWorker;
  let outbox: OutboxService;
  const logs = new CapturingLogger();

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    t = await createTestApp({ SMTP_URL: inbox.url, OUTBOX_RETRY_SECONDS: String(RETRY_SECONDS), OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS), APP_BASE_URL: 'https://arshjulet.test' });
    t.app.useLogger(logs);
    worker = t.app.get(OutboxWorker);
    outbox = t.app.get(OutboxService);
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });
  beforeEach(() => {
    inbox.refuseAll = false;
    inbox.refuseNext = 0;
  });

  const mailTo = (address: string, extra: Partial<OutboxDraft> = {}): OutboxDraft => ({
    channel: 'email', kind: 'test.notice', recipientUserId: null, recipient: address,
    subject: 'Påminnelse om analysen', text: 'Hej!\n\nEr analys ska lämnas in senast 2026-09-30.', ...extra,
  });
  const row = async (id: string) => (await t.dataSource.query('SELECT * FROM outbox_message WHERE id = $1', [id]))[0];
  const enqueue = async (draft: OutboxDraft) => (await outbox.insert(t.systemContext(), [draft]))[0]!;
  /** Makes a waiting retry due now, instead of waiting out its backoff. */
  const makeDue = (id: string) => t.dataSource.query('UPDATE outbox_message SET next_attempt_at = now() WHERE id = $1', [id]);
  /** Drains until the worker finds nothing due (other tests' rows included). */
  const drain = async () => {
    while ((await worker.drainOnce()).claimed > 0);
  };

  it('sends a Swedish plain and HTML mail with a link into the app, and erases its secret once sent', async () => {
    const address = `mottagare.${randomUUID()}@test.se`;
    const secret = `https://arshjulet.test/aterstall/${randomUUID()}`;
    const id = await enqueue(mailTo(address, {
      text: 'Hej Åsa!\n\nVälj ditt lösenord här:\n{{link}}', html: '<p>Hej Åsa!</p><p><a href="{{link}}">Välj lösenord</a></p>',
      secret: { link: secret }, link: '/arshjul/2026',
    }));
    await drain();

    const [mail] = inbox.to(address);
    expect(inbox.to(address)).toHaveLength(1);
    expect(mail!.text).toContain('Subject: =?UTF-8?');
    expect(mail!.text).toContain('Välj ditt lösenord här:');
    expect(mail!.text).toContain(secret);
    expect(mail!.text).toContain('Öppna i Årshjulet: https://arshjulet.test/arshjul/2026');
    expect(mail!.text).toContain('Content-Type: text/html');
    expect(mail!.text).toContain(`<a href="${secret}">Välj lösenord</a>`);

    const stored = await row(id);
    expect(stored).toMatchObject({ status: 'sent', secret: null, attempts: 1, last_error: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.body).toContain('{{link}}');
  });

  it('retries after an SMTP failure with exponential backoff, then delivers', async () => {
    const address = `omforsok.${randomUUID()}@test.se`;
    inbox.refuseAll = true;
    const id = await enqueue(mailTo(address));
    await drain();
    let stored = await row(id);
    expect(stored).toMatchObject({ status: 'failed', attempts: 1, locked_until: null });
    expect(stored.last_error).toContain('451');
    const firstWait = (await t.dataSource.query('SELECT extract(epoch FROM next_attempt_at - now())::float AS s FROM outbox_message WHERE id = $1', [id]))[0].s;
    expect(firstWait).toBeGreaterThan(RETRY_SECONDS * 0.75);
    expect(firstWait).toBeLessThan(RETRY_SECONDS * 1.25);
    expect((await worker.drainOnce()).claimed).toBe(0);

    await makeDue(id);
    await drain();
    const secondWait = (await t.dataSource.query('SELECT extract(epoch FROM next_attempt_at - now())::float AS s FROM outbox_message WHERE id = $1', [id]))[0].s;
    expect(secondWait).toBeGreaterThan(RETRY_SECONDS * 2 * 0.75);
    expect(secondWait).toBeLessThan(RETRY_SECONDS * 2 * 1.25);
    expect(inbox.to(address)).toHaveLength(0);

    inbox.refuseAll = false;
    await makeDue(id);
    await drain();
    stored = await row(id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 3 });
    expect(inbox.to(address)).toHaveLength(1);
  });

  it('makes a dead letter after N attempts; an admin sees it without its secret and retries it', async () => {
    const address = `dod.${randomUUID()}@test.se`;
    const secret = randomUUID();
    inbox.refuseAll = true;
    const id = await enqueue(mailTo(address, { text: 'Länk: https://arshjulet.test/aterstall/{{token}}', secret: { token: secret } }));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(id);
      await drain();
    }
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    await makeDue(id);
    expect((await worker.drainOnce()).claimed).toBe(0);

    const admin = await t.userWith(Role.Admin);
    const list = await admin.api.get('/api/v1/admin/outbox?status=dead&pageSize=500').expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, recipient: address, kind: 'test.notice' });
    expect(listed.lastError).toContain('451');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    await admin.api.get('/api/v1/admin/outbox?status=nonsense').expect(400);

    inbox.refuseAll = false;
    const retried = await admin.api.post(`/api/v1/admin/outbox/${id}/retry`).send({}).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await admin.api.post(`/api/v1/admin/outbox/${id}/retry`).send({}).expect(409);
    await drain();
    expect(await row(id)).toMatchObject({ status: 'sent', secret: null });
    expect(inbox.to(address)[0]!.text).toContain(`https://arshjulet.test/aterstall/${secret}`);
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = 'outbox_message' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'outbox.retried' }]);
  });

  it('an invitation link shows to admins while unsent, reaches the invitee, and never appears in the log', async () => {
    const email = `inbjuden.${randomUUID()}@test.se`;
    const { user, invitation } = await t.app.get(UserAdminService).invite(t.systemContext(), { email, name: 'Inbjuden Person', assignments: [{ role: Role.Viewer, orgUnitCode: null }] });
    const token = invitation.link.split('/').pop()!;
    const admin = await t.userWith(Role.Admin);
    const pending = await admin.api.get(`/api/v1/users/${user.id}/password-links`).expect(200);
    expect(JSON.stringify(pending.body)).toContain(token);

    inbox.refuseNext = 1;
    await drain();
    await t.dataSource.query('UPDATE outbox_message SET next_attempt_at = now() WHERE recipient = $1', [email]);
    await drain();
    expect(inbox.to(email)).toHaveLength(1);
    expect(inbox.to(email)[0]!.text).toContain(invitation.link);

    const rows = await t.dataSource.query('SELECT * FROM outbox_message WHERE recipient = $1', [email]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(logs.lines.some((line) => line.includes(email) && line.includes('sent'))).toBe(true);
    expect(logs.lines.some((line) => line.includes('delivery failed'))).toBe(true);
    expect(logs.lines.join('\n')).not.toContain(token);
  });

  it('two workers draining at once deliver every message exactly once', async () => {
    const deps = [t.app.get(TransactionalConnection), t.app.get(MailSender), t.app.get(SchedulerRegistry), t.app.get<AppConfig>(APP_CONFIG)] as const;
    const second = new OutboxWorker(...deps);
    expect(second.workerId).not.toBe(worker.workerId);
    const run = randomUUID();
    const addresses = Array.from({ length: 60 }, (_, i) => `samtidig.${i}.${run}@test.se`);
    const admin = await t.userWith(Role.Viewer);
    await outbox.enqueue(t.systemContext(), [
      ...addresses.map((address) => mailTo(address)),
      ...Array.from({ length: 20 }, (_, i): OutboxDraft => ({
        channel: 'in_app', kind: 'test.in_app', recipientUserId: admin.user.id, recipient: admin.user.id, subject: `Notis ${i} ${run}`, text: 'Text',
      })),
    ]);
    const loop = async (w: OutboxWorker) => {
      let total = 0;
      for (let report = await w.drainOnce(); report.claimed > 0; report = await w.drainOnce()) total += report.sent;
      return total;
    };
    const [a, b] = await Promise.all([loop(worker), loop(second)]);
    expect(a + b).toBeGreaterThanOrEqual(80);
    for (const address of addresses) expect(inbox.to(address)).toHaveLength(1);
    const notifications = await t.dataSource.query('SELECT count(*)::int AS n FROM notification WHERE user_id = $1', [admin.user.id]);
    expect(notifications[0].n).toBe(20);
  });

  it('dedupe keys make a second enqueue of the same message a no-op', async () => {
    const key = `test:${randomUUID()}`;
    const address = `dedupe.${randomUUID()}@test.se`;
    expect(await outbox.enqueue(t.systemContext(), [mailTo(address, { dedupeKey: key })])).toBe(1);
    expect(await outbox.enqueue(t.systemContext(), [mailTo(address, { dedupeKey: key })])).toBe(0);
    await drain();
    expect(inbox.to(address)).toHaveLength(1);
  });
});
