import { formatDay } from '@arshjulet/core';
import { type CycleDates, daysBetween, type Phase, phaseOn, phaseRange, PHASES } from '../cycles/cycle-dates.js';

/** The phases as the county names them on the wheel and in its text alternative. */
export const PHASE_TITLES_SV: Record<Phase, string> = {
  plan: 'Plan – länssammanställning',
  do: 'Do – delregional analys',
  study: 'Study – återkoppling till VVG',
  act: 'Act – beslut och prioritering',
};

const PHASE_SHORT_SV: Record<Phase, string> = { plan: 'Plan', do: 'Do', study: 'Study', act: 'Act' };

/** Dark fills: white text on each has a contrast of at least 6:1, the arcs at least 3:1 against the page. */
const PHASE_FILL: Record<Phase, string> = { plan: '#1d4f91', do: '#2b6a2f', study: '#8a4a00', act: '#6a2c87' };
const TODAY_COLOUR = '#b3001b';

export interface WheelPhaseView {
  phase: Phase;
  title: string;
  start: string;
  end: string;
  /** "2026-04-01 – 2026-04-30" */
  dates: string;
  current: boolean;
}

export interface WheelView {
  /** The SVG markup; every text in it is escaped. */
  svg: string;
  /** The text alternative beside the picture. */
  phases: WheelPhaseView[];
  /** "Idag: 2026-11-30, fas Study" (or before / after the wheel). */
  today: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SIZE = 320;
const CENTRE = SIZE / 2;
const OUTER = 140;
const INNER = 88;
const round = (value: number) => Math.round(value * 100) / 100;

/** A point on the circle: angle 0 at twelve o'clock, clockwise, as a year is read on a clock face. */
function point(radius: number, fraction: number): [number, number] {
  const angle = fraction * 2 * Math.PI - Math.PI / 2;
  return [round(CENTRE + radius * Math.cos(angle)), round(CENTRE + radius * Math.sin(angle))];
}

function arcPath(from: number, to: number, outer: number, inner: number): string {
  const large = to - from > 0.5 ? 1 : 0;
  const [x1, y1] = point(outer, from);
  const [x2, y2] = point(outer, to);
  const [x3, y3] = point(inner, to);
  const [x4, y4] = point(inner, from);
  return `M${x1} ${y1}A${outer} ${outer} 0 ${large} 1 ${x2} ${y2}L${x3} ${y3}A${inner} ${inner} 0 ${large} 0 ${x4} ${y4}Z`;
}

/** Where the day sits on the wheel, 0 at the start of Plan and 1 after the last day of Act. */
function fractionOf(dates: CycleDates, day: string, total: number): number {
  return Math.min(1, Math.max(0, daysBetween(dates.planStart, day) / total));
}

/**
 * The årshjul as an accessible picture: the four PDSA phases as arcs sized by their days, with their names and
 * dates, and today's position marked. `idPrefix` keeps the title/desc ids unique when a page shows two wheels.
 */
export function wheelView(year: number, dates: CycleDates, today: string, idPrefix = 'arshjul'): WheelView {
  const total = daysBetween(dates.planStart, dates.actEnd) + 1;
  const current = phaseOn(dates, today);
  const phases = PHASES.map((phase): WheelPhaseView => {
    const [start, end] = phaseRange(dates, phase);
    return { phase, title: PHASE_TITLES_SV[phase], start, end, dates: `${formatDay(start)} – ${formatDay(end)}`, current: phase === current };
  });
  const todayText = current
    ? `Idag: ${formatDay(today)}, fas ${PHASE_SHORT_SV[current]}`
    : `Idag: ${formatDay(today)}, ${today < dates.planStart ? 'före årshjulets start' : 'efter årshjulets slut'}`;

  const title = `Årshjulet ${year}`;
  const desc = `${phases.map((p) => `${p.title}: ${p.dates}`).join('. ')}. ${todayText}.`;
  const arcs = phases.map((p) => {
    const from = fractionOf(dates, p.start, total);
    const to = (daysBetween(dates.planStart, p.end) + 1) / total;
    const outer = p.current ? OUTER + 8 : OUTER;
    const [lx, ly] = point((outer + INNER) / 2, (from + to) / 2);
    return (
      `<g class="wheel-phase wheel-${p.phase}${p.current ? ' wheel-current' : ''}">` +
      `<path d="${arcPath(from, to, outer, INNER)}" fill="${PHASE_FILL[p.phase]}" stroke="#ffffff" stroke-width="2"/>` +
      `<text x="${lx}" y="${ly}" text-anchor="middle" dominant-baseline="middle" fill="#ffffff" font-size="15" font-weight="700">${escapeXml(PHASE_SHORT_SV[p.phase])}</text>` +
      `</g>`
    );
  });

  let marker = '';
  if (current) {
    const at = (daysBetween(dates.planStart, today) + 0.5) / total;
    const [x1, y1] = point(INNER - 14, at);
    const [x2, y2] = point(OUTER + 14, at);
    marker = `<g class="wheel-today"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${TODAY_COLOUR}" stroke-width="4" stroke-linecap="round"/>` +
      `<circle cx="${x2}" cy="${y2}" r="6" fill="${TODAY_COLOUR}"/></g>`;
  }
  const centre =
    `<text x="${CENTRE}" y="${CENTRE - 12}" text-anchor="middle" font-size="22" font-weight="700" fill="#1a1a1a">${escapeXml(String(year))}</text>` +
    `<text x="${CENTRE}" y="${CENTRE + 14}" text-anchor="middle" font-size="13" fill="#1a1a1a">Idag ${escapeXml(formatDay(today))}</text>` +
    (current ? `<text x="${CENTRE}" y="${CENTRE + 32}" text-anchor="middle" font-size="13" fill="${TODAY_COLOUR}" font-weight="700">${escapeXml(PHASE_SHORT_SV[current])}</text>` : '');

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="wheel" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" ` +
    `aria-labelledby="${idPrefix}-title ${idPrefix}-desc">` +
    `<title id="${idPrefix}-title">${escapeXml(title)}</title><desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>` +
    arcs.join('') + marker + centre + `</svg>`;
  return { svg, phases, today: todayText };
}
