import { type Actor, RequestContext, Role, StateMachine, STATUS_BY_KIND, type TransitionInput } from '@arshjulet/core';
import { OutboxService } from '@arshjulet/notify';
import { Permission } from '@arshjulet/org';
import { TransitionRunner, WorkflowErrorCode, WorkflowException } from '@arshjulet/workflow';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A tiny test-only machine over a temp table: the runner is the same for cycles, tasks and reports.
type S = 'draft' | 'open' | 'closed';
type A = 'open' | 'close' | 'reopen';
interface Thing {
  id: string;
  state: S;
  orgUnitId: string | null;
  version: number;
  blocked: boolean;
}

const machine = new StateMachine<S, A, Thing>('thing', ['draft', 'open', 'closed'], ['open', 'close', 'reopen'], [
  {
    from: ['draft'], action: 'open', to: 'open', permission: Permission.CycleManage, scope: 'none', audit: 'thing.opened',
    guard: (thing) => (thing.blocked ? 'Saken är spärrad och kan inte öppnas.' : null),
  },
  { from: ['open'], action: 'close', to: 'closed', permission: Permission.AnalysisEdit, scope: 'delregion', audit: 'thing.closed' },
  { from: ['closed'], action: 'reopen', to: 'open', permission: Permission.CycleManage, scope: 'none', requiresReason: true, audit: 'thing.reopened' },
]);

