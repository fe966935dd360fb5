import type { AppConfig } from '@arshjulet/core';

/** Injection token of {@link ImportLimits}. */
export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

export interface ImportLimits {
  maxBytes: number;
}

export function importLimitsFrom(config: AppConfig): ImportLimits {
  return { maxBytes: config.INDICATOR_IMPORT_MAX_MB * 1024 * 1024 };
}
