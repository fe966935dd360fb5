/** class-transformer `@Transform` functions for query strings, which arrive as text. Anything else passes on untouched for the validators to refuse. */
type TransformInput = { value: unknown };

export const toInt = ({ value }: TransformInput): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

export const toBoolean = ({ value }: TransformInput): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export const toDate = ({ value }: TransformInput): unknown => {
  if (typeof value !== 'string') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
};
