import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as text (exact); the API speaks JSON numbers. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
