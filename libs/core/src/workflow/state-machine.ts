/** What a caller sends with an action: a reason (for reopening, returning, overriding) and anything a guard reads. */
export interface TransitionInput {
  reason?: string | null;
  [key: string]: unknown;
}

/** One row of a machine's table: from which states an action leads where, who may take it and what it records. */
export interface TransitionDef<S extends string, A extends string, R> {
  /** States this action may be taken from. */
  from: readonly S[];
  action: A;
  to: S;
  /** A Permission value from libs/org (a string here: core cannot import org). */
  permission: string;
  /** 'delregion': checked against the resource's delregion (scoped permissions). */
  scope: 'delregion' | 'none';
  /** Refuse with 422 when input.reason is blank. */
  requiresReason?: boolean;
  /** A Swedish refusal, or null when the transition may go ahead. */
  guard?: (subject: R, input: TransitionInput) => string | null | Promise<string | null>;
  /** The audit action recorded, e.g. 'cycle.launched'. */
  audit: string;
}

/** Swedish names of a machine's states and actions, for people (messages, pages); the codes stay in the API. */
export interface MachineLabels<S extends string, A extends string> {
  states: Record<S, string>;
  actions: Record<A, string>;
}

/**
 * A state machine declared as data (Vendure's finite-state-machine): the table says everything, the
 * TransitionRunner in libs/workflow walks it. Pure: no Nest, no database.
 */
export class StateMachine<S extends string, A extends string, R> {
  private readonly byStateAndAction = new Map<string, TransitionDef<S, A, R>>();

  constructor(
    readonly name: string,
    readonly states: readonly S[],
    readonly actions: readonly A[],
    readonly transitions: readonly TransitionDef<S, A, R>[],
    readonly labels?: MachineLabels<S, A>,
  ) {
    const problems: string[] = [];
    const knownStates = new Set<string>(states);
    const knownActions = new Set<string>(actions);
    if (knownStates.size !== states.length) problems.push('a state is listed twice');
    if (knownActions.size !== actions.length) problems.push('an action is listed twice');
    for (const t of transitions) {
      if (!knownActions.has(t.action)) problems.push(`unknown action '${t.action}'`);
      if (!knownStates.has(t.to)) problems.push(`'${t.action}' leads to unknown state '${t.to}'`);
      if (t.from.length === 0) problems.push(`'${t.action}' → '${t.to}' has no from state`);
      if (!t.permission) problems.push(`'${t.action}' has no permission`);
      if (!t.audit) problems.push(`'${t.action}' records no audit action`);
      for (const from of t.from) {
        if (!knownStates.has(from)) problems.push(`'${t.action}' starts in unknown state '${from}'`);
        const key = keyOf(from, t.action);
        if (this.byStateAndAction.has(key)) problems.push(`'${t.action}' is declared twice from '${from}'`);
        else this.byStateAndAction.set(key, t);
      }
    }
    if (problems.length) throw new Error(`State machine '${name}' is invalid: ${problems.join('; ')}`);
  }

  /** The transition `action` takes from `state`, or undefined when the table has none. */
  find(state: S, action: A): TransitionDef<S, A, R> | undefined {
    return this.byStateAndAction.get(keyOf(state, action));
  }

  /** The Swedish name of a state, or its code when the machine has no labels. */
  stateLabel(state: string): string {
    return (this.labels?.states as Record<string, string> | undefined)?.[state] ?? state;
  }

  /** The Swedish name of an action, or its code when the machine has no labels. */
  actionLabel(action: string): string {
    return (this.labels?.actions as Record<string, string> | undefined)?.[action] ?? action;
  }

  /** Actions legal from `state` that `can` allows, in declaration order: for 409 bodies and for buttons on pages. */
  allowedActions(state: S, can: (t: TransitionDef<S, A, R>) => boolean): A[] {
    return this.actions.filter((action) => {
      const t = this.find(state, action);
      return t !== undefined && can(t);
    });
  }
}

function keyOf(state: string, action: string): string {
  return `${state}\u0000${action}`;
}
