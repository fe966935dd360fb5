import { Role, ROLES } from '@arshjulet/core';
import { Permission, ROLE_PERMISSIONS } from '@arshjulet/org';
import type { ReportModel } from '../model/report-model.js';
import type { CountyReport } from './county-report.entity.js';
import { REPORT_ACTION_LABELS_SV, REPORT_ACTIONS, REPORT_MACHINE, REPORT_STATE_LABELS_SV, REPORT_STATES } from './report-state.machine.js';

/** Written by hand, not derived: state → action → [to, roles that may]. Anything missing is a refusal. */
const A = Role.Admin, C = Role.CountyCoordinator, V = Role.VvgReviewer;
const TABLE: Record<string, Record<string, [string, Role[]]>> = {
  draft: { send_to_review: ['in_review', [A, C]] },
  in_review: { give_feedback: ['feedback_given', [A, V]], revise: ['draft', [A, C]] },
  feedback_given: { approve: ['approved', [A, V]], revise: ['draft', [A, C]] },
  approved: { publish: ['published', [A, C]] },
  published: {},
};

const may = (role: Role, permission: string) => ROLE_PERMISSIONS[role].includes(permission as Permission);

describe('county report machine', () => {
  it.each(REPORT_STATES.flatMap((s) => REPORT_ACTIONS.flatMap((a) => ROLES.map((r) => [s, a, r] as const))))('%s × %s × %s', (state, action, role) => {
    const t = REPORT_MACHINE.find(state, action);
    const expected = TABLE[state]?.[action];
    expect(t?.to).toBe(expected?.[0]);
    expect(t !== undefined && may(role, t.permission)).toBe(expected?.[1].includes(role) ?? false);
  });

  it('names every state and action in Swedish', () => {
    for (const state of REPORT_STATES) expect(REPORT_MACHINE.stateLabel(state)).toBe(REPORT_STATE_LABELS_SV[state]);
    for (const action of REPORT_ACTIONS) expect(REPORT_MACHINE.actionLabel(action)).toBe(REPORT_ACTION_LABELS_SV[action]);
    expect(REPORT_MACHINE.stateLabel('in_review')).toBe('Under granskning');
  });

  it('going back to draft needs a reason; nothing else does', () => {
    const withReason = REPORT_STATES.flatMap((s) => REPORT_ACTIONS.map((a) => REPORT_MACHINE.find(s, a))).filter((t) => t?.requiresReason);
    expect(new Set(withReason.map((t) => t!.action))).toEqual(new Set(['revise']));
  });

  it('refuses to send a preliminary report to review, naming how many analyses are not accepted', async () => {
    const t = REPORT_MACHINE.find('draft', 'send_to_review')!;
    const subject = (accepted: boolean[]) => ({
      report: {} as CountyReport,
      model: { preliminary: accepted.some((a) => !a) || accepted.length === 0, delregions: accepted.map((a) => ({ accepted: a })) } as unknown as ReportModel,
    });
    expect(await t.guard!(subject([true, false, false]), {})).toBe(
      'Rapporten är preliminär: 2 av 3 analyser är inte godkända. Den kan bara vara ett utkast tills alla är godkända.',
    );
    expect(await t.guard!(subject([]), {})).toMatch(/inga godkända analyser/);
    expect(await t.guard!(subject([true, true]), {})).toBeNull();
  });
});
