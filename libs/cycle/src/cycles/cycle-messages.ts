import type { OutboxDraft } from '@arshjulet/notify';
import type { Cycle } from './cycle.entity.js';
import { CYCLE_STATUS_LABELS_SV, type CycleStatus } from './cycle-state.machine.js';

export interface Person {
  userId: string;
  email: string;
  name: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One e-mail and one in-app draft per person, with the same Swedish text; `key` makes each draft unique. */
export function draftsFor(people: readonly Person[], message: { kind: string; subject: string; text: string; link: string; key: string }): OutboxDraft[] {
  return people.flatMap((person) => {
    const base = { kind: message.kind, recipientUserId: person.userId, subject: message.subject, link: message.link };
    const html = `<p>${escapeHtml(message.text).replace(/\n/g, '<br>')}</p><p><a href="${escapeHtml(message.link)}">Öppna i Årshjulet</a></p>`;
    return [
      { ...base, channel: 'email', recipient: person.email, text: `${message.text}\n\n${message.link}`, html, dedupeKey: `${message.key}:email:${person.userId}` },
      { ...base, channel: 'in_app', recipient: person.userId, text: message.text, dedupeKey: `${message.key}:in_app:${person.userId}` },
    ] satisfies OutboxDraft[];
  });
}

/** Announces a cycle's new status to everyone taking part. */
export function statusChangedDrafts(cycle: Cycle, to: CycleStatus, people: readonly Person[], reason: string | null): OutboxDraft[] {
  const text = `Årshjulet ${cycle.year} är nu i läget ”${CYCLE_STATUS_LABELS_SV[to]}”.${reason ? `\nSkäl: ${reason}` : ''}`;
  return draftsFor(people, {
    kind: 'cycle.phase_changed',
    subject: `Årshjulet ${cycle.year}: ${CYCLE_STATUS_LABELS_SV[to]}`,
    text,
    link: `/arshjul/${cycle.year}`,
    key: `cycle.phase_changed:${cycle.id}:${to}:${cycle.version}`,
  });
}
