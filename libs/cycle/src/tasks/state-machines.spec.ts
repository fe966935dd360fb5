import { Role, ROLES } from '@arshjulet/core';
import { Permission, ROLE_PERMISSIONS } from '@arshjulet/org';
import fc from 'fast-check';
import { CYCLE_ACTIONS, CYCLE_MACHINE, CYCLE_STATUSES } from '../cycles/cycle-state.machine.js';
import { TASK_ACTIONS, TASK_MACHINE, TASK_STATUSES } from './task-state.machine.js';

/** Written by hand, not derived: state → action → [to, roles that may]. Anything missing is a refusal. */
const A = Role.Admin, C = Role.CountyCoordinator, D = Role.DelregionCoordinator;
const CYCLE_TABLE: Record<string, Record<string, [string, Role[]]>> = {
  draft: { start_planning: ['planning', [A, C]] },
  planning: { launch: ['analysis', [A, C]], reopen: ['draft', [A]] },
  analysis: { start_review: ['review', [A, C]], override_review: ['review', [A, C]] },
  review: { start_decision: ['decision', [A, C]], reopen: ['analysis', [A]] },
  decision: { close: ['closed', [A, C]], reopen: ['review', [A]] },
  closed: { reopen: ['decision', [A]] },
};
const TASK_TABLE: Record<string, Record<string, [string, Role[]]>> = {
  not_started: { start: ['in_progress', [A, D]] },
  in_progress: { submit: ['submitted', [A, D]] },
  submitted: { accept: ['accepted', [A, C]], return: ['returned', [A, C]] },
  returned: { resume: ['in_progress', [A, D]] },
  accepted: {},
};

const may = (role: Role, permission: string) => ROLE_PERMISSIONS[role].includes(permission as Permission);

describe.each([
  ['cycle', CYCLE_MACHINE, CYCLE_STATUSES, CYCLE_ACTIONS, CYCLE_TABLE],
  ['task', TASK_MACHINE, TASK_STATUSES, TASK_ACTIONS, TASK_TABLE],
] as const)('%s machine: every state × action × role', (_name, machine, states, actions, table) => {
  it.each(states.flatMap((s) => actions.flatMap((a) => ROLES.map((r) => [s, a, r] as const))))('%s × %s × %s', (state, action, role) => {
    const t = (machine as { find: (s: string, a: string) => { to: string; permission: string } | undefined }).find(state, action);
    const expected = table[state]?.[action];
    expect(t?.to).toBe(expected?.[0]);
    expect(t !== undefined && may(role, t.permission)).toBe(expected?.[1].includes(role) ?? false);
  });

  it('random action sequences never leave the table', () => {
    const m = machine as { find: (s: string, a: string) => { to: string } | undefined };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 40 }), (sequence) => {
        let state: string = states[0];
        for (const action of sequence) {
          const t = m.find(state, action);
          expect(t?.to).toBe(table[state]?.[action]?.[0]);
          if (t) state = t.to;
          expect(states).toContain(state);
        }
      }),
    );
  });
});
