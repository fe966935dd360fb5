import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@arshjulet/core';

export const SESSION_SECRET_FILE = 'session-secret';

/**
 * SESSION_SECRET when set (required in production, enforced by the config). Otherwise tests get a random one per
 * process, and development generates one once and keeps it under DATA_DIR, so restarts keep people logged in.
 */
export function resolveSessionSecret(config: Pick<AppConfig, 'SESSION_SECRET' | 'NODE_ENV' | 'DATA_DIR'>): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.NODE_ENV === 'production') throw new Error('SESSION_SECRET is required when NODE_ENV=production');
  if (config.NODE_ENV === 'test') return randomBytes(32).toString('base64url');
  const file = join(resolve(config.DATA_DIR), SESSION_SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`Could not read the session secret in ${file}`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const secret = readFileSync(file, 'utf8').trim();
    return secret.length >= 32 ? secret : null;
  } catch {
    return null;
  }
}
