import 'express-session';
import type { IdentityRow } from '../access/identity.repository.js';

declare module 'express-session' {
  interface SessionData {
    /** Set at login; the AuthGuard reads it to identify the actor. */
    userId?: string;
    loggedInAt?: string;
    /** The delregion a coordinator of several chose to act for (the header's switch); unset: all of them. */
    actingDelregionId?: string;
    /** One message for the next page view (post/redirect/get). */
    flash?: Flash;
    /** Filled by the store on every load, never stored: see {@link LoadedSession}. */
    loaded?: LoadedSession;
  }
}

/** What loading the session found along with it, in the same query. */
export interface LoadedSession {
  /** The signed-in user if they are still active; null otherwise. */
  identity: IdentityRow | null;
  /** Whether this request should move the stored expiry forward (it was last moved longer ago than the touch interval). */
  touchDue: boolean;
}

export interface Flash {
  notice?: string;
  error?: string;
  errors?: Array<{ path: string; message: string }>;
}
