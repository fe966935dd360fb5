import { randomUUID } from 'node:crypto';
import { Role } from '@arshjulet/core';
import { type OutboxDraft, OutboxService } from '@arshjulet/notify';
import { createTestApp, type SignedInUser, type TestApp } from '../support/test-app.js';

const MAX_ATTEMPTS = 4;

describe('Utskick: administrators see what waits, what failed and what gave up, and send a dead letter again', () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS) });
    admin = await t.signedIn(Role.Admin);
  });
  afterAll(() => t.close());

  const row = async (id: string) => (await t.dataSource.query('SELECT status, attempts, secret FROM outbox_message WHERE id = $1', [id]))[0];

  /** An e-mail carrying a one-time link in its secret, left in `status` as the worker would after failing. */
  async function message(status: 'pending' | 'failed' | 'dead', extra: Partial<OutboxDraft> = {}) {
    const secret = `hemlig-${randomUUID()}`;
    const recipient = `mottagare.${randomUUID()}@test.se`;
    const subject = `Välkommen till Årshjulet ${randomUUID().slice(0, 8)}`;
    const [id] = await t.app.get(OutboxService).insert(t.systemContext(), [{
      channel: 'email', kind: 'user.invitation', recipientUserId: null, recipient, subject,
      text: 'Välj lösenord: https://arshjulet.test/aterstall/{{token}}', secret: { token: secret }, ...extra,
    }]);
    if (status !== 'pending') {
      await t.dataSource.query(
        `UPDATE outbox_message SET status = $2, attempts = $3, last_error = '451 4.3.0 Mailbox temporarily unavailable',
           next_attempt_at = $4 WHERE id = $1`,
        [id, status, status === 'dead' ? MAX_ATTEMPTS : 2, status === 'dead' ? new Date() : new Date('2030-01-02T09:15:00Z')],
      );
    }
    return { id: id!, secret, recipient, subject };
  }

  /** The table row of a message on the page (from its subject to the end of its row). */
  const rowOf = (html: string, subject: string) => {
    const start = html.indexOf(subject);
    expect(start).toBeGreaterThan(-1);
    return html.slice(html.lastIndexOf('<tr>', start), html.indexOf('</tr>', start));
  };

  it('lists a dead letter with kind, recipient, subject, attempts, last error and created – never its secret or text', async () => {
    const dead = await message('dead');
    const failed = await message('failed');
    const page = await admin.browser.get('/administration/utskick').expect(200);
    expect(page.text).toContain('<h1>Utskick</h1>');
    const deadRow = rowOf(page.text, dead.subject);
    expect(deadRow).toContain('user.invitation');
    expect(deadRow).toContain(dead.recipient);
    expect(deadRow).toContain('Död – gav upp');
    expect(deadRow).toContain(`${MAX_ATTEMPTS} av ${MAX_ATTEMPTS}`);
    expect(deadRow).toContain('451 4.3.0 Mailbox temporarily unavailable');
    expect(deadRow).toMatch(/<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/td>/);
    expect(deadRow).toContain('Försök igen<span class="visually-hidden">: ');
    // A failed one says when the next attempt is (Stockholm time).
    expect(rowOf(page.text, failed.subject)).toContain('Misslyckades<br>Nytt försök 2030-01-02 10:15');
    expect(page.text).not.toContain(dead.secret);
    expect(page.text).not.toContain(failed.secret);
    expect(page.text).not.toContain('Välj lösenord');
  });

  it('filters by status: dead letters only, or what was sent; an unknown status is refused beside the field', async () => {
    const dead = await message('dead');
    const pending = await message('pending');
    const onlyDead = await admin.browser.get('/administration/utskick?status=dead').expect(200);
    expect(onlyDead.text).toContain(dead.subject);
    expect(onlyDead.text).not.toContain(pending.subject);
    expect(onlyDead.text).toMatch(/<option value="dead" selected>Döda – gett upp<\/option>/);
    const waiting = await admin.browser.get('/administration/utskick?status=pending').expect(200);
    expect(waiting.text).toContain(pending.subject);
    expect(rowOf(waiting.text, pending.subject)).not.toContain('Försök igen');
    expect((await admin.browser.get('/administration/utskick?status=sent').expect(200)).text).not.toContain(dead.subject);

    const refused = await admin.browser.get('/administration/utskick?status=trasig').expect(422);
    expect(refused.text).toContain('<p class="field-error" id="filter-status-error">Välj en status i listan.</p>');
    expect(refused.text).toContain('<a href="#filter-status">Välj en status i listan.</a>');
    expect(refused.text).toContain('aria-invalid="true"');
    // The unfiltered list still shows under the message.
    expect(refused.text).toContain(dead.subject);
  });

  it('"Försök igen" puts a dead letter back in line with fresh attempts, audited, and comes back to the filtered list', async () => {
    const dead = await message('dead');
    await admin.browser.csrf('/administration/utskick?status=dead');
    const retried = await admin.browser.post(`/administration/utskick/${dead.id}/forsok-igen`).type('form').send({ status: 'dead', sida: '1' }).expect(303);
    expect(retried.headers.location).toBe('/administration/utskick?status=dead');
    expect(await row(dead.id)).toEqual({ status: 'pending', attempts: 0, secret: { token: dead.secret } });
    const after = await admin.browser.get(retried.headers.location).expect(200);
    expect(after.text).toContain(`”${dead.subject}” till ${dead.recipient} ligger i kö igen och skickas vid nästa runda.`);
    expect(after.text).not.toContain(`<th scope="row">${dead.subject}</th>`);
    const audit = await t.dataSource.query(`SELECT action, actor_id FROM audit_event WHERE entity_type = 'outbox_message' AND entity_id = $1`, [dead.id]);
    expect(audit).toEqual([{ action: 'outbox.retried', actor_id: admin.user.id }]);

    // Already back in line: said on the list, nothing changes.
    await admin.browser.csrf('/administration/utskick');
    const again = await admin.browser.post(`/administration/utskick/${dead.id}/forsok-igen`).type('form').send({}).expect(303);
    expect(again.headers.location).toBe('/administration/utskick');
    expect((await admin.browser.get('/administration/utskick').expect(200)).text).toContain('Bara meddelanden som inte har kunnat levereras kan skickas igen.');
    expect(await row(dead.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('refuses a retry without its CSRF token, and changes nothing', async () => {
    const dead = await message('dead');
    await admin.browser.agent.post(`/administration/utskick/${dead.id}/forsok-igen`).type('form').send({}).expect(403);
    expect(await row(dead.id)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
  });

  it('is for administrators only: a county coordinator gets 403 on the page and the form, and no menu link', async () => {
    const dead = await message('dead');
    const county = await t.signedIn(Role.CountyCoordinator);
    const page = await county.browser.get('/administration/utskick').expect(403);
    expect(page.text).toContain('<html lang="sv">');
    expect(page.text).not.toContain(dead.subject);
    await county.browser.csrf('/konto');
    await county.browser.post(`/administration/utskick/${dead.id}/forsok-igen`).type('form').send({}).expect(403);
    expect(await row(dead.id)).toMatchObject({ status: 'dead' });
    expect((await county.browser.get('/konto').expect(200)).text).not.toContain('href="/administration/utskick"');
    expect((await admin.browser.get('/konto').expect(200)).text).toContain('<a href="/administration/utskick">Utskick</a>');
  });

  it('pages a long list, 25 at a time, newest first, keeping the filter', async () => {
    const subjects: string[] = [];
    for (let i = 0; i < 26; i++) {
      const { id, subject } = await message('dead');
      // Older than anything else in the table, one minute apart, so they end the list whatever other tests made.
      await t.dataSource.query(`UPDATE outbox_message SET created_at = $2 WHERE id = $1`, [id, new Date(Date.parse('1999-01-01T08:00:00Z') + i * 60_000)]);
      subjects.push(subject);
    }
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM outbox_message WHERE status = 'dead'`);
    const pages = Math.ceil(count / 25);
    const first = await admin.browser.get('/administration/utskick?status=dead').expect(200);
    expect(first.text).toContain(`Sida 1 av ${pages}`);
    expect(first.text).not.toContain(subjects[0]);
    expect(first.text).toContain('href="/administration/utskick?status&#x3D;dead&amp;sida&#x3D;2"');
    const last = await admin.browser.get(`/administration/utskick?status=dead&sida=${pages}`).expect(200);
    expect(last.text).toContain(subjects[0]);
    expect(last.text.indexOf(subjects[1]!)).toBeLessThan(last.text.indexOf(subjects[0]!));
    expect(last.text).toContain(`<input type="hidden" name="sida" value="${pages}">`);
    expect(last.text).toContain(`href="/administration/utskick?status&#x3D;dead${pages === 2 ? '' : `&amp;sida&#x3D;${pages - 1}`}" rel="prev"`);
  });
});
