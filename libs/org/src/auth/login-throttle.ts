import { createHash } from 'node:crypto';
import type { AppConfig } from '@arshjulet/core';
import { normalizeEmail } from '../users/email-address.util.js';

export const LOGIN_THROTTLE_ACCOUNT = 'login-account';
export const LOGIN_THROTTLE_IP = 'login-ip';

export interface LoginLimit {
  name: string;
  limit: number;
  /** Window and block length, in milliseconds. */
  ttl: number;
  tracker: (request: { ip?: string; body?: unknown }) => string;
}

/** Accounts are tracked by a hash of the e-mail: the counter table never holds addresses. */
export const accountTracker = (email: unknown): string =>
  createHash('sha256').update(typeof email === 'string' ? normalizeEmail(email) : '').digest('hex');

export const throttleKey = (name: string, tracker: string): string => `${name}:${tracker}`;

/**
 * Two limits on the login form: attempts per account (a successful login clears the account's count, so in
 * effect it counts failures) and all attempts per client IP. Past a limit the key is blocked for a window.
 */
export function loginLimits(config: AppConfig): LoginLimit[] {
  const ttl = config.LOGIN_WINDOW_MINUTES * 60_000;
  return [
    {
      name: LOGIN_THROTTLE_ACCOUNT,
      limit: config.LOGIN_LIMIT_PER_ACCOUNT,
      ttl,
      tracker: (request) => accountTracker((request.body as Record<string, unknown> | undefined)?.email),
    },
    { name: LOGIN_THROTTLE_IP, limit: config.LOGIN_LIMIT_PER_IP, ttl, tracker: (request) => request.ip ?? 'unknown' },
  ];
}
