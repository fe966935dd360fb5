import { Period } from '../period/period.js';
import { collect, fixtureStream } from '../parse/__fixtures__/fixtures.util.js';
import { TEST_ORG_UNITS, testCatalog } from '../parse/__fixtures__/catalog.fixture.js';
import { parseIndicatorCsv } from '../parse/csv-indicator.parser.js';
import { RowValidator } from '../parse/row-validator.js';
import { classifyChange } from './change.util.js';
import { findExtremes } from './extremes.util.js';
import { describeChange, describeSpread, describeVersusNation } from './indicator-sentences.util.js';
import { compareWithNation } from './nation-comparison.util.js';
import type { OrgUnitValue } from './org-unit-value.js';
import { rankOrgUnits } from './ranking.util.js';
import { evaluateTarget } from './target.util.js';

const NBSP = '\u00a0';
const y = (year: number) => Period.year(year);

/** Seed 000: "Möjligheten att träffa läkare i särskilt boende varierar stort: från 28 % i Strömstad till 73 % i Essunga (2024)." */
const SO02_2024: OrgUnitValue[] = [
  { orgUnitId: '1486', name: 'Strömstad', value: 28 },
  { orgUnitId: '1445', name: 'Essunga', value: 73 },
  { orgUnitId: '1440', name: 'Ale', value: 55 },
  { orgUnitId: '1435', name: 'Tanum', value: 41 },
];

describe('seed 001: IU03 per hospital, Q2 2025, read from the CSV fixture', () => {
  async function hospitalValues(fixture: string, period: string): Promise<OrgUnitValue[]> {
    const validator = new RowValidator(testCatalog());
    const hospitals = new Map(TEST_ORG_UNITS.filter((unit) => unit.type === 'hospital').map((unit) => [unit.id, unit.name]));
    const values: OrgUnitValue[] = [];
    for (const raw of await collect(parseIndicatorCsv(fixtureStream(fixture)))) {
      const result = validator.validate(raw);
      if (result.ok && result.row.period === period && hospitals.has(result.row.orgUnitId as string)) {
        values.push({ orgUnitId: result.row.orgUnitId, name: hospitals.get(result.row.orgUnitId as string)!, value: result.row.value });
      }
    }
    return values;
  }

  it.each([['iu03-hospitals-2025-wide.csv'], ['iu03-hospitals-2025-long.csv']])(
    'finds Alingsås lasarett lowest (4 %%) and Kungälvs sjukhus highest (15 %%) in %s',
    async (fixture) => {
      const values = await hospitalValues(fixture, '2025-Q2');

      expect(values).toHaveLength(6);
      expect(findExtremes(values)).toEqual({
        lowest: [{ orgUnitId: 'o-h-als', name: 'Alingsås lasarett', value: 4 }],
        highest: [{ orgUnitId: 'o-h-ks', name: 'Kungälvs sjukhus', value: 15 }],
      });
      expect(describeSpread('percent', values, Period.parse('2025-Q2'))).toBe(
        `varierar stort: från 4${NBSP}% i Alingsås lasarett till 15${NBSP}% i Kungälvs sjukhus (Q2 2025)`,
      );
    },
  );

  it('ranks the hospitals best first by the indicator direction (lower is better for IU03)', async () => {
    const ranked = rankOrgUnits(await hospitalValues('iu03-hospitals-2025-wide.csv', '2025-Q1'), 'lower');

    expect(ranked.map((entry) => [entry.rank, entry.name, entry.value])).toEqual([
      [1, 'Alingsås lasarett', 3.7],
      [2, 'Skaraborgs sjukhus', 4.3],
      [3, 'Södra Älvsborgs sjukhus', 5],
      [4, 'NU-sjukvården', 5.7],
      [5, 'Sahlgrenska Universitetssjukhuset', 12],
      [6, 'Kungälvs sjukhus', 13],
    ]);
  });
});

describe('comparisons', () => {
  it('classifies a change by direction', () => {
    expect(classifyChange(57.4, 62.6, 'higher', 'percent')).toEqual({
      previous: 57.4, current: 62.6, delta: expect.closeTo(5.2, 10), trend: 'increased', assessment: 'better',
    });
    expect(classifyChange(3421, 2832, 'lower', 'per_100000')).toMatchObject({ trend: 'decreased', assessment: 'better' });
    expect(classifyChange(13, 15, 'lower', 'percent')).toMatchObject({ trend: 'increased', assessment: 'worse' });
    expect(classifyChange(1200, 1100, 'none', 'count')).toMatchObject({ trend: 'decreased', assessment: null });
    expect(classifyChange(62.6, 62.62, 'higher', 'percent')).toMatchObject({ trend: 'unchanged', assessment: 'unchanged' });
  });

  it('compares the county with the nation', () => {
    expect(compareWithNation(2832, 3421, 'lower', 'per_100000')).toEqual({
      value: 2832, nationValue: 3421, difference: -589, position: 'below', assessment: 'better',
    });
    expect(compareWithNation(70, 71.3, 'higher', 'percent')).toMatchObject({ position: 'below', assessment: 'worse' });
    expect(compareWithNation(58.1, 57, 'higher', 'percent')).toMatchObject({ position: 'above', assessment: 'better' });
  });

  it('lists every unit sharing an extreme', () => {
    const tied = [...SO02_2024, { orgUnitId: '1421', name: 'Orust', value: 28 }];

    expect(findExtremes(tied)?.lowest.map((entry) => entry.name)).toEqual(['Orust', 'Strömstad']);
    expect(findExtremes([])).toBeUndefined();
  });

  it('ranks with shared ranks on ties, and by size for a central measure', () => {
    const values = [
      { orgUnitId: 'a', name: 'SAMLA', value: 80 },
      { orgUnitId: 'b', name: 'SIMBA', value: 90 },
      { orgUnitId: 'c', name: 'Fyrbodal', value: 80 },
      { orgUnitId: 'd', name: 'Skaraborg', value: 70 },
    ];

    expect(rankOrgUnits(values, 'higher').map((entry) => `${entry.rank} ${entry.name}`)).toEqual([
      '1 SIMBA', '2 Fyrbodal', '2 SAMLA', '4 Skaraborg',
    ]);
    expect(rankOrgUnits(values, 'none')[0].name).toBe('SIMBA');
  });

  it('evaluates a target by direction', () => {
    expect(evaluateTarget(82, 80, 'higher')).toEqual({ met: true, margin: 2 });
    expect(evaluateTarget(78.5, 80, 'higher')).toEqual({ met: false, margin: -1.5 });
    expect(evaluateTarget(1.1, 1.5, 'lower')).toEqual({ met: true, margin: expect.closeTo(0.4, 10) });
    expect(evaluateTarget(80, 80, 'higher')?.met).toBe(true);
    expect(evaluateTarget(50, null, 'higher')).toBeNull();
    expect(evaluateTarget(50, 80, 'none')).toBeNull();
  });
});

