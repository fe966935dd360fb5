/**
 * PostgreSQL cannot be reached or has gone away (stopped, restarting, too many connections), as opposed to a
 * statement that failed: the request is not at fault and may succeed in a moment, so it is answered 503, not 500.
 * The pool drops broken connections by itself and opens new ones once the server answers again.
 */
const SQLSTATES = new Set([
  // Class 08: connection exception (08000, 08001 cannot connect, 08003, 08004 rejected, 08006 failure, 08P01).
  '08000', '08001', '08003', '08004', '08006', '08007', '08P01',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), database_dropped.
  '57P01', '57P02', '57P03', '57P04',
  // too_many_connections.
  '53300',
]);

/**
 * Opening a connection failed. Only with the syscall that opens one: an ECONNRESET of a client hanging up on an upload
 * is not the database's, nor is anything found under another error's `cause` (a failed fetch to Kolada).
 */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECT_SYSCALLS = new Set(['connect', 'getaddrinfo']);

/** node-postgres says these in plain words, without a code (a dropped socket; no free connection in time). */
const MESSAGES = [/^Connection terminated/i, /^timeout exceeded when trying to connect/i, /^Client has encountered a connection error/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM's QueryFailedError carries node-postgres's error as driverError; connect errors come unwrapped.
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 2; depth++) {
    const { code, message, driverError, syscall } = current as { code?: unknown; message?: unknown; driverError?: unknown; syscall?: unknown };
    if (typeof code === 'string' && SQLSTATES.has(code)) return true;
    if (typeof code === 'string' && CONNECT_CODES.has(code) && typeof syscall === 'string' && CONNECT_SYSCALLS.has(syscall)) return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    // An AggregateError (one per address tried) when every connect attempt was refused.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner))) return true;
    current = driverError;
  }
  return false;
}
