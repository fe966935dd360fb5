import { Role } from '@arshjulet/core';
import { ReportAssembler, type CompilationIndicator, type CompilationModel, type ReportModel } from '@arshjulet/report';
import { save } from '../analysis/analysis-fixtures.js';
import { importFile } from '../indicators/indicator-fixtures.js';
import { recordStatements } from '../support/statement-recorder.js';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { wholeYearCsv, WHOLE_YEAR_INDICATORS } from './report-fixtures.js';
import { SEED_002_ANALYSES, SEED_002_DELREGION_NAMES, SEED_002_DELREGIONS, type Seed002Delregion } from './seed-002-analyses.js';

/** The report assembler against the real database: the frozen compilation, the delregions' summaries, the synthesis. */
describe('Report assembly', () => {
  let t: TestApp;
  let assembler: ReportAssembler;
  let county: TestUser;
  const delregions = {} as Record<Seed002Delregion, TestUser>;
  // Four years apart: a launch freezes what was imported for its range, never another test's figures.
  let nextYear = 2030;

  beforeAll(async () => {
    t = await createTestApp();
    assembler = t.app.get(ReportAssembler);
    county = await t.userWith(Role.CountyCoordinator);
    for (const code of SEED_002_DELREGIONS) delregions[code] = await t.userWith(Role.DelregionCoordinator, code);
  }, 60_000);
  afterAll(() => t.close());

  const OWN = { conclusions: 'Våra slutsatser.', questions: 'Frågor.' };

  /** A cycle in planning with `codes`; `csv(dataYear)` imported before it is returned. */
  async function plannedCycle(codes: string[], csv?: (dataYear: number) => string): Promise<{ cycleId: string; year: number }> {
    const year = (nextYear += 4);
    const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: codes });
    expect(created.status).toBe(201);
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
    if (csv) await importFile(county.api, csv(year - 1));
    return { cycleId: created.body.id, year };
  }

  async function launch(cycleId: string): Promise<void> {
    const launched = await county.api.post(`/api/v1/cycles/${cycleId}/launch`).send({});
    expect(launched.status).toBe(200);
  }

  const indicator = (model: CompilationModel, code: string): CompilationIndicator =>
    model.groups.flatMap((g) => g.areas).flatMap((a) => a.indicators).find((i) => i.code === code)!;

  it('the compilation holds the frozen figures after a later import changes the live ones; before launch it previews the live figures', async () => {
    const { cycleId, year } = await plannedCycle(WHOLE_YEAR_INDICATORS, wholeYearCsv);
    const dataYear = String(year - 1);
    const ctx = t.systemContext();

    const preview = await assembler.compilation(ctx, cycleId);
    expect(preview.frozenAt).toBeNull();
    expect(indicator(preview, 'HF01')).toMatchObject({ period: dataYear, county: 2832 });

    await launch(cycleId);
    await importFile(county.api, `indikator;enhet;period;värde\nHF01;Västra Götaland;${dataYear};1111\nHF01;Riket;${dataYear};2222\n`);
    const model = await assembler.compilation(ctx, cycleId);
    expect(model.frozenAt).toEqual(expect.any(String));
    expect(model).toMatchObject({ cycleId, year, dataPeriods: [dataYear] });
    const hf01 = indicator(model, 'HF01');
    expect(hf01).toMatchObject({
      code: 'HF01', unit: 'per_100000', direction: 'lower', period: dataYear,
      county: 2832, nation: 3421, previousPeriod: String(year - 2), previous: 2900, change: 'better', target: null, targetMet: null,
    });
    expect(hf01.spread).toMatchObject({ among: 'municipality', count: 7, lowest: { orgUnitCode: '1445', value: 2500 }, highest: { orgUnitCode: '1490', value: 3104 } });
    expect(hf01.delregions.map((d) => [d.orgUnitCode, d.value])).toEqual(expect.arrayContaining([['DR-SIMBA', 2740], ['DR-SÄ', 3050]]));
    expect(hf01.delregions).toHaveLength(6);
    expect(hf01.sentences.length).toBeGreaterThanOrEqual(3);
    expect(hf01.sentences.join(' ')).toContain('2');
    expect(hf01.charts.map((c) => c.kind)).toEqual(['county_vs_nation', 'municipalities_latest']);

    // Groups and areas with their Swedish titles, in the catalogue's order.
    expect(model.groups.map((g) => g.title)).toEqual([
      'Bakgrund – grundläggande faktorer', 'Förflyttning mot en god och nära vård', 'Följsamhet till länsgemensamma styrdokument',
    ]);
    expect(model.groups[1]!.areas.map((a) => a.title)).toEqual(['Hälsofrämjande och förebyggande arbete', 'Tillgänglig vård, t.ex. digitalisering']);

    // Hospitals by quarter for IU03; the run chart for SIP01's 24 months.
    expect(indicator(model, 'IU03').charts.map((c) => c.kind)).toContain('hospitals_by_quarter');
    const sip01 = indicator(model, 'SIP01');
    expect(sip01.period).toBe(`${dataYear}-12`);
    expect(sip01.charts.map((c) => c.kind)).toContain('run_chart');
    expect(model.tables.map((table) => table.id)).toEqual(expect.arrayContaining(['indikatorer', 'indikatorer-delregioner']));
  });

  it('a missing figure is null, never 0 or NaN', async () => {
    const { cycleId, year } = await plannedCycle(['HF01', 'KS01'], (y) => `indikator;enhet;period;värde\nHF01;Västra Götaland;${y};2800\n`);
    await launch(cycleId);
    const model = await assembler.compilation(t.systemContext(), cycleId);
    expect(indicator(model, 'HF01')).toMatchObject({ period: String(year - 1), county: 2800, nation: null, previous: null, change: null, spread: null });
    expect(indicator(model, 'HF01').delregions.every((d) => d.value === null)).toBe(true);
    // KS01: no figure anywhere (nor any history before the snapshot, which the charts would read live).
    expect(indicator(model, 'KS01')).toMatchObject({ period: null, county: null, nation: null, previousPeriod: null, previous: null, change: null, spread: null, targetMet: null, sentences: [], charts: [] });
    const overview = model.tables.find((table) => table.id === 'indikatorer')!;
    const ks01 = overview.rows.find((row) => row[0] === 'KS01')!;
    expect(ks01.slice(2)).toEqual(Array(10).fill('uppgift saknas'));
    expect(JSON.stringify(model)).not.toMatch(/NaN|undefined/);
  });

  it('summaries from the latest revisions, preliminary until every task is accepted, with the synthesis', async () => {
    const { cycleId, year } = await plannedCycle(['HF01']);
    await launch(cycleId);
    const tasks = (await county.api.get(`/api/v1/tasks?cycle=${cycleId}`)).body.items as Array<{ id: string; delregion: Seed002Delregion }>;
    const taskOf = (code: Seed002Delregion) => tasks.find((task) => task.delregion === code)!.id;
    const transition = (user: TestUser, code: Seed002Delregion, action: string) =>
      user.api.post(`/api/v1/tasks/${taskOf(code)}/transitions`).send({ action });
    const assemble = (): Promise<ReportModel> => assembler.assemble(t.systemContext(), cycleId, { ownSections: OWN, state: 'draft', versionNumber: null });

    const before = await assemble();
    expect(before).toMatchObject({ cycleId, year, title: `Länsgemensam uppföljning ${year}: sammanställd rapport`, preliminary: true, state: 'draft', versionNumber: null, ownSections: OWN });
    expect(before.delregions).toHaveLength(6);
    expect(before.delregions.map((d) => d.delregionName)).toEqual(Object.values(SEED_002_DELREGION_NAMES).sort((a, b) => a.localeCompare(b, 'sv')));
    expect(before.delregions.every((d) => d.revisionNumber === null && d.successes === null && !d.accepted)).toBe(true);
    expect(before.synthesis).toMatchObject({ threshold: 4, of: 6, commonDenominators: [], deviations: [] });

    // A draft is not a revision: only submitted answers show.
    await save(delregions['DR-SIMBA'], taskOf('DR-SIMBA'), SEED_002_ANALYSES['DR-SIMBA']);
    expect((await assemble()).delregions.find((d) => d.delregionCode === 'DR-SIMBA')!.successes).toBeNull();

    for (const code of SEED_002_DELREGIONS) {
      if (code !== 'DR-SIMBA') await save(delregions[code], taskOf(code), SEED_002_ANALYSES[code]);
      expect((await transition(delregions[code], code, 'submit')).status).toBe(200);
    }
    for (const code of SEED_002_DELREGIONS.slice(0, 5)) expect((await transition(county, code, 'accept')).status).toBe(200);

    const partly = await assemble();
    expect(partly.preliminary).toBe(true);
    const simba = partly.delregions.find((d) => d.delregionCode === 'DR-SIMBA')!;
    expect(simba).toMatchObject({ accepted: true, taskStatus: 'accepted', revisionNumber: 1, successes: SEED_002_ANALYSES['DR-SIMBA'].successes });
    expect(simba.organisation.organisation).toBe(SEED_002_ANALYSES['DR-SIMBA'].organisation);
    expect(simba.themes.map((theme) => theme.key).sort()).toEqual([...SEED_002_ANALYSES['DR-SIMBA'].theme_tags].sort());
    expect(simba.activities.length).toBe(SEED_002_ANALYSES['DR-SIMBA'].roadmap_activities.length);
    expect(partly.delregions.find((d) => d.delregionCode === 'DR-FBD')).toMatchObject({ accepted: false, taskStatus: 'submitted', revisionNumber: 1 });

    expect((await transition(county, 'DR-FBD', 'accept')).status).toBe(200);
    const done = await assemble();
    expect(done.preliminary).toBe(false);
    expect(done.delregions.every((d) => d.accepted)).toBe(true);
    // Seed 002: in_och_utskrivning chosen by 5, avvikelser by 4, sip by 3 (below the default threshold of 4).
    expect(done.synthesis.commonDenominators.map((c) => [c.themeKey, c.delregions.length])).toEqual([['in_och_utskrivning', 5], ['avvikelser', 4]]);
    expect(done.synthesis.commonDenominators[0]!.label).toBe('In- och utskrivningsprocessen');
    const simbaBehind = done.synthesis.commonDenominators[0]!.delregions.find((d) => d.code === 'DR-SIMBA')!;
    expect(simbaBehind.name).toBe(SEED_002_DELREGION_NAMES['DR-SIMBA']);
    expect(done.synthesis.differences).toHaveLength(7);
    expect(done.synthesis.differences[0]!.cells).toHaveLength(6);
    expect(done.synthesis.fardplan).toHaveLength(6);
    const activities = SEED_002_DELREGIONS.reduce((sum, code) => sum + SEED_002_ANALYSES[code].roadmap_activities.length, 0);
    const counted = done.synthesis.fardplan.flatMap((d) => d.shifts).reduce((sum, s) => sum + s.klart + s.pågående + s.inte_påbörjad, 0);
    expect(counted).toBe(activities);
    expect(done.synthesis.deviations.length).toBeGreaterThan(0);
    expect(done.synthesis.tables.map((table) => table.id)).toEqual(['gemensamma-namnare', 'skillnader', 'fardplan', 'avvikelser']);
  }, 60_000);

  it('an indicator with municipal figures only is compared on its latest municipal period', async () => {
    const { cycleId, year } = await plannedCycle(['SO02'], (y) => `indikator;enhet;period;värde\nSO02;Strömstad;${y};28\nSO02;Essunga;${y};73\n`);
    await launch(cycleId);
    const so02 = indicator(await assembler.compilation(t.systemContext(), cycleId), 'SO02');
    expect(so02).toMatchObject({ period: String(year - 1), county: null, nation: null, spread: { among: 'municipality', count: 2, lowest: { orgUnitName: 'Strömstad' }, highest: { orgUnitName: 'Essunga' } } });
    expect(so02.charts.map((c) => c.kind)).toEqual(['municipalities_latest']);
  });

  it('an unknown cycle is a 404 ReportException, also for an id that is no UUID', async () => {
    await expect(assembler.compilation(t.systemContext(), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'report.cycle_not_found' });
    await expect(assembler.assemble(t.systemContext(), 'x', { ownSections: OWN, state: 'draft', versionNumber: null })).rejects.toMatchObject({ code: 'report.cycle_not_found' });
  });

  it('assembling with 2 or 6 indicators issues the same number of SQL statements', async () => {
    const record = recordStatements(t);
    const csv = (y: number) => wholeYearCsv(y);
    const two = await plannedCycle(['HF01', 'IU03'], csv);
    await launch(two.cycleId);
    const six = await plannedCycle(['HF01', 'IU03', 'BG04', 'TD02', 'SIP01', 'KS01'], csv);
    await launch(six.cycleId);
    const options = { ownSections: OWN, state: 'draft', versionNumber: null };
    // Warm up (prepared plans, pooled connections, chart cache), then an import so that neither compilation can be
    // reused (see the next test): both counts are of a compilation made afresh.
    await assembler.assemble(t.systemContext(), two.cycleId, options);
    await assembler.assemble(t.systemContext(), six.cycleId, options);
    await importFile(county.api, 'indikator;enhet;period;värde\nBG01;Västra Götaland;2001;1\n');
    const forTwo = await record(() => assembler.assemble(t.systemContext(), two.cycleId, options));
    const forSix = await record(() => assembler.assemble(t.systemContext(), six.cycleId, options));
    expect(forTwo.length).toBeGreaterThan(0);
    expect(forSix.length).toBe(forTwo.length);
    expect(forSix.length).toBeLessThanOrEqual(8);
  }, 60_000);

  it('a launched cycle’s compilation is made once and made again when an import, the catalogue or the org units change', async () => {
    const record = recordStatements(t);
    const { cycleId, year } = await plannedCycle(['HF01', 'IU03'], wholeYearCsv);
    await launch(cycleId);
    const options = { ownSections: OWN, state: 'draft', versionNumber: null };
    const first = await record(() => assembler.assemble(t.systemContext(), cycleId, options));
    const again = await record(() => assembler.assemble(t.systemContext(), cycleId, options));
    expect(again.length).toBeLessThan(first.length);

    // An import may change the history the charts read live: the compilation is made again, its frozen figures kept.
    await importFile(county.api, `indikator;enhet;period;värde\nBG01;Västra Götaland;${year - 1};11\n`);
    const afterImport = await record(() => assembler.assemble(t.systemContext(), cycleId, options));
    expect(afterImport.length).toBe(first.length);
    const model = await assembler.assemble(t.systemContext(), cycleId, options);
    expect(indicator(model.compilation, 'HF01').county).toBe(2832);
  }, 60_000);
});
