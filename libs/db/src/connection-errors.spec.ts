import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './connection-errors.js';

const coded = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });
const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });

describe('isDatabaseUnavailable', () => {
  it('knows a server that is gone, shutting down or refusing connections', () => {
    expect(isDatabaseUnavailable(refused())).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused(), refused()]))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], coded('57P01', 'terminating connection due to administrator command')))).toBe(true);
    expect(isDatabaseUnavailable(coded('08006'))).toBe(true);
    expect(isDatabaseUnavailable(coded('53300'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('leaves failed statements and other errors alone', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], coded('23505')))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], coded('57014')))).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([refused(), new Error('other')]))).toBe(false);
    // A client hanging up on an upload, and a failed call to another service, are not the database's.
    expect(isDatabaseUnavailable(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: refused() }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
