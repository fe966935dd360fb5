import { Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { UserAdminService, UserService } from '@arshjulet/org';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves no audit row behind when the change it describes is rolled back', async () => {
    const connection = t.app.get(TransactionalConnection);
    const { user } = await t.userWith(Role.Viewer);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    await expect(
      connection.withTransaction(t.systemContext(), async (tx) => {
        await t.app.get(UserService).create(tx, { email: 'aterstalld@test.se', name: 'Rullas tillbaka', assignments: [{ role: Role.Viewer }] });
        await t.app.get(UserAdminService).deactivate(tx, user.id, 1);
        throw new Error('something later in the use case failed');
      }),
    ).rejects.toThrow('something later');
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    expect(after[0].n).toBe(before[0].n);
    expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE email = 'aterstalld@test.se'`)).toHaveLength(0);
    expect((await t.dataSource.query('SELECT active FROM app_user WHERE id = $1', [user.id]))[0].active).toBe(true);
  });

  it('refuses to update or delete audit rows, whatever asks', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('is readable by admins and county coordinators, filtered and paged', async () => {
    const admin = await t.userWith(Role.Admin);
    const county = await t.userWith(Role.CountyCoordinator);
    const created = await admin.api.post('/api/v1/users').send({ email: 'granskad@test.se', name: 'Granskad', assignments: [{ role: 'delregion_coordinator', orgUnit: 'DR-SAMLA' }] }).expect(201);
    await admin.api.patch(`/api/v1/users/${created.body.id}`).send({ version: 1, name: 'Granskad Igen' }).expect(200);

    const byEntity = await county.api.get(`/api/v1/audit-events?entityType=user&entityId=${created.body.id}`).expect(200);
    expect(byEntity.body.items.map((e: { action: string }) => e.action)).toEqual(['user.updated', 'user.invitation_sent', 'user.created']);
    expect(byEntity.body.items[0]).toMatchObject({ actorId: admin.user.id, actor: admin.user.email, before: { name: 'Granskad' }, after: { name: 'Granskad Igen' } });

    const byActorAndPrefix = await admin.api.get(`/api/v1/audit-events?actor=${encodeURIComponent(admin.user.email.toUpperCase())}&action=user.&pageSize=2`).expect(200);
    expect(byActorAndPrefix.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(byActorAndPrefix.body.items).toHaveLength(2);
    const page2 = await admin.api.get(`/api/v1/audit-events?actor=${admin.user.id}&action=user.&pageSize=2&page=2`).expect(200);
    expect(page2.body.items.map((e: { action: string }) => e.action)).toEqual(['user.created']);

    const future = await admin.api.get('/api/v1/audit-events?from=2999-01-01').expect(200);
    expect(future.body).toMatchObject({ total: 0, items: [] });
    const bad = await admin.api.get('/api/v1/audit-events?from=igår').expect(400);
    expect(bad.body.errors[0].path).toBe('from');

    await (await t.userWith(Role.DelregionCoordinator, 'DR-SKB')).api.get('/api/v1/audit-events').expect(403);
    await (await t.userWith(Role.VvgReviewer)).api.get('/api/v1/audit-events').expect(403);
  });

  it('answers a delregion coordinator asking for another delregion with 404 and records access.denied', async () => {
    const skb = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    await t.userWith(Role.DelregionCoordinator, 'DR-GBG', 'gbg.samordnare@test.se');
    const own = await skb.api.get('/api/v1/org-units/DR-SKB/members').expect(200);
    expect(own.body.map((m: { email: string }) => m.email)).toContain(skb.user.email);

    const other = await skb.api.get('/api/v1/org-units/DR-GBG/members').expect(404);
    expect(other.body.code).toBe('access.not_found');
    expect(JSON.stringify(other.body)).not.toContain('gbg.samordnare');
    // Same answer as for a delregion that does not exist.
    const missing = await skb.api.get('/api/v1/org-units/DR-XYZ/members').expect(404);
    expect(missing.body.title).toBe(other.body.title);

    const [gbg] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-GBG'`);
    const county = await t.userWith(Role.CountyCoordinator);
    const denied = await county.api.get(`/api/v1/audit-events?action=access.denied&orgUnit=DR-GBG`).expect(200);
    expect(denied.body.items).toEqual([
      expect.objectContaining({ actorId: skb.user.id, entityType: 'org_unit', entityId: gbg.id, orgUnitId: gbg.id, after: { permission: 'org_unit.members_read' } }),
    ]);
    const county2 = await county.api.get('/api/v1/org-units/DR-GBG/members').expect(200);
    expect(county2.body.map((m: { email: string }) => m.email)).toEqual(['gbg.samordnare@test.se']);
  });

  it('records every state-changing request of identity with its request id', async () => {
    const admin = await t.userWith(Role.Admin);
    const response = await admin.api.post('/api/v1/users').set('X-Request-Id', 'granskning-0001').send({ email: 'spar@test.se', name: 'Spår', assignments: [{ role: 'viewer' }] }).expect(201);
    const rows = await t.dataSource.query(`SELECT action FROM audit_event WHERE request_id = 'granskning-0001' ORDER BY id`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['user.created', 'user.invitation_sent']);
    expect(response.headers['x-request-id']).toBe('granskning-0001');
  });
});
