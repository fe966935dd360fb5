import { formatDateTime } from '@arshjulet/core';
import type { Notification, NotificationPage } from '@arshjulet/notify';

export const NOTIFICATIONS_PATH = '/aviseringar';

// Counts only: the same output as the indicators lib's Swedish formatter for integers (`1 234`), without making
// workflow depend on indicators.
const counts = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const formatNumber = (value: number): string => counts.format(value);

/** Only app-relative links are followed from a notification (never `//host` or `javascript:`). */
export function safeAppLink(link: string | null): string | null {
  return link && /^\/(?![/\\])[^\s]*$/.test(link) ? link : null;
}

/** The bell's accessible name: "Aviseringar, 3 olästa" (the visible count is part of it). */
export function bellView(unread: number) {
  const count = formatNumber(unread);
  return { count: unread > 0 ? count : null, label: unread === 0 ? 'Aviseringar, inga olästa' : `Aviseringar, ${count} ${unread === 1 ? 'oläst' : 'olästa'}` };
}

function notificationView(notification: Notification) {
  return {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    link: safeAppLink(notification.link),
    unread: notification.readAt === null,
    createdAt: formatDateTime(notification.createdAt),
    markAction: `${NOTIFICATIONS_PATH}/${notification.id}/last`,
  };
}

export function notificationListView(page: NotificationPage, pageNumber: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  const unread = page.unreadCount;
  return {
    title: 'Aviseringar',
    notifications: page.items.map(notificationView),
    summary: page.total === 0
      ? 'Du har inga aviseringar.'
      : `${formatNumber(page.total)} ${page.total === 1 ? 'avisering' : 'aviseringar'}, varav ${formatNumber(unread)} ${unread === 1 ? 'oläst' : 'olästa'}.`,
    anyUnread: unread > 0,
    pager: pages > 1 ? {
      label: `Sida ${formatNumber(pageNumber)} av ${formatNumber(pages)}`,
      previous: pageNumber > 1 ? `${NOTIFICATIONS_PATH}?sida=${pageNumber - 1}` : null,
      next: pageNumber < pages ? `${NOTIFICATIONS_PATH}?sida=${pageNumber + 1}` : null,
    } : null,
  };
}
