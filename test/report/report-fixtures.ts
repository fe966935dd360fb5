import { Role } from '@arshjulet/core';
import { save } from '../analysis/analysis-fixtures.js';
import { importFile } from '../indicators/indicator-fixtures.js';
import type { TestApp, TestUser } from '../support/test-app.js';
import { SEED_002_ANALYSES, SEED_002_DELREGIONS, type Seed002Delregion } from './seed-002-analyses.js';

/**
 * The figures a county report test imports (CSV as the import API takes it, `indikator;enhet;period;värde`, decimal
 * commas as Swedish Excel writes them): the nation, the county, municipalities, delregions and hospitals for a few
 * indicators, and 24 monthly county figures of SIP01 so the report draws a run chart (10+ periods).
 */

/** The cycle's indicators: figures for every one of them below. */
export const WHOLE_YEAR_INDICATORS = ['BG04', 'HF01', 'TD02', 'IU03', 'SIP01'];

/** SIP01 per month for the county: a level of about 1 200, then a rise for the last seven months (a shift). */
export const SIP01_MONTHLY = [1184, 1203, 1176, 1221, 1198, 1190, 1212, 1187, 1205, 1179, 1216, 1194, 1201, 1188, 1209, 1196, 1183, 1312, 1347, 1329, 1368, 1390, 1355, 1402];

/**
 * `dataYear` is the cycle's data period (the year before the cycle's); the year before it is imported too (the
 * compilation's "previous period").
 */
export function wholeYearCsv(dataYear: number): string {
  const previous = dataYear - 1;
  const lines = ['indikator;enhet;period;värde'];
  const add = (indicator: string, unit: string, period: string | number, value: string | number) => lines.push(`${indicator};${unit};${period};${value}`);

  // BG04 Invånare totalt: large counts (thousands separators).
  add('BG04', 'Riket', dataYear, 10587710);
  add('BG04', 'Riket', previous, 10551707);
  add('BG04', 'Västra Götaland', dataYear, 1744859);
  add('BG04', 'Västra Götaland', previous, 1736213);
  add('BG04', '1480', dataYear, 607882);
  add('BG04', '1490', dataYear, 115098);
  add('BG04', '1445', dataYear, 5625);

  // HF01 Fallskador per 100 000 invånare 65+ (lower is better): nation, county, municipalities, delregions.
  add('HF01', 'Riket', dataYear, 3421);
  add('HF01', 'Riket', previous, 3398);
  add('HF01', 'Västra Götaland', dataYear, 2832);
  add('HF01', 'Västra Götaland', previous, 2900);
  const municipalities: Array<[string, number]> = [['1445', 2500], ['1480', 2950], ['1490', 3104], ['1440', 2711], ['1489', 2655], ['1485', 3012], ['1441', 2588]];
  for (const [code, value] of municipalities) add('HF01', code, dataYear, value);
  const delregions: Array<[string, number]> = [['DR-SKB', 2620], ['DR-SAMLA', 2615], ['DR-SIMBA', 2740], ['DR-GBG', 2930], ['DR-SÄ', 3050], ['DR-FBD', 2990]];
  for (const [code, value] of delregions) add('HF01', code, dataYear, value);

  // TD02 Andel möten på distans (percent, decimals).
  add('TD02', 'Riket', dataYear, '21,6');
  add('TD02', 'Västra Götaland', dataYear, '23,4');
  add('TD02', 'Västra Götaland', previous, '19,8');
  add('TD02', '1480', dataYear, '25,1');
  add('TD02', '1445', dataYear, '12,7');

  // IU03 per hospital and quarter (seed 001's shape).
  const hospitals: Array<[string, number[]]> = [['H-ALS', [3.7, 4.1, 2.9, 3.3]], ['H-SU', [6.2, 5.8, 6.9, 5.5]], ['H-NU', [4.4, 4.0, 4.8, 3.9]], ['H-SKAS', [2.1, 2.6, 2.2, 1.9]]];
  for (const [code, values] of hospitals) values.forEach((value, q) => add('IU03', code, `${dataYear}-Q${q + 1}`, String(value).replace('.', ',')));
  add('IU03', 'Västra Götaland', dataYear, '4,2');
  add('IU03', 'Riket', dataYear, '5,0');

  // SIP01 monthly for the county over the two compared years: a run chart.
  SIP01_MONTHLY.forEach((value, i) => {
    const year = i < 12 ? previous : dataYear;
    add('SIP01', 'Västra Götaland', `${year}-${String((i % 12) + 1).padStart(2, '0')}`, value);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * A launched cycle of `year` with the figures above, whose six delregions have submitted their seed-002 analyses
 * and the county has accepted them all (the short path; the whole-year test walks it with a return).
 */
export async function acceptedSeed002Cycle(t: TestApp, county: TestUser, year: number): Promise<{ cycleId: string; tasks: Record<Seed002Delregion, string> }> {
  const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: WHOLE_YEAR_INDICATORS });
  if (created.status !== 201) throw new Error(`cycle: ${created.status} ${JSON.stringify(created.body)}`);
  const cycleId: string = created.body.id;
  await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_planning' }).expect(200);
  await importFile(county.api, wholeYearCsv(year - 1));
  await county.api.post(`/api/v1/cycles/${cycleId}/launch`).send({}).expect(200);
  const items = (await county.api.get(`/api/v1/tasks?cycle=${cycleId}`)).body.items as Array<{ id: string; delregion: Seed002Delregion }>;
  const tasks = Object.fromEntries(items.map((item) => [item.delregion, item.id])) as Record<Seed002Delregion, string>;
  for (const code of SEED_002_DELREGIONS) {
    const coordinator = await t.userWith(Role.DelregionCoordinator, code);
    await save(coordinator, tasks[code], SEED_002_ANALYSES[code]);
    await coordinator.api.post(`/api/v1/tasks/${tasks[code]}/transitions`).send({ action: 'submit' }).expect(200);
    await county.api.post(`/api/v1/tasks/${tasks[code]}/transitions`).send({ action: 'accept' }).expect(200);
  }
  return { cycleId, tasks };
}