describe('TransitionRunner: one path for every transition', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: TransitionRunner;
  let delregions: string[];
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.dataSource;
    runner = t.app.get(TransitionRunner);
    await db.query(`CREATE TABLE wf_thing (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), state varchar(20) NOT NULL,
      org_unit_id uuid, version int NOT NULL DEFAULT 1, blocked boolean NOT NULL DEFAULT false)`);
    delregions = (await db.query(`SELECT id FROM org_unit WHERE type = 'delregion' ORDER BY code`)).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  const actor = (role: Role, orgUnitId: string | null = null): RequestContext => {
    const a: Actor = { userId: null, email: `${role}.${++n}@test.se`, name: role, assignments: [{ role, orgUnitId }], via: 'cli' };
    return RequestContext.create({ actor: a });
  };
  const seed = async (state: S, opts: { orgUnitId?: string | null; blocked?: boolean } = {}): Promise<string> => {
    const [row] = await db.query('INSERT INTO wf_thing (state, org_unit_id, blocked) VALUES ($1, $2, $3) RETURNING id', [state, opts.orgUnitId ?? null, opts.blocked ?? false]);
    return row.id;
  };
  const current = async (id: string) => (await db.query('SELECT state, version FROM wf_thing WHERE id = $1', [id]))[0] as { state: S; version: number };
  const auditRows = async (id: string) => db.query('SELECT action, before, after FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', ['thing', id]);
  const outboxRows = async (id: string) => db.query(`SELECT kind, recipient FROM outbox_message WHERE recipient LIKE $1 ORDER BY recipient`, [`%${id}%`]);

  const take = (ctx: RequestContext, id: string, action: A, extra: { input?: TransitionInput; expectedVersion?: number; failInEffects?: boolean } = {}) =>
    runner.run(ctx, {
      machine,
      entityType: 'thing',
      action,
      input: extra.input,
      expectedVersion: extra.expectedVersion,
      load: async (tx) => {
        const rows = await tx.manager!.query('SELECT id, state, org_unit_id AS "orgUnitId", version, blocked FROM wf_thing WHERE id = $1 FOR UPDATE', [id]);
        return rows[0] as Thing;
      },
      stateOf: (thing) => thing.state,
      idOf: (thing) => thing.id,
      orgUnitOf: (thing) => thing.orgUnitId,
      apply: async (tx, thing, to) => {
        const [rows] = await tx.manager!.query('UPDATE wf_thing SET state = $2, version = version + 1 WHERE id = $1 RETURNING id, state, version', [thing.id, to]);
        return { ...thing, ...rows[0] };
      },
      effects: async (tx, thing, transition) => {
        if (extra.failInEffects) {
          await t.app.get(OutboxService).enqueue(tx, [draft(thing.id, 'email')]);
          throw new Error('the effect failed');
        }
        return [draft(thing.id, 'email'), { ...draft(thing.id, 'in_app'), kind: transition.audit }];
      },
    });

  it('moves the state, bumps the version, writes one audit row and the outbox rows', async () => {
    const id = await seed('draft');
    const result = await take(actor(Role.CountyCoordinator), id, 'open');
    expect(result.state).toBe('open');
    expect(await current(id)).toEqual({ state: 'open', version: 2 });
    expect(await auditRows(id)).toEqual([{ action: 'thing.opened', before: { state: 'draft' }, after: { state: 'open', reason: null } }]);
    expect(await outboxRows(id)).toEqual([
      { kind: 'thing.notice', recipient: `email-${id}@test.se` },
      { kind: 'thing.opened', recipient: `in_app-${id}@test.se` },
    ]);
  });

  it('refuses an action the table lacks with 409, the current state and the actions the actor may take', async () => {
    const id = await seed('closed');
    const error = await refusal(take(actor(Role.CountyCoordinator), id, 'close'));
    expect(STATUS_BY_KIND[error.kind]).toBe(409);
    expect(error.code).toBe(WorkflowErrorCode.IllegalTransition);
    expect(error.extensions).toMatchObject({ currentState: 'closed', allowedActions: ['reopen'] });
    // A machine without labels names its codes.
    expect(error.detail).toBe('Åtgärden ”close” går inte att utföra i läget ”closed”.');
    const viewerError = await refusal(take(actor(Role.Viewer), id, 'close'));
    expect(viewerError.extensions).toMatchObject({ currentState: 'closed', allowedActions: [] });
    expect(await current(id)).toEqual({ state: 'closed', version: 1 });
    expect(await auditRows(id)).toEqual([]);
  });

  it('refuses an actor without the permission (403) and a delregion coordinator of another delregion (404, audited)', async () => {
    const id = await seed('draft');
    await expect(take(actor(Role.DelregionCoordinator, delregions[0]), id, 'open')).rejects.toMatchObject({ code: 'access.forbidden' });
    const scoped = await seed('open', { orgUnitId: delregions[0] });
    await expect(take(actor(Role.DelregionCoordinator, delregions[1]), scoped, 'close')).rejects.toMatchObject({ code: 'access.not_found' });
    expect(await current(scoped)).toEqual({ state: 'open', version: 1 });
    expect(await auditRows(scoped)).toEqual([expect.objectContaining({ action: 'access.denied' })]);
    expect(await outboxRows(scoped)).toEqual([]);
    await take(actor(Role.DelregionCoordinator, delregions[0]), scoped, 'close');
    expect(await current(scoped)).toEqual({ state: 'closed', version: 2 });
  });

  it('refuses with the guard\'s Swedish reason (409) and changes nothing', async () => {
    const id = await seed('draft', { blocked: true });
    const error = await refusal(take(actor(Role.CountyCoordinator), id, 'open'));
    expect(STATUS_BY_KIND[error.kind]).toBe(409);
    expect(error).toMatchObject({ code: WorkflowErrorCode.GuardRefused, detail: 'Saken är spärrad och kan inte öppnas.' });
    expect(await current(id)).toEqual({ state: 'draft', version: 1 });
    expect(await outboxRows(id)).toEqual([]);
  });

  it('requires a reason where the table says so (422 on the reason field) and records it', async () => {
    const id = await seed('closed');
    for (const reason of [undefined, '', '   ']) {
      const error = await refusal(take(actor(Role.Admin), id, 'reopen', { input: { reason } }));
      expect(STATUS_BY_KIND[error.kind]).toBe(422);
      expect(error).toMatchObject({ code: WorkflowErrorCode.ReasonRequired, errors: [{ path: 'reason', message: 'Ange ett skäl.' }] });
    }
    expect(await current(id)).toEqual({ state: 'closed', version: 1 });
    await take(actor(Role.Admin), id, 'reopen', { input: { reason: ' Fel datum ' } });
    expect(await auditRows(id)).toEqual([{ action: 'thing.reopened', before: { state: 'closed' }, after: { state: 'open', reason: 'Fel datum' } }]);
  });

  it('refuses a stale version with 409 and the current version', async () => {
    const id = await seed('draft');
    const error = await refusal(take(actor(Role.CountyCoordinator), id, 'open', { expectedVersion: 7 }));
    expect(STATUS_BY_KIND[error.kind]).toBe(409);
    expect(error).toMatchObject({ code: WorkflowErrorCode.StaleVersion, extensions: { currentVersion: 1, currentState: 'draft' } });
    expect(await current(id)).toEqual({ state: 'draft', version: 1 });
    await take(actor(Role.CountyCoordinator), id, 'open', { expectedVersion: 1 });
    expect(await current(id)).toEqual({ state: 'open', version: 2 });
  });

  it('rolls back state, audit row and outbox rows when an effect fails', async () => {
    const id = await seed('draft');
    await expect(take(actor(Role.CountyCoordinator), id, 'open', { failInEffects: true })).rejects.toThrow('the effect failed');
    expect(await current(id)).toEqual({ state: 'draft', version: 1 });
    expect(await auditRows(id)).toEqual([]);
    expect(await outboxRows(id)).toEqual([]);
  });
});

function draft(id: string, channel: 'email' | 'in_app') {
  return {
    channel, kind: 'thing.notice', recipientUserId: null, recipient: `${channel}-${id}@test.se`,
    subject: 'Saken har ändrats', text: 'Saken har ändrats.', link: `/saker/${id}`,
  };
}

async function refusal(promise: Promise<unknown>): Promise<WorkflowException> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof WorkflowException)) throw new Error(`expected a WorkflowException, got ${String(error)}`);
  return error;
}
