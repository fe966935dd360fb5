import { formatDateTime, formatDay } from '@arshjulet/core';
import { formatNumber } from '@arshjulet/indicators';
import { CYCLE_STATUS_LABELS_SV } from '../cycles/cycle-state.machine.js';
import { datesOf } from '../cycles/cycle.service.js';
import type { TaskView } from '../tasks/task.service.js';
import { cyclePath, CYCLES_PATH, taskPath, taskTiming } from './cycle-pages.mapper.js';
import type { CycleStart } from './cycle-start.service.js';
import { wheelView } from './wheel-svg.util.js';

export interface StartItem {
  text: string;
  link: { href: string; label: string } | null;
  late: boolean;
}

const n = (value: number) => formatNumber(value);

/** The delregion's own analysis, in one sentence: due, late, submitted, returned with the comment, or accepted. */
export function ownTaskItem(task: TaskView, several: boolean): StartItem {
  const who = several ? `${task.delregionName}: ` : '';
  const link = { href: taskPath(task.cycleYear, task.id), label: 'Öppna er analysuppgift' };
  const due = formatDay(task.dueDate);
  switch (task.status) {
    case 'submitted':
      return { text: `${who}Er analys är inlämnad ${formatDateTime(task.lastActivityAt)} och väntar på länssamordnarens granskning.`, link, late: false };
    case 'accepted':
      return { text: `${who}Er analys är godkänd.`, link, late: false };
    case 'returned':
      return {
        text: `${who}Er analys är återlämnad för komplettering: ${task.returnComment ?? '(ingen kommentar)'} Lämna in igen senast ${due} – ${taskTiming(task).text.toLowerCase()}.`,
        link,
        late: task.overdue,
      };
    default:
      if (task.overdue) return { text: `${who}Er analys är försenad sedan ${due} (${n(-(task.daysLeft ?? 0))} ${task.daysLeft === -1 ? 'dag' : 'dagar'}).`, link, late: true };
      return { text: `${who}Er analys ska lämnas in senast ${due} – ${taskTiming(task).text.toLowerCase()}.`, link, late: false };
  }
}

/** What the start page hears from outside the cycle lib: whether the year's county report has gone to VVG. */
export interface StartReport {
  sentToVvg: boolean;
}

