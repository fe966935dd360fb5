import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import ical from 'ical-generator';
import { CycleException } from '../cycle.exception.js';
import { addDays, PHASE_LABELS_SV, PHASES, phaseRange } from '../cycles/cycle-dates.js';
import { CycleRepository } from '../cycles/cycle.repository.js';
import { datesOf } from '../cycles/cycle.service.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { CalendarToken } from './calendar-token.entity.js';

const TOKEN_PREFIX = 'arshcal_';

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');
/** Noon UTC keeps an all-day date on its day in every zone the generator might format it in. */
const day = (date: string): Date => new Date(`${date}T12:00:00Z`);

/**
 * Personal iCalendar feeds: a secret URL per user (only its hash is stored), revocable, holding the phases of
 * every cycle that is not closed and the user's own deadlines, so the year shows up in Outlook.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly cycles: CycleRepository,
    private readonly tasks: TaskRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates or replaces the caller's token; the URL is shown once (the old one, if `replaced`, stops working). */
  async rotate(ctx: RequestContext): Promise<{ url: string; replaced: boolean }> {
    const userId = requireUser(ctx);
    const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const replaced = await this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, CalendarToken);
      const { affected } = await repository.delete({ userId });
      await repository.insert({ userId, tokenHash: hash(token) });
      await this.audit.record(tx, { action: 'calendar_token.rotated', entityType: 'app_user', entityId: userId });
      return Boolean(affected);
    });
    return { url: `${this.baseUrl()}/api/v1/me/calendar.ics?token=${token}`, replaced };
  }

  /** Whether the caller has a feed URL, and since when (the URL itself cannot be shown again). */
  async status(ctx: RequestContext): Promise<{ createdAt: Date } | null> {
    const found = await this.connection.getRepository(ctx, CalendarToken).findOne({ where: { userId: requireUser(ctx) }, select: { createdAt: true } });
    return found ? { createdAt: found.createdAt } : null;
  }

  async revoke(ctx: RequestContext): Promise<void> {
    const userId = requireUser(ctx);
    await this.connection.withTransaction(ctx, async (tx) => {
      const { affected } = await this.connection.getRepository(tx, CalendarToken).delete({ userId });
      if (affected) await this.audit.record(tx, { action: 'calendar_token.revoked', entityType: 'app_user', entityId: userId });
    });
  }

  /** The feed for a token; an unknown or revoked token (or a deactivated user) answers 404. */
  async feed(token: string | undefined): Promise<string> {
    const ctx = RequestContext.system('calendar');
    if (!token?.startsWith(TOKEN_PREFIX)) throw CycleException.calendarNotFound();
    const [owner] = await this.connection.manager(ctx).query(
      'SELECT t.user_id AS "userId" FROM calendar_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active',
      [hash(token)],
    );
    if (!owner) throw CycleException.calendarNotFound();
    const calendar = ical({ name: 'Årshjulet', prodId: { company: 'Vårdsamverkan Västra Götaland', product: 'Årshjulet', language: 'SV' } });
    const base = this.baseUrl();
    for (const cycle of await this.cycles.findRunning(ctx)) {
      const dates = datesOf(cycle);
      for (const phase of PHASES) {
        const [start, end] = phaseRange(dates, phase);
        calendar.createEvent({
          id: `${cycle.id}-${phase}@arshjulet`, allDay: true, start: day(start), end: day(addDays(end, 1)),
          summary: `Årshjulet ${cycle.year}: ${PHASE_LABELS_SV[phase]}`, url: `${base}/arshjul/${cycle.year}`,
        });
      }
    }
    for (const task of await this.tasks.tasksOfCoordinator(ctx, owner.userId)) {
      calendar.createEvent({
        id: `${task.id}-due@arshjulet`, allDay: true, start: day(task.dueDate), end: day(addDays(task.dueDate, 1)),
        summary: `Sista dag: analys ${task.cycleYear} – ${task.delregionName}`, url: `${base}/arshjul/${task.cycleYear}/uppgifter/${task.id}`,
      });
    }
    return calendar.toString();
  }

  private baseUrl(): string {
    return (this.config.APP_BASE_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
  }
}

function requireUser(ctx: RequestContext): string {
  const userId = ctx.actor?.userId;
  if (!userId) throw CycleException.calendarNotFound();
  return userId;
}
