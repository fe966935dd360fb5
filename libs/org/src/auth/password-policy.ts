import type { FieldError } from '@arshjulet/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** NIST SP 800-63B style: length over composition rules; no reuse of the e-mail. Returns the problems, if any. */
export function checkPassword(password: string, confirmation: string | undefined, email: string | null, path = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) errors.push({ path, message: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.` });
  if (password.length > PASSWORD_MAX_LENGTH) errors.push({ path, message: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.` });
  if (email && password.trim().toLowerCase() === email.toLowerCase()) errors.push({ path, message: 'Lösenordet får inte vara din e-postadress.' });
  if (confirmation !== undefined && confirmation !== password) errors.push({ path: 'confirmPassword', message: 'Lösenorden är inte likadana.' });
  return errors;
}