function countyItems({ overview, allowedActions }: CycleStart, report: StartReport): StartItem[] {
  if (!overview) return [{ text: 'Det finns inget årshjul ännu.', link: { href: `${CYCLES_PATH}/ny`, label: 'Skapa årets årshjul' }, late: false }];
  const { cycle, counts, tasks } = overview;
  const page = { href: cyclePath(cycle.year), label: `Öppna årshjulet ${cycle.year}` };
  switch (cycle.status) {
    case 'draft':
      return [{ text: `Årshjulet ${cycle.year} är ett utkast. Nästa steg: gå igenom datum och fokusområden och börja planera.`, link: page, late: false }];
    case 'planning':
      return [{
        text: `Årshjulet ${cycle.year} planeras. Nästa steg: starta årshjulet, så fryses länssammanställningen och varje delregion får sin analysuppgift med sista dag ${formatDay(cycle.analysisDueDate)}.`,
        link: allowedActions.includes('launch') ? { href: `${cyclePath(cycle.year)}/starta`, label: 'Starta årshjulet' } : page,
        late: false,
      }];
    case 'analysis': {
      const waiting = tasks.filter((task) => task.status === 'submitted').length;
      const items: StartItem[] = [{
        text: `${n(counts.submitted)} av ${n(counts.tasks)} delregioner har lämnat in.${waiting ? ` ${n(waiting)} ${waiting === 1 ? 'analys väntar' : 'analyser väntar'} på din granskning.` : ''}`,
        link: { href: `${cyclePath(cycle.year)}/uppgifter`, label: 'Se uppgifterna' },
        late: false,
      }];
      if (counts.overdue) items.push({ text: `${n(counts.overdue)} ${counts.overdue === 1 ? 'analys är försenad' : 'analyser är försenade'}.`, link: null, late: true });
      return items;
    }
    case 'review': {
      if (counts.accepted === counts.tasks) {
        if (report.sentToVvg) {
          return [{ text: `Länsrapporten ${cycle.year} är hos VVG. Svara på VVG:s kommentarer; när VVG har registrerat sina beslut går du vidare till beslut.`, link: page, late: false }];
        }
        return [{ text: `Alla analyser för ${cycle.year} är godkända. Nästa steg: sammanställ länsrapporten och lämna den till VVG.`, link: page, late: false }];
      }
      // Review started by override: the report is under way while late analyses still come in.
      const waiting = tasks.filter((task) => task.status === 'submitted').length;
      const items: StartItem[] = [{
        text: `Granskningen pågår: ${n(counts.accepted)} av ${n(counts.tasks)} analyser är godkända.${waiting ? ` ${n(waiting)} ${waiting === 1 ? 'analys väntar' : 'analyser väntar'} på din granskning.` : ''} Sammanställ länsrapporten; den är preliminär tills alla analyser är godkända.`,
        link: { href: `${cyclePath(cycle.year)}/uppgifter`, label: 'Se uppgifterna' },
        late: false,
      }];
      if (counts.overdue) items.push({ text: `${n(counts.overdue)} ${counts.overdue === 1 ? 'analys är försenad' : 'analyser är försenade'}.`, link: null, late: true });
      return items;
    }
    case 'decision':
      return [{ text: `VVG beslutar om prioriteringar för nästa år utifrån rapporten ${cycle.year}.`, link: page, late: false }];
    default:
      return [{ text: `Årshjulet ${cycle.year} är avslutat.`, link: { href: `${CYCLES_PATH}/ny`, label: 'Skapa nästa årshjul' }, late: false }];
  }
}

function reviewerItems({ overview }: CycleStart): StartItem[] {
  if (!overview) return [];
  const { cycle } = overview;
  const study = `${formatDay(cycle.studyStart)} – ${formatDay(cycle.studyEnd)}`;
  const text: Record<string, string> = {
    review: `Länsrapporten ${cycle.year} sammanställs och lämnas till VVG för återkoppling (Study, ${study}).`,
    decision: `Dags för VVG:s beslut och prioriteringar för nästa år (Act, ${formatDay(cycle.actStart)} – ${formatDay(cycle.actEnd)}).`,
    closed: `Årshjulet ${cycle.year} är avslutat.`,
  };
  return [{ text: text[cycle.status] ?? `Delregionerna arbetar med sina analyser. Länsrapporten kommer till VVG för återkoppling i Study-fasen (${study}).`, link: null, late: false }];
}

/** The start page's part about the årshjul: what is expected of me now, and the wheel. */
export function cycleStartView(start: CycleStart, report: StartReport = { sentToVvg: false }) {
  const { overview, who, today } = start;
  const items: StartItem[] = [];
  if (who.delregion && overview) {
    const own = overview.tasks;
    if (own.length) items.push(...own.map((task) => ownTaskItem(task, own.length > 1)));
    else items.push({ text: `Årshjulet ${overview.cycle.year} är inte startat ännu. Er analysuppgift kommer när länssamordnaren startar det.`, link: null, late: false });
  }
  if (who.manages) items.push(...countyItems(start, report));
  if (who.reviewer) items.push(...reviewerItems(start));
  const cycle = overview?.cycle ?? null;
  return {
    expected: items,
    cycle: cycle ? { year: cycle.year, status: CYCLE_STATUS_LABELS_SV[cycle.status], href: cyclePath(cycle.year) } : null,
    wheel: cycle ? wheelView(cycle.year, datesOf(cycle), today, 'startsida-arshjul') : null,
    admin: who.admin,
  };
}
