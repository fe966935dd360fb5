import type { DataSource } from 'typeorm';

/** Per table: its row count and an md5 over its rows in a fixed order. */
export type Fingerprint = Record<string, { rows: number; md5: string | null }>;

/**
 * What a refused request may still write by design, left out of the comparison:
 * - `api_token.last_used_at`: the bearer-token guard records the token's use (at most every few minutes) before
 *   the handler decides anything; it is the record of who called, not data the request changed.
 * - `user_session.expire`: a web session's idle expiry rolls forward with any request, refused or not.
 * - `audit_event` rows `access.denied`: a refusal outside the caller's scope is audited on purpose (AccessService).
 */
const LEFT_OUT_COLUMNS: Record<string, string[]> = { api_token: ['last_used_at'], user_session: ['expire'] };
const ROW_FILTERS: Record<string, string> = { audit_event: `WHERE action <> 'access.denied'` };

/**
 * Every table of the public schema, counted and checksummed in one statement (the checksum of a row is its
 * `to_jsonb` text, so bytea and jsonb columns take part too). Compare two with {@link fingerprintDiff}.
 */
export async function databaseFingerprinter(dataSource: DataSource): Promise<() => Promise<Fingerprint>> {
  const tables = (await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)) as Array<{ name: string }>;
  const sql = tables
    .map(({ name }) => {
      const row = ['to_jsonb(t)', ...(LEFT_OUT_COLUMNS[name] ?? []).map((column) => `'${column}'`)].join(' - ');
      return `SELECT '${name}' AS name, count(*)::int AS rows, md5(string_agg((${row})::text, ',' ORDER BY (${row})::text)) AS md5 FROM "${name}" t ${ROW_FILTERS[name] ?? ''}`;
    })
    .join('\nUNION ALL\n');
  return async () => {
    const rows = (await dataSource.query(sql)) as Array<{ name: string; rows: number; md5: string | null }>;
    return Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest]));
  };
}

/** The tables whose rows differ, with their counts before → after. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name]?.md5 !== after[name]?.md5 || before[name]?.rows !== after[name]?.rows)
    .map((name) => `${name} (${before[name]?.rows ?? '–'} → ${after[name]?.rows ?? '–'} rows)`);
}
