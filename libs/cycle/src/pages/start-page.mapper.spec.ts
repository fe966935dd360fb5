import { defaultCycleDates } from '../cycles/cycle-dates.js';
import type { Cycle } from '../cycles/cycle.entity.js';
import type { CycleStart } from './cycle-start.service.js';
import { cycleStartView } from './start-page.mapper.js';

/** A county coordinator's start in the review phase with all six analyses accepted. */
function countyInReview(): CycleStart {
  const cycle = { year: 2026, status: 'review', ...defaultCycleDates(2026) } as unknown as Cycle;
  return {
    today: '2026-11-01',
    overview: { cycle, phaseToday: 'study', tasks: [], counts: { tasks: 6, submitted: 6, accepted: 6, returned: 0, overdue: 0 } },
    allowedActions: ['start_decision'],
    who: { admin: false, manages: true, delregion: false, reviewer: false },
  };
}

describe('the county coordinator\'s start page in the review phase', () => {
  it('asks for the county report while it is not yet sent', () => {
    const { expected } = cycleStartView(countyInReview(), { sentToVvg: false });
    expect(expected.map((item) => item.text)).toEqual(['Alla analyser för 2026 är godkända. Nästa steg: sammanställ länsrapporten och lämna den till VVG.']);
  });

  it('once the report is with VVG, says so and points to the cycle page where the year moves on to decision', () => {
    const { expected } = cycleStartView(countyInReview(), { sentToVvg: true });
    expect(expected).toEqual([{
      text: 'Länsrapporten 2026 är hos VVG. Svara på VVG:s kommentarer; när VVG har registrerat sina beslut går du vidare till beslut.',
      link: { href: '/arshjul/2026', label: 'Öppna årshjulet 2026' },
      late: false,
    }]);
  });
});
