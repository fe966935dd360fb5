import { type FieldError, formatDateTime } from '@arshjulet/core';
import { type OutboxMessage, OutboxStatus } from '@arshjulet/notify';

export const OUTBOX_PAGE_PATH = '/administration/utskick';
export const OUTBOX_PAGE_SIZE = 25;

const NOT_SENT = [OutboxStatus.Pending, OutboxStatus.Failed, OutboxStatus.Dead] as const;

/** The filter's choices; the empty value (the default) is everything not yet delivered. */
const STATUS_CHOICES: ReadonlyArray<{ value: '' | OutboxStatus; label: string }> = [
  { value: '', label: 'Inte levererade (väntar, misslyckade och döda)' },
  { value: OutboxStatus.Pending, label: 'Väntar på att skickas' },
  { value: OutboxStatus.Failed, label: 'Misslyckade – nytt försök planerat' },
  { value: OutboxStatus.Dead, label: 'Döda – gett upp' },
  { value: OutboxStatus.Sent, label: 'Skickade' },
];

const STATUS_LABELS_SV: Record<OutboxStatus, string> = {
  [OutboxStatus.Pending]: 'Väntar',
  [OutboxStatus.Failed]: 'Misslyckades',
  [OutboxStatus.Dead]: 'Död – gav upp',
  [OutboxStatus.Sent]: 'Skickat',
};

const CHANNEL_LABELS_SV: Record<string, string> = { email: 'E-post', in_app: 'I appen' };

const counts = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const formatNumber = (value: number): string => counts.format(value);

export interface OutboxFilter {
  status: '' | OutboxStatus;
  page: number;
}

export const DEFAULT_OUTBOX_FILTER: OutboxFilter = { status: '', page: 1 };

const isStatus = (value: unknown): value is '' | OutboxStatus => STATUS_CHOICES.some((choice) => choice.value === value);
const pageOf = (value: unknown) => (typeof value === 'string' && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : 1);

export const FILTER_REFUSED = 'Filtret kunde inte användas.';

/** The list's query string (`status`, `sida`); a status not in the list gives the default list and a message beside the field. */
export function parseOutboxFilter(query: Record<string, unknown>): { filter: OutboxFilter; errors: FieldError[] } {
  const status = query.status ?? '';
  if (!isStatus(status)) return { filter: DEFAULT_OUTBOX_FILTER, errors: [{ path: 'status', message: 'Välj en status i listan.' }] };
  return { filter: { status, page: pageOf(query.sida) }, errors: [] };
}

/** Where a retry form returns: the list as it was filtered (anything unreadable falls back to the default list). */
export function outboxReturnPath(body: Record<string, unknown>): string {
  const status = isStatus(body.status) ? body.status : '';
  return outboxPath({ status, page: pageOf(body.sida) });
}

export function outboxPath({ status, page }: OutboxFilter): string {
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(page > 1 ? { sida: String(page) } : {}) }).toString();
  return query ? `${OUTBOX_PAGE_PATH}?${query}` : OUTBOX_PAGE_PATH;
}

export function outboxListQuery(filter: OutboxFilter) {
  return { status: filter.status || NOT_SENT, page: filter.page, pageSize: OUTBOX_PAGE_SIZE };
}

/** One message as administrators see it: never its secret, nor its text. */
function outboxMessageView(message: OutboxMessage, maxAttempts: number) {
  return {
    id: message.id,
    kind: message.kind,
    channel: CHANNEL_LABELS_SV[message.channel] ?? message.channel,
    recipient: message.recipient,
    subject: message.subject,
    status: STATUS_LABELS_SV[message.status] ?? message.status,
    dead: message.status === OutboxStatus.Dead,
    nextAttemptAt: message.status === OutboxStatus.Failed ? formatDateTime(message.nextAttemptAt) : null,
    attempts: `${formatNumber(message.attempts)} av ${formatNumber(maxAttempts)}`,
    lastError: message.lastError,
    createdAt: formatDateTime(message.createdAt),
    sentAt: message.sentAt ? formatDateTime(message.sentAt) : null,
    retryable: message.status === OutboxStatus.Dead || message.status === OutboxStatus.Failed,
    retryAction: `${OUTBOX_PAGE_PATH}/${message.id}/forsok-igen`,
  };
}

export interface OutboxPageMessages {
  notice?: string;
  error?: string;
  errors?: FieldError[];
}

export function outboxListView(
  result: { items: OutboxMessage[]; total: number },
  filter: OutboxFilter,
  maxAttempts: number,
  messages: OutboxPageMessages = {},
) {
  const pages = Math.max(1, Math.ceil(result.total / OUTBOX_PAGE_SIZE));
  const statusError = messages.errors?.find((error) => error.path === 'status')?.message ?? null;
  const chosen = STATUS_CHOICES.find((choice) => choice.value === filter.status)!;
  return {
    title: 'Utskick',
    notice: messages.notice ?? null,
    error: messages.error ?? null,
    errorLinks: (messages.errors ?? []).map((error) => ({ href: `#${error.path === 'status' ? 'filter-status' : error.path}`, message: error.message })),
    statusError,
    choices: STATUS_CHOICES.map((choice) => ({ ...choice, selected: choice.value === filter.status })),
    filterStatus: filter.status,
    page: filter.page,
    messages: result.items.map((message) => outboxMessageView(message, maxAttempts)),
    summary: result.total === 0
      ? 'Inga meddelanden med den statusen.'
      : `${formatNumber(result.total)} ${result.total === 1 ? 'meddelande' : 'meddelanden'}: ${chosen.label.toLowerCase()}.`,
    caption: `Utskick: ${chosen.label.toLowerCase()}, nyast först`,
    pager: pages > 1 ? {
      label: `Sida ${formatNumber(filter.page)} av ${formatNumber(pages)}`,
      previous: filter.page > 1 ? outboxPath({ ...filter, page: filter.page - 1 }) : null,
      next: filter.page < pages ? outboxPath({ ...filter, page: filter.page + 1 }) : null,
    } : null,
  };
}

export function retriedNotice(message: OutboxMessage): string {
  return `”${message.subject}” till ${message.recipient} ligger i kö igen och skickas vid nästa runda.`;
}