describe('sentences in the style of the seeds', () => {
  it('county against nation, with the indicator phrase (seed 000, HF01)', () => {
    const hf01 = { name: 'Fallskador per 100 000 invånare 65 år och äldre', unit: 'per_100000' as const, phrase: `fallskador per 100${NBSP}000 invånare` };

    expect(describeVersusNation(hf01, { name: 'Västra Götaland', value: 2832 }, 3421, y(2023))).toBe(
      `Västra Götaland rapporterade 2${NBSP}832 fallskador per 100${NBSP}000 invånare (2023), jämfört med rikets 3${NBSP}421.`,
    );
  });

  it('county against nation, generic form without a phrase', () => {
    expect(describeVersusNation({ name: 'Medelålder', unit: 'years' }, { name: 'Västra Götaland', value: 41.2 }, 41.6, y(2023))).toBe(
      'För ”Medelålder” rapporterade Västra Götaland 41,2 år (2023), jämfört med rikets 41,6 år.',
    );
    expect(describeVersusNation({ name: 'Samordning', unit: 'percent' }, { name: 'Västra Götaland', value: 70 }, 71.3, y(2023))).toBe(
      `För ”Samordning” rapporterade Västra Götaland 70${NBSP}% (2023), jämfört med rikets 71,3${NBSP}%.`,
    );
  });

  it('spread between municipalities (seed 000, SO02)', () => {
    expect(describeSpread('percent', SO02_2024, y(2024))).toBe(
      `varierar stort: från 28${NBSP}% i Strömstad till 73${NBSP}% i Essunga (2024)`,
    );
    expect(describeSpread('percent', SO02_2024, y(2024), 'Möjligheten att träffa läkare i särskilt boende')).toBe(
      `Möjligheten att träffa läkare i särskilt boende varierar stort: från 28${NBSP}% i Strömstad till 73${NBSP}% i Essunga (2024).`,
    );
  });

  it('a small spread is not "stort", ties are joined, equal values are said once', () => {
    const values = [
      { orgUnitId: 'a', name: 'Ale', value: 60 },
      { orgUnitId: 'b', name: 'Tjörn', value: 60 },
      { orgUnitId: 'c', name: 'Kungälv', value: 75 },
    ];

    expect(describeSpread('percent', values, y(2024))).toBe(`varierar: från 60${NBSP}% i Ale och Tjörn till 75${NBSP}% i Kungälv (2024)`);
    expect(describeSpread('count', values.slice(0, 2), y(2024))).toBe('är 60 i samtliga (2024)');
    expect(describeSpread('count', [], y(2024))).toBeUndefined();
  });

  it('change between periods (seed 000, PC01)', () => {
    expect(describeChange('percent', { period: y(2023), value: 57.4 }, { period: y(2024), value: 62.6 })).toBe(
      `ökade från 57,4${NBSP}% (2023) till 62,6${NBSP}% (2024)`,
    );
    expect(
      describeChange('percent', { period: y(2023), value: 57.4 }, { period: y(2024), value: 62.6 }, {
        subject: 'Andelen med stort förtroende för hälso- och sjukvården i Västra Götaland',
      }),
    ).toBe(
      `Andelen med stort förtroende för hälso- och sjukvården i Västra Götaland ökade från 57,4${NBSP}% (2023) till 62,6${NBSP}% (2024).`,
    );
    expect(describeChange('percent', { period: Period.parse('2025-Q1'), value: 13 }, { period: Period.parse('2025-Q3'), value: 11.3 })).toBe(
      `minskade från 13${NBSP}% (Q1 2025) till 11,3${NBSP}% (Q3 2025)`,
    );
    expect(describeChange('percent', { period: y(2023), value: 62.6 }, { period: y(2024), value: 62.61 })).toBe(
      `var oförändrad på 62,6${NBSP}% (2023 och 2024)`,
    );
    expect(describeChange('count', { period: y(2023), value: 41 }, { period: y(2024), value: 41 }, { subject: 'Antalet SIP-möten', neuter: true })).toBe(
      'Antalet SIP-möten var oförändrat på 41 (2023 och 2024).',
    );
  });
});
