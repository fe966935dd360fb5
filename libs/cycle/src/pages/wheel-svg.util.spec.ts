import { defaultCycleDates } from '../cycles/cycle-dates.js';
import { wheelView } from './wheel-svg.util.js';

describe('the årshjul picture', () => {
  const dates = defaultCycleDates(2026);

  it('draws the four phases as arcs with their names, a title and a description naming every date', () => {
    const wheel = wheelView(2026, dates, '2026-11-30');
    expect(wheel.svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="arshjul-title arshjul-desc">/);
    expect(wheel.svg).toContain('<title id="arshjul-title">Årshjulet 2026</title>');
    expect(wheel.svg.match(/<path /g)).toHaveLength(4);
    for (const name of ['Plan', 'Do', 'Study', 'Act']) expect(wheel.svg).toContain(`>${name}</text>`);
    expect(wheel.svg).toContain(
      '<desc id="arshjul-desc">Plan – länssammanställning: 2026-04-01 – 2026-04-30. Do – delregional analys: 2026-05-01 – 2026-09-30. ' +
        'Study – återkoppling till VVG: 2026-10-01 – 2026-11-30. Act – beslut och prioritering: 2026-12-01 – 2027-03-31. Idag: 2026-11-30, fas Study.</desc>',
    );
  });

  it('gives the same facts as a text alternative, with the current phase marked and today named', () => {
    const wheel = wheelView(2026, dates, '2026-11-30');
    expect(wheel.today).toBe('Idag: 2026-11-30, fas Study');
    expect(wheel.phases.map((p) => [p.title, p.dates, p.current])).toEqual([
      ['Plan – länssammanställning', '2026-04-01 – 2026-04-30', false],
      ['Do – delregional analys', '2026-05-01 – 2026-09-30', false],
      ['Study – återkoppling till VVG', '2026-10-01 – 2026-11-30', true],
      ['Act – beslut och prioritering', '2026-12-01 – 2027-03-31', false],
    ]);
  });

  it('marks today at its place on the circle: the last day of November sits at two thirds of a year from 1 April', () => {
    const marker = /<g class="wheel-today"><line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(wheelView(2026, dates, '2026-11-30').svg);
    expect(marker).not.toBeNull();
    const [x, y] = [Number(marker![3]) - 160, Number(marker![4]) - 160];
    // 244 of 365 days after 1 April: about 241° clockwise from twelve o'clock, i.e. lower left.
    const degrees = ((Math.atan2(y, x) * 180) / Math.PI + 90 + 360) % 360;
    expect(degrees).toBeGreaterThan(238);
    expect(degrees).toBeLessThan(243);
  });

  it('draws no marker before the wheel starts or after it ends, and says so', () => {
    const before = wheelView(2026, dates, '2026-02-10');
    expect(before.svg).not.toContain('wheel-today');
    expect(before.today).toBe('Idag: 2026-02-10, före årshjulets start');
    expect(before.phases.some((p) => p.current)).toBe(false);
    expect(wheelView(2026, dates, '2027-04-01').today).toBe('Idag: 2027-04-01, efter årshjulets slut');
  });

  it('sizes the arcs by their days: Do (five months) is drawn larger than half a circle, Plan not', () => {
    const svg = wheelView(2026, dates, '2026-05-02').svg;
    const flags = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+A\d+ \d+ 0 (\d) 1/g)].map((m) => m[1]);
    expect(flags).toEqual(['0', '0', '0', '0']);
    const custom = wheelView(2026, { ...dates, doEnd: '2026-11-15', studyStart: '2026-11-16', analysisDueDate: '2026-10-01' }, '2026-05-02').svg;
    expect([...custom.matchAll(/<path d="M[\d.]+ [\d.]+A\d+ \d+ 0 (\d) 1/g)].map((m) => m[1])).toEqual(['0', '1', '0', '0']);
  });
});
