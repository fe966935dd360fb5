import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { OutboxAdminService } from '@arshjulet/notify';
import { type OutboxFilter, type OutboxPageMessages, outboxListQuery, outboxListView, retriedNotice } from './outbox-pages.mapper.js';

/** The "Utskick" page's model, on the admin API's service. */
@Injectable()
export class OutboxPagesService {
  constructor(
    private readonly outbox: OutboxAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(ctx: RequestContext, filter: OutboxFilter, messages?: OutboxPageMessages) {
    return outboxListView(await this.outbox.list(ctx, outboxListQuery(filter)), filter, this.config.OUTBOX_MAX_ATTEMPTS, messages);
  }

  /** Puts a failed or dead message back in line (audited by the service); answers the page's notice. */
  async retry(ctx: RequestContext, id: string): Promise<string> {
    return retriedNotice(await this.outbox.retry(ctx, id));
  }
}
