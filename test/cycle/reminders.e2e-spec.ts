import { Role } from '@arshjulet/core';
import { addDays } from '@arshjulet/cycle';
import { DailySweep } from '@arshjulet/db';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Deadline reminders in the daily sweep', () => {
  let t: TestApp;
  let county: TestUser;
  let year = 2060;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
  });
  afterAll(() => t.close());

  /** A launched cycle whose DR-SKB task is due on `dueDate`; the other tasks are submitted (no reminders). */
  async function taskDueOn(dueDate: string): Promise<string> {
    const created = await county.api.post('/api/v1/cycles').send({ year: year++, indicatorCodes: ['HF01'] });
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
    await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({});
    const items = (await county.api.get(`/api/v1/tasks?cycle=${created.body.id}`)).body.items as Array<{ id: string; delregion: string; version: number }>;
    await t.dataSource.query(`UPDATE analysis_task SET status = 'submitted' WHERE cycle_id = $1`, [created.body.id]);
    const task = items.find((i) => i.delregion === 'DR-SKB')!;
    await t.dataSource.query(`UPDATE analysis_task SET status = 'in_progress', due_date = $2 WHERE id = $1`, [task.id, dueDate]);
    return task.id;
  }

  const remindersOf = async (taskId: string) =>
    (await t.dataSource.query(`SELECT job, subject, to_char(run_date, 'YYYY-MM-DD') AS date FROM job_run WHERE subject = $1 ORDER BY id`, [taskId])) as Array<{ job: string; date: string }>;
  const outboxFor = async (taskId: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM outbox_message WHERE kind = 'task.reminder' AND link LIKE $1`, [`%${taskId}%`]))[0].n);
  const sweep = (date: string) => t.app.get(DailySweep).run(t.systemContext(), date);

  it('sends the 7-day reminder once: the same date twice sends nothing the second time', async () => {
    const due = '2061-09-30';
    const taskId = await taskDueOn(due);
    await sweep(addDays(due, -7));
    const first = await outboxFor(taskId);
    expect(first).toBeGreaterThanOrEqual(4); // the delregion's coordinator and the county coordinator, e-mail + in-app
    await sweep(addDays(due, -7));
    await sweep(addDays(due, -6));
    expect(await outboxFor(taskId)).toBe(first);
    expect(await remindersOf(taskId)).toEqual([{ job: 'task.reminder.7d', subject: taskId, date: addDays(due, -7) }]);
    const [task] = await t.dataSource.query('SELECT reminders_sent AS n FROM analysis_task WHERE id = $1', [taskId]);
    expect(task.n).toBe(1);
  });

  it('after downtime from 15 to 6 days before, catches up only the 7-day reminder', async () => {
    const due = '2062-09-30';
    const taskId = await taskDueOn(due);
    await sweep(addDays(due, -15));
    await sweep(addDays(due, -6));
    expect((await remindersOf(taskId)).map((r) => r.job)).toEqual(['task.reminder.7d']);
  });

  it('sends the overdue reminder the day after the due date, never for a submitted task', async () => {
    const due = '2063-09-30';
    const taskId = await taskDueOn(due);
    await sweep(addDays(due, 1));
    expect((await remindersOf(taskId)).map((r) => r.job)).toEqual(['task.reminder.overdue']);
    await t.dataSource.query(`UPDATE analysis_task SET status = 'submitted' WHERE id = $1`, [taskId]);
    const dueLater = '2063-10-20';
    await t.dataSource.query(`UPDATE analysis_task SET due_date = $2 WHERE id = $1`, [taskId, dueLater]);
    await sweep(addDays(dueLater, -7));
    expect((await remindersOf(taskId)).map((r) => r.job)).toEqual(['task.reminder.overdue']);
  });
});
