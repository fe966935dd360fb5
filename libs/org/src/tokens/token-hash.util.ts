import { createHash } from 'node:crypto';

/** How a secret handed out once (API token, one-time link) is stored: its SHA-256, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
