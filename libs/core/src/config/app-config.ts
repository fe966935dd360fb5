import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvDto } from './env.dto.js';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** The validated, typed configuration; one instance per process, injected as a plain value. */
export type AppConfig = Readonly<EnvDto>;

/** Injection token for {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the raw environment; throws naming every bad setting so the app refuses to start. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "not set", as shells and .env files write it.
  const raw = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  raw.SEED_DEMO ??= String((raw.NODE_ENV ?? 'development') === 'development');
  const config = plainToInstance(EnvDto, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((error) => {
        const messages = Object.values(error.constraints ?? {}).join('; ');
        return `${error.property}=${JSON.stringify(error.value)}: ${messages}`;
      }),
    );
  }
  if (config.NODE_ENV === 'production' && !config.SESSION_SECRET) {
    throw new ConfigValidationError(['SESSION_SECRET: required when NODE_ENV=production']);
  }
  return Object.freeze(config);
}
