import { Injectable } from '@nestjs/common';
import type { PageRequest, RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { IsNull } from 'typeorm';
import { Notification } from '../notification.entity.js';
import { NotifyException } from '../notify.exception.js';

export interface NotificationPage {
  items: Notification[];
  total: number;
  unreadCount: number;
}

/** The signed-in user's own in-app notifications: list, unread count, mark read. */
@Injectable()
export class NotificationService {
  constructor(private readonly connection: TransactionalConnection) {}

  async list(ctx: RequestContext, userId: string, query: PageRequest & { unread?: boolean }): Promise<NotificationPage> {
    const repository = this.connection.getRepository(ctx, Notification);
    const where = query.unread ? { userId, readAt: IsNull() } : { userId };
    const [items, total] = await repository.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unreadCount = query.unread ? total : await this.unreadCount(ctx, userId);
    return { items, total, unreadCount };
  }

  unreadCount(ctx: RequestContext, userId: string): Promise<number> {
    return this.connection.getRepository(ctx, Notification).countBy({ userId, readAt: IsNull() });
  }

  /** Someone else's notification answers 404, as if it did not exist. Reading twice keeps the first time. */
  async markRead(ctx: RequestContext, userId: string, id: string): Promise<Notification> {
    const repository = this.connection.getRepository(ctx, Notification);
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw NotifyException.notificationNotFound();
    if (!notification.readAt) {
      await repository.update({ id, readAt: IsNull() }, { readAt: () => 'now()' });
      return repository.findOneByOrFail({ id });
    }
    return notification;
  }

  /** Returns how many were marked. */
  async markAllRead(ctx: RequestContext, userId: string): Promise<number> {
    const result = await this.connection.getRepository(ctx, Notification).update({ userId, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}
