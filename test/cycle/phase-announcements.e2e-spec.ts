import { Role } from '@arshjulet/core';
import { DailySweep } from '@arshjulet/db';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Phase announcements when a phase date arrives (daily sweep)', () => {
  let t: TestApp;
  let county: TestUser;
  let skaraborg: TestUser;
  let viewer: TestUser;
  let year = 2070;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    viewer = await t.userWith(Role.Viewer);
  });
  afterAll(() => t.close());

  async function cycle(status: 'draft' | 'planning' = 'planning'): Promise<{ id: string; year: number }> {
    const created = await county.api.post('/api/v1/cycles').send({ year: year++, indicatorCodes: ['HF01'] });
    expect(created.status).toBe(201);
    if (status === 'planning') await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
    return created.body;
  }

  const sweep = (date: string) => t.app.get(DailySweep).run(t.systemContext(), date);
  const announced = async (cycleId: string) =>
    (await t.dataSource.query(
      `SELECT job, to_char(run_date, 'YYYY-MM-DD') AS date FROM job_run WHERE subject = $1 AND job LIKE 'cycle.phase_arrived.%' ORDER BY id`,
      [cycleId],
    )) as Array<{ job: string; date: string }>;
  const messages = async (cycleId: string) =>
    (await t.dataSource.query(
      `SELECT channel, recipient_user_id AS "userId", subject FROM outbox_message WHERE kind = 'cycle.phase_arrived' AND dedupe_key LIKE $1 ORDER BY id`,
      [`cycle.phase_arrived:${cycleId}:%`],
    )) as Array<{ channel: string; userId: string; subject: string }>;

  it('announces Do on 1 May to everyone taking part (e-mail and in-app), once however often the sweep runs that phase', async () => {
    const { id, year: y } = await cycle();
    await sweep(`${y}-04-30`);
    expect(await announced(id)).toEqual([{ job: 'cycle.phase_arrived.plan', date: `${y}-04-01` }]);
    await sweep(`${y}-05-01`);
    await sweep(`${y}-05-01`);
    await sweep(`${y}-05-02`);
    expect(await announced(id)).toEqual([
      { job: 'cycle.phase_arrived.plan', date: `${y}-04-01` },
      { job: 'cycle.phase_arrived.do', date: `${y}-05-01` },
    ]);
    const doMessages = (await messages(id)).filter((m) => m.subject === `Årshjulet ${y}: Do har börjat`);
    const recipients = new Set(doMessages.map((m) => m.userId));
    expect(recipients.has(county.user.id) && recipients.has(skaraborg.user.id)).toBe(true);
    expect(recipients.has(viewer.user.id)).toBe(false);
    expect(doMessages.filter((m) => m.userId === skaraborg.user.id).map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    expect(doMessages).toHaveLength(recipients.size * 2);
  });

  it('after downtime across two phase dates, catches up only the current phase, once', async () => {
    const { id, year: y } = await cycle();
    await sweep(`${y}-05-03`);
    await sweep(`${y}-12-15`); // Study (1 October) and Act (1 December) both passed while nobody swept
    await sweep(`${y}-12-16`);
    expect((await announced(id)).map((r) => `${r.job}@${r.date}`)).toEqual([`cycle.phase_arrived.do@${y}-05-01`, `cycle.phase_arrived.act@${y}-12-01`]);
    const subjects = new Set((await messages(id)).map((m) => m.subject));
    expect(subjects).toEqual(new Set([`Årshjulet ${y}: Do har börjat`, `Årshjulet ${y}: Act har börjat`]));
  });

  it('announces nothing for a cycle still in draft', async () => {
    const { id, year: y } = await cycle('draft');
    const outcomes = await sweep(`${y}-05-01`);
    expect(outcomes.find((o) => o.job === 'cycle.phase_announcements')?.error).toBeUndefined();
    expect(await announced(id)).toEqual([]);
    expect(await messages(id)).toEqual([]);
  });
});
