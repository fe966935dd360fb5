import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** Set at login; the AuthGuard reads it to identify the actor. */
    userId?: string;
    loggedInAt?: string;
    /** One message for the next page view (post/redirect/get). */
    flash?: Flash;
  }
}

export interface Flash {
  notice?: string;
  error?: string;
  errors?: Array<{ path: string; message: string }>;
}
