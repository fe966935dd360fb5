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

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** node-postgres says these in plain words, without a code (a dropped socket; no free connection in time). */
const MESSAGES = [/^Connection terminated/i, /^timeout exceeded when trying to connect/i, /^Client has encountered a connection error/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    // An AggregateError (one per address tried) when every connect attempt was refused.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner))) return true;
    current = driverError ?? cause;
  }
  return false;
}
