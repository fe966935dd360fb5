import { DomainException, ErrorKind, type StateMachine } from '@arshjulet/core';

type NamedMachine = Pick<StateMachine<string, string, unknown>, 'name' | 'stateLabel' | 'actionLabel'>;

export enum WorkflowErrorCode {
  IllegalTransition = 'workflow.illegal_transition',
  GuardRefused = 'workflow.guard_refused',
  ReasonRequired = 'workflow.reason_required',
  StaleVersion = 'workflow.stale_version',
}

/** Refusals of the one transition path; each maps to problem+json through the exception filter. */
export class WorkflowException extends DomainException {
  /**
   * 409: the action is not in the table for the current state; the body says what is possible instead (as codes),
   * the Swedish detail names the action and the state by the machine's labels.
   */
  static illegal(machine: NamedMachine, action: string, currentState: string, allowedActions: readonly string[]): WorkflowException {
    return new WorkflowException(ErrorKind.Conflict, {
      code: WorkflowErrorCode.IllegalTransition,
      detail: `Åtgärden ”${machine.actionLabel(action)}” går inte att utföra i läget ”${machine.stateLabel(currentState)}”.`,
      extensions: { machine: machine.name, action, currentState, allowedActions: [...allowedActions] },
    });
  }

  /** 409: the table allows the action, but the subject is not ready for it (the guard's Swedish reason). */
  static guardRefused(action: string, currentState: string, reason: string): WorkflowException {
    return new WorkflowException(ErrorKind.Conflict, { code: WorkflowErrorCode.GuardRefused, detail: reason, extensions: { action, currentState } });
  }

  /** 422: the action needs a reason and none was given. */
  static reasonRequired(): WorkflowException {
    return new WorkflowException(ErrorKind.Validation, {
      code: WorkflowErrorCode.ReasonRequired,
      detail: 'Ange ett skäl för åtgärden.',
      errors: [{ path: 'reason', message: 'Ange ett skäl.' }],
    });
  }

  /** 409: someone changed the subject since the client read it; the current version and state travel along. */
  static stale(currentVersion: number | null, currentState: string): WorkflowException {
    return new WorkflowException(ErrorKind.Conflict, {
      code: WorkflowErrorCode.StaleVersion,
      detail: 'Någon annan har ändrat uppgifterna under tiden. Läs in den senaste versionen och försök igen.',
      extensions: { currentVersion, currentState },
    });
  }
}
