import type { ThrottlerStorage } from '@nestjs/throttler';
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@arshjulet/db';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface CounterRow {
  hits: number;
  window_left_ms: string;
  block_left_ms: string | null;
}

/**
 * Rate-limit counters in PostgreSQL, so every app instance counts against the same limits; it fulfils
 * @nestjs/throttler's storage contract (imported as a type only). One atomic upsert per hit: a fixed window of
 * `ttl` milliseconds; past `limit` the key is blocked for `blockDuration`.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly connection: TransactionalConnection) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const rows = (await this.connection.dataSource.query(
      `INSERT INTO rate_limit_counter AS c (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond', NULL)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.blocked_until > now() THEN c.hits
                     WHEN c.window_ends_at <= now() THEN 1
                     ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.blocked_until > now() THEN c.window_ends_at
                               WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at
                               ELSE c.window_ends_at END,
         blocked_until = CASE WHEN c.blocked_until > now() THEN c.blocked_until
                              WHEN c.window_ends_at > now() AND c.hits + 1 > $3 THEN now() + $4 * interval '1 millisecond'
                              ELSE NULL END
       RETURNING hits,
         extract(epoch FROM (window_ends_at - now())) * 1000 AS window_left_ms,
         extract(epoch FROM (blocked_until - now())) * 1000 AS block_left_ms`,
      [key, ttl, limit, blockDuration],
    )) as CounterRow[];
    const row = rows[0]!;
    if (Math.random() < 0.01) void this.prune();
    const blockLeft = row.block_left_ms === null ? 0 : Number(row.block_left_ms);
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(Number(row.window_left_ms) / 1000)),
      isBlocked: blockLeft > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockLeft / 1000)),
    };
  }

  /** Forgets a key, e.g. an account's failed logins once it logs in. */
  async reset(key: string): Promise<void> {
    await this.connection.dataSource.query('DELETE FROM rate_limit_counter WHERE key = $1', [key]);
  }

  /** Counters whose window and block have both passed are noise. */
  async prune(): Promise<void> {
    await this.connection.dataSource
      .query(`DELETE FROM rate_limit_counter WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`)
      .catch(() => undefined);
  }
}
