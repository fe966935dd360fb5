export type OutboxChannel = 'email' | 'in_app';

/** A message to deliver, written as an outbox row in the caller's transaction (one draft per channel per recipient). */
export interface OutboxDraft {
  channel: OutboxChannel;
  /** Dotted kind: 'task.reminder', 'cycle.phase_changed', 'user.invitation', … */
  kind: string;
  recipientUserId: string | null;
  /** E-mail address, or the user id for in_app. */
  recipient: string;
  /** Swedish. */
  subject: string;
  /** Swedish plain text; `{{name}}` placeholders are filled from `secret` at delivery. */
  text: string;
  /** Swedish HTML (escaped), with the same placeholders. */
  html?: string;
  /** App-relative link to the thing, e.g. '/arshjul/2026/uppgifter/<id>'. */
  link?: string | null;
  /** Parts erased after delivery (one-time links), filled into `{{name}}` placeholders at send time. */
  secret?: Record<string, string>;
  /** Unique; enqueueing the same key again is a no-op. */
  dedupeKey?: string | null;
  /** Structured data for lookups (never secrets: those go in `secret`). */
  payload?: Record<string, unknown>;
}
