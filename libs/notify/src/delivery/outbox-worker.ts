import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { OutboxStatus } from '../outbox-message.entity.js';
import { MailSender } from './mail-sender.js';
import { renderMail } from './message-renderer.js';

export interface DrainReport {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
}

interface ClaimedRow {
  id: string;
  channel: string;
  kind: string;
  recipient: string;
  recipient_user_id: string | null;
  subject: string;
  body: string;
  html: string | null;
  link: string | null;
  secret: Record<string, string> | null;
  attempts: number;
}

const BATCH_SIZE = 25;
const MAX_BACKOFF_SECONDS = 6 * 60 * 60;
const INTERVAL_NAME = 'outbox-worker';

/**
 * Delivers the outbox, at least once: claims a batch with FOR UPDATE SKIP LOCKED and a lease in one short
 * statement, delivers outside any transaction, then marks each sent (erasing its secret) or schedules a retry with
 * exponential backoff and jitter, and gives up (dead letter) after OUTBOX_MAX_ATTEMPTS. Several instances can run
 * side by side; a crash mid-delivery leaves the lease to expire and another worker sends that message again.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger(OutboxWorker.name);
  private running: Promise<DrainReport> | null = null;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly mail: MailSender,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!(this.config.OUTBOX_WORKER ?? this.config.NODE_ENV !== 'test')) return;
    this.start();
  }

  /** Polls every OUTBOX_POLL_SECONDS (tests that want a running worker call this). */
  start(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) return;
    const timer = setInterval(() => void this.tick(), this.config.OUTBOX_POLL_SECONDS * 1000);
    this.scheduler.addInterval(INTERVAL_NAME, timer);
  }

  stop(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  /** Claims one batch of due messages and delivers it. */
  async drainOnce(): Promise<DrainReport> {
    const batch = await this.claim();
    const report: DrainReport = { claimed: batch.length, sent: 0, failed: 0, dead: 0 };
    for (const row of batch) {
      try {
        await this.deliver(row);
        report.sent++;
      } catch (error) {
        const dead = await this.recordFailure(row, error);
        if (dead) report.dead++;
        else report.failed++;
      }
    }
    return report;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.drainOnce();
    try {
      await this.running;
    } catch (error) {
      this.logger.error({ err: error }, 'outbox worker tick failed');
    } finally {
      this.running = null;
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.connection.dataSource.query(
      `WITH due AS (
         SELECT id FROM outbox_message
          WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
            AND (locked_until IS NULL OR locked_until < now())
            AND (channel <> 'email' OR $3)
          ORDER BY next_attempt_at, created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE outbox_message m
          SET locked_until = now() + make_interval(secs => $4), claimed_by = $1, attempts = m.attempts + 1
         FROM due WHERE m.id = due.id
       RETURNING m.id, m.channel, m.kind, m.recipient, m.recipient_user_id, m.subject, m.body, m.html, m.link, m.secret, m.attempts`,
      [this.workerId, BATCH_SIZE, this.mail.enabled, this.config.OUTBOX_LEASE_SECONDS],
    );
    return rows as ClaimedRow[];
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    if (row.channel === 'in_app') return this.materialise(row);
    if (row.channel !== 'email') throw new Error(`unknown channel ${row.channel}`);
    await this.mail.send(row.recipient, renderMail(row, this.baseUrl()));
    // The secret leaves the database with the message; the stored text keeps its placeholders.
    await this.connection.dataSource.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = now(), secret = NULL, locked_until = NULL, last_error = NULL
        WHERE id = $1 AND status <> 'sent'`,
      [row.id],
    );
    this.logger.log({ outboxId: row.id, kind: row.kind, recipient: row.recipient, attempt: row.attempts }, 'e-mail sent');
  }

  /** In-app: the notification row and the sent mark in one transaction, so it appears exactly once. */
  private async materialise(row: ClaimedRow): Promise<void> {
    if (!row.recipient_user_id) throw new Error('an in-app message needs a recipient user');
    await this.connection.dataSource.transaction(async (manager) => {
      const [marked] = await manager.query(
        `UPDATE outbox_message SET status = 'sent', sent_at = now(), secret = NULL, locked_until = NULL, last_error = NULL
          WHERE id = $1 AND claimed_by = $2 AND status IN ('pending', 'failed') RETURNING id`,
        [row.id, this.workerId],
      );
      if (!marked.length) return;
      await manager.query(
        `INSERT INTO notification (user_id, kind, title, body, link, outbox_message_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (outbox_message_id) DO NOTHING`,
        [row.recipient_user_id, row.kind, row.subject, row.body, row.link, row.id],
      );
    });
  }

  /** Schedules the retry, or marks a dead letter; true when it gave up. */
  private async recordFailure(row: ClaimedRow, error: unknown): Promise<boolean> {
    const dead = row.attempts >= this.config.OUTBOX_MAX_ATTEMPTS;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await this.connection.dataSource.query(
      `UPDATE outbox_message SET status = $2, next_attempt_at = now() + make_interval(secs => $3), locked_until = NULL, last_error = $4
        WHERE id = $1 AND status <> 'sent'`,
      [row.id, dead ? OutboxStatus.Dead : OutboxStatus.Failed, dead ? 0 : backoffSeconds(row.attempts, this.config.OUTBOX_RETRY_SECONDS), message],
    );
    const fields = { outboxId: row.id, kind: row.kind, recipient: row.recipient, attempt: row.attempts, error: message };
    if (dead) this.logger.error(fields, 'message gave up: dead letter');
    else this.logger.warn(fields, 'delivery failed; will retry');
    return dead;
  }

  private baseUrl(): string {
    return (this.config.APP_BASE_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
  }
}

/** base · 2^(attempt−1), ±20 % jitter so a burst of failures does not retry in lockstep; capped at 6 hours. */
export function backoffSeconds(attempt: number, baseSeconds: number): number {
  const exponential = Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_SECONDS);
  return exponential * (0.8 + Math.random() * 0.4);
}
