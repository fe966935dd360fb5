/** Thrown by `Period.parse`; the message is Swedish and meant for the user. */
export class InvalidPeriodError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidPeriodError';
  }
}
