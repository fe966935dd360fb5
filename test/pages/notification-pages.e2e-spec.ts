import { Role } from '@arshjulet/core';
import { Notification } from '@arshjulet/notify';
import { IsNull, Not } from 'typeorm';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';

describe('notification pages: the bell in the header, the list, marking read – on plain HTML forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const repo = () => t.dataSource.getRepository(Notification);
  /** Notifications for `user`, the first one oldest; each a minute after the one before. */
  async function seed(user: SignedInUser, titles: string[], extra: Partial<Notification> = {}): Promise<Notification[]> {
    const base = Date.parse('2026-09-01T08:00:00Z');
    return repo().save(titles.map((title, index) => repo().create({
      userId: user.user.id, kind: 'task.reminder', title, body: `Text om ${title}`, link: '/arshjul/2026', createdAt: new Date(base + index * 60_000), ...extra,
    })));
  }

  it('shows the bell with the unread count as its accessible name on every page, and none without notifications', async () => {
    const user = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const empty = await user.browser.get('/indikatorer').expect(200);
    expect(empty.text).toContain('<a href="/aviseringar" class="bell" aria-label="Aviseringar, inga olästa">');
    await seed(user, ['Påminnelse 1', 'Påminnelse 2', 'Påminnelse 3']);
    const page = await user.browser.get('/indikatorer').expect(200);
    expect(page.text).toMatch(/<a href="\/aviseringar" class="bell" aria-label="Aviseringar, 3 olästa">.*<span class="bell-count">3<\/span><\/a>/);
    await t.browser().get('/').expect(200).expect((response) => expect(response.text).not.toContain('class="bell"'));
  });

  it('lists my notifications newest first with unread marked and a link to the thing, never someone else\'s', async () => {
    const user = await t.signedIn(Role.CountyCoordinator);
    const other = await t.signedIn(Role.CountyCoordinator);
    await seed(user, ['Äldst', 'Mitten', 'Nyast']);
    await seed(other, ['Inte din']);
    await repo().update({ userId: user.user.id, title: 'Mitten' }, { readAt: new Date() });
    const page = await user.browser.get('/aviseringar').expect(200);
    expect(page.text).toContain('<h1>Aviseringar</h1>');
    expect(page.text).toContain('3 aviseringar, varav 2 olästa.');
    expect(page.text.indexOf('Nyast')).toBeLessThan(page.text.indexOf('Mitten'));
    expect(page.text.indexOf('Mitten')).toBeLessThan(page.text.indexOf('Äldst'));
    expect(page.text).toMatch(/<span class="badge">Oläst<\/span>\s*<a href="\/arshjul\/2026">Nyast<\/a>/);
    expect(page.text).toMatch(/<p class="notification-title">\s*<a href="\/arshjul\/2026">Mitten<\/a>/);
    expect(page.text).not.toContain('Inte din');
  });

  it('never links outside the app from a notification', async () => {
    const user = await t.signedIn(Role.Viewer);
    await seed(user, ['Lurig'], { link: '//evil.example/x' });
    const page = await user.browser.get('/aviseringar').expect(200);
    expect(page.text).toContain('<strong>Lurig</strong>');
    expect(page.text).not.toContain('evil.example');
  });

  it('marks one read, then all read, with a Swedish message and the bell following along', async () => {
    const user = await t.signedIn(Role.VvgReviewer);
    const [first] = await seed(user, ['Första', 'Andra']);
    await user.browser.csrf('/aviseringar');
    const one = await user.browser.post(`/aviseringar/${first!.id}/last`).type('form').send({}).expect(303);
    expect(one.headers.location).toBe('/aviseringar');
    const after = await user.browser.get('/aviseringar').expect(200);
    expect(after.text).toContain('”Första” är markerad som läst.');
    expect(after.text).toContain('aria-label="Aviseringar, 1 oläst"');
    expect((await repo().findOneByOrFail({ id: first!.id })).readAt).not.toBeNull();

    await user.browser.csrf('/aviseringar');
    await user.browser.post('/aviseringar/las-alla').type('form').send({}).expect(303);
    const all = await user.browser.get('/aviseringar').expect(200);
    expect(all.text).toContain('Alla aviseringar är markerade som lästa.');
    expect(all.text).toContain('aria-label="Aviseringar, inga olästa"');
    expect(all.text).not.toContain('Markera alla som lästa');
    expect(await repo().countBy({ userId: user.user.id, readAt: Not(IsNull()) })).toBe(2);
  });

  it('answers 404 for someone else\'s notification and refuses a form without its CSRF token', async () => {
    const user = await t.signedIn(Role.CountyCoordinator);
    const other = await t.signedIn(Role.CountyCoordinator);
    const [theirs] = await seed(other, ['Hemlig']);
    await user.browser.csrf('/aviseringar');
    const refused = await user.browser.post(`/aviseringar/${theirs!.id}/last`).type('form').send({}).expect(404);
    expect(refused.text).toContain('<html lang="sv">');
    expect((await repo().findOneByOrFail({ id: theirs!.id })).readAt).toBeNull();
    await user.browser.agent.post('/aviseringar/las-alla').type('form').send({}).expect(403);
  });

  it('pages a long list, 20 at a time', async () => {
    const user = await t.signedIn(Role.Viewer);
    await seed(user, Array.from({ length: 23 }, (_, i) => `Avisering nr ${i + 1}`));
    const first = await user.browser.get('/aviseringar').expect(200);
    expect(first.text).toContain('Sida 1 av 2');
    expect(first.text).toContain('Avisering nr 23<');
    expect(first.text).not.toContain('Avisering nr 3<');
    const second = await user.browser.get('/aviseringar?sida=2').expect(200);
    expect(second.text).toContain('Avisering nr 3<');
    expect(second.text).toContain('href="/aviseringar?sida&#x3D;1"');
  });
});
