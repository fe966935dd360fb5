import { Role } from '@arshjulet/core';
import { OutboxService, OutboxWorker } from '@arshjulet/notify';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('in-app notifications: the bell, the list, mark read', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Queues `titles` for `user` in the outbox and lets the worker deliver them, as a transition would. */
  const notify = async (user: TestUser, titles: string[]) => {
    await t.app.get(OutboxService).enqueue(
      t.systemContext(),
      titles.map((title) => ({
        channel: 'in_app' as const, kind: 'task.reminder', recipientUserId: user.user.id, recipient: user.user.id,
        subject: title, text: `${title}: analysen ska lämnas in senast 2026-09-30.`, link: '/arshjul/2026/uppgifter/1',
      })),
    );
    while ((await t.app.get(OutboxWorker).drainOnce()).claimed > 0);
  };

  it('lists my notifications newest first with the unread count, pages them, and filters unread', async () => {
    const me = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    const other = await t.userWith(Role.Viewer);
    await notify(me, ['Första', 'Andra', 'Tredje']);
    await notify(other, ['Någon annans']);

    const list = await me.api.get('/api/v1/notifications?pageSize=2').expect(200);
    expect(list.body).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 2 });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({ kind: 'task.reminder', link: '/arshjul/2026/uppgifter/1', readAt: null });
    expect(JSON.stringify(list.body)).not.toContain('Någon annans');
    const page2 = await me.api.get('/api/v1/notifications?pageSize=2&page=2').expect(200);
    expect(page2.body.items).toHaveLength(1);

    await me.api.get('/api/v1/notifications?unread=kanske').expect(400);
    await me.api.get('/api/v1/notifications?pageSize=1000').expect(400);
  });

  it('marks one read (only my own) and then all read', async () => {
    const me = await t.userWith(Role.CountyCoordinator);
    const other = await t.userWith(Role.Viewer);
    await notify(me, ['Ett', 'Två']);
    await notify(other, ['Annans']);
    const [first] = (await me.api.get('/api/v1/notifications').expect(200)).body.items;
    const [othersNotification] = (await other.api.get('/api/v1/notifications').expect(200)).body.items;

    await me.api.post(`/api/v1/notifications/${othersNotification.id}/read`).send({}).expect(404);
    await me.api.post('/api/v1/notifications/inte-ett-id/read').send({}).expect(400);
    const read = await me.api.post(`/api/v1/notifications/${first.id}/read`).send({}).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await me.api.get('/api/v1/notifications?unread=true').expect(200);
    expect(unread.body).toMatchObject({ total: 1, unreadCount: 1 });

    const all = await me.api.post('/api/v1/notifications/read-all').send({}).expect(200);
    expect(all.body).toEqual({ marked: 1, unreadCount: 0 });
    expect((await me.api.get('/api/v1/notifications').expect(200)).body.unreadCount).toBe(0);
    expect((await other.api.get('/api/v1/notifications').expect(200)).body.unreadCount).toBe(1);
  });
});
