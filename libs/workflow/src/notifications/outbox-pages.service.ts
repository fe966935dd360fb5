import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { OutboxAdminService } from '@arshjulet/notify';
import { FILTER_REFUSED, type OutboxPageMessages, outboxListQuery, outboxListView, parseOutboxFilter, retriedNotice } from './outbox-pages.mapper.js';

/** The "Utskick" page's model, on the admin API's service. */
@Injectable()
export class OutboxPagesService {
  constructor(
    private readonly outbox: OutboxAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The page for a query string: 200, or 422 with the default list when the filter cannot be used. */
  async list(ctx: RequestContext, query: Record<string, unknown>, messages: OutboxPageMessages = {}) {
    const { filter, errors } = parseOutboxFilter(query);
    const shown = errors.length ? { ...messages, error: FILTER_REFUSED, errors } : messages;
    return {
      status: errors.length ? 422 : 200,
      view: outboxListView(await this.outbox.list(ctx, outboxListQuery(filter)), filter, this.config.OUTBOX_MAX_ATTEMPTS, shown),
    };
  }

  /** Puts a failed or dead message back in line (audited by the service); answers the page's notice. */
  async retry(ctx: RequestContext, id: string): Promise<string> {
    return retriedNotice(await this.outbox.retry(ctx, id));
  }
}
