import { StateMachine, type TransitionDef } from './state-machine.js';

type S = 'draft' | 'open' | 'closed';
type A = 'open' | 'close' | 'reopen';
const row = (def: Partial<TransitionDef<S, A, unknown>> & Pick<TransitionDef<S, A, unknown>, 'from' | 'action' | 'to'>): TransitionDef<S, A, unknown> => ({
  permission: 'cycle.manage',
  scope: 'none',
  audit: `thing.${def.action}`,
  ...def,
});

const machine = () =>
  new StateMachine<S, A, unknown>('thing', ['draft', 'open', 'closed'], ['open', 'close', 'reopen'], [
    row({ from: ['draft'], action: 'open', to: 'open' }),
    row({ from: ['draft', 'open'], action: 'close', to: 'closed' }),
    row({ from: ['closed'], action: 'reopen', to: 'open', permission: 'admin.only', requiresReason: true }),
  ]);

describe('StateMachine', () => {
  it('finds the declared transition for a state and action, and nothing for an undeclared pair', () => {
    const m = machine();
    expect(m.find('draft', 'close')?.to).toBe('closed');
    expect(m.find('open', 'close')?.to).toBe('closed');
    expect(m.find('closed', 'reopen')?.requiresReason).toBe(true);
    expect(m.find('open', 'open')).toBeUndefined();
    expect(m.find('closed', 'close')).toBeUndefined();
  });

  it('lists the actions legal from a state that the caller may take, in declaration order', () => {
    const m = machine();
    expect(m.allowedActions('draft', () => true)).toEqual(['open', 'close']);
    expect(m.allowedActions('closed', () => true)).toEqual(['reopen']);
    expect(m.allowedActions('closed', (t) => t.permission !== 'admin.only')).toEqual([]);
    expect(m.allowedActions('open', () => false)).toEqual([]);
  });

  it('refuses a table that leads to or from an unknown state', () => {
    expect(() => new StateMachine<S, A, unknown>('x', ['draft', 'open'], ['open'], [row({ from: ['draft'], action: 'open', to: 'closed' })])).toThrow(
      /unknown state 'closed'/,
    );
    expect(() => new StateMachine<S, A, unknown>('x', ['draft', 'open'], ['open'], [row({ from: ['closed'], action: 'open', to: 'open' })])).toThrow(
      /starts in unknown state 'closed'/,
    );
  });

  it('refuses the same action declared twice from one state', () => {
    expect(
      () =>
        new StateMachine<S, A, unknown>('x', ['draft', 'open', 'closed'], ['close'], [
          row({ from: ['draft', 'open'], action: 'close', to: 'closed' }),
          row({ from: ['open'], action: 'close', to: 'draft' }),
        ]),
    ).toThrow(/'close' is declared twice from 'open'/);
  });

  it('refuses an unknown action, an empty from list and a missing audit action', () => {
    expect(() => new StateMachine<S, A, unknown>('x', ['draft', 'open'], ['open'], [row({ from: ['draft'], action: 'close', to: 'open' })])).toThrow(
      /unknown action 'close'/,
    );
    expect(() => new StateMachine<S, A, unknown>('x', ['draft', 'open'], ['open'], [row({ from: [], action: 'open', to: 'open' })])).toThrow(/no from state/);
    expect(() => new StateMachine<S, A, unknown>('x', ['draft', 'open'], ['open'], [row({ from: ['draft'], action: 'open', to: 'open', audit: '' })])).toThrow(
      /no audit action/,
    );
  });
});
