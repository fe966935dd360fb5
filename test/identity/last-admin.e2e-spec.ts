import { Role } from '@arshjulet/core';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('the last administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Backends of this database waiting on a lock, other than `exceptPid`. */
  async function waiting(exceptPid: number): Promise<number> {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
      [exceptPid],
    );
    return row.n;
  }

  it('survives two administrators deactivating each other at the same moment: exactly one succeeds, one remains', async () => {
    // This app's only administrators are the two below.
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE id IN (SELECT user_id FROM role_assignment WHERE role = 'admin')`);
    const anna = await t.userWith(Role.Admin);
    const bo = await t.userWith(Role.Admin);

    // Line both requests up: hold both user rows, so each request runs its check and then waits to write.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let answers: Array<{ status: number; body: { code?: string } }>;
    try {
      const [{ pid }] = await holder.query('SELECT pg_backend_pid() AS pid');
      await holder.query('SELECT 1 FROM app_user WHERE id = ANY($1) FOR UPDATE', [[anna.user.id, bo.user.id]]);
      const requests = Promise.all([
        anna.api.post(`/api/v1/users/${bo.user.id}/deactivate`).send({ version: bo.user.version }),
        bo.api.post(`/api/v1/users/${anna.user.id}/deactivate`).send({ version: anna.user.version }),
      ]);
      for (let tries = 0; (await waiting(pid)) < 2 && tries < 200; tries++) await new Promise((done) => setTimeout(done, 25));
      await holder.commitTransaction();
      answers = await requests;
    } finally {
      await holder.release();
    }

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('user.last_admin');
    const admins = await t.dataSource.query(
      `SELECT u.id FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id AND ra.role = 'admin' WHERE u.active`,
    );
    expect(admins).toHaveLength(1);
    expect([anna.user.id, bo.user.id]).toContain(admins[0].id);
    // The one left can still administer.
    const remaining = admins[0].id === anna.user.id ? anna : bo;
    await remaining.api.get('/api/v1/users?page=1').expect(200);
  });
});
