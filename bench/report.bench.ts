/**
 * County report bench: a launched cycle with 6 delregions' complete, accepted analyses, the 40 catalogue indicators
 * and 10 years of monthly (and yearly, and per-hospital quarterly) figures for the nation, the county, the 6
 * delregions and the 49 municipalities, written straight into a throwaway database with SQL. Then, several runs each
 * (median printed):
 *
 *   - html:  ReportAssembler.assemble + ReportRenderer.html (what GET …/report?format=html does after the lookup);
 *   - floor: ReportRenderer.html(model) alone, from the model assembled once (the same Handlebars template, no data
 *            work);
 *   - pdf:   PdfPrinter.print(html) of that HTML (headless Chromium).
 *
 * Target: html ≤ 3 × floor and < 1 s. One summary line, and the numbers as JSON in bench/results/report.json (and
 * BENCH_JSON when set).
 *
 *   npm run bench:report                             # embedded PostgreSQL in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:report   # that server (a database is created and dropped)
 *   BENCH_RUNS=9 BENCH_PDF_RUNS=3 npm run bench:report
 *   BENCH_CPU_PROFILE=/tmp/report.cpuprofile npm run bench:report   # profile the warm html runs only
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { loadConfig, RequestContext } from '@arshjulet/core';
import { CycleService, CycleTransitionService } from '@arshjulet/cycle';
import { PdfPrinter, ReportAssembler, ReportRenderer, type ReportModel } from '@arshjulet/report';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { withBenchDatabase } from './support/bench-database.js';
import { report } from './support/bench-results.js';
import { FIGURE_UNITS_SQL, syntheticFigureSql } from './support/ten-years.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 3);
const CYCLE_YEAR = 2026;
const FIRST_YEAR = CYCLE_YEAR - 10; // 2016–2025: ten years of figures
/** A second copy of the result where BENCH_JSON says (bench/results/report.json is always written). */
const JSON_OUT = process.env.BENCH_JSON || null;
const PROFILE = process.env.BENCH_CPU_PROFILE || null;

const SHIFTS = ['from_inpatient_to_outpatient', 'health_promotion_and_prevention', 'continuity_and_coordination', 'trust_and_collaboration', 'person_centred_care', 'accessible_care_digitalisation'];
const STATUSES = ['klart', 'pågående', 'inte_påbörjad'];
const THEMES = ['in_och_utskrivning', 'sip', 'avvikelser', 'foljsamhet_riktlinjer', 'digitalisering_informationsdelning', 'barn_och_unga', 'samsjuklighet', 'psykisk_halsa_missbruk', 'lakemedel', 'hjalpmedel', 'kompetensforsorjning'];
const DEVIATION_TYPES = ['In- och utskrivningsprocessen', 'Kommunikation och information', 'Läkemedel', 'Hjälpmedel', 'Samordning och ansvar'];

/** A paragraph of plausible Swedish text, different per delregion and field, about `sentences` sentences long. */
function text(seed: number, sentences: number): string {
  const parts = [
    'Samverkan vid in- och utskrivning från slutenvården har följts upp i närområdesgrupperna',
    'checklistan i SAMSA används nu i fler verksamheter',
    'antalet upprättade SIP har ökat jämfört med föregående år',
    'avvikelser i samverkan analyseras två gånger om året tillsammans med kommunerna',
    'personalomsättningen gör att utbildningsinsatserna behöver upprepas',
    'digitala vårdmöten har gjort det lättare för patienter att delta',
    'följsamheten till den länsgemensamma riktlinjen behöver förbättras',
    'socialmedicinska mottagningar erbjuder ett samlat stöd för vuxna med missbruksproblematik',
  ];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const sentence = parts[(seed * 7 + i * 3) % parts.length]!;
    out.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)} (${2016 + ((seed + i) % 10)}).`);
    if (i % 4 === 3) out.push('\n\n');
  }
  return out.join(' ').replace(/ \n\n /g, '\n\n');
}

/** A complete answer set for the default template: every required field, rows, activities and themes. */
function answers(d: number): Record<string, unknown> {
  const long = (field: number, sentences = 6) => text(d * 31 + field, sentences);
  return {
    agreement_followed: d % 3 !== 0,
    agreement_compliance: long(1),
    focus_areas_work: `${long(2, 4)}\n\n- In- och utskrivning\n- SIP\n- Avvikelser i samverkan`,
    physician_participation: long(3, 3),
    mental_health_substance_abuse: long(4),
    svpl: long(5),
    other_routines: long(6, 3),
    deviations_most_frequent: DEVIATION_TYPES.slice(0, 3 + (d % 3)).map((type, i) => ({
      deviation_type: i === 0 && d % 2 ? type.toLowerCase() : type,
      count: 40 + ((d * 97 + i * 53) % 1400),
      system_flaw: (d + i) % 2 === 0,
      local_measure: long(20 + i, 2),
      regional_proposal: long(30 + i, 2),
    })),
    deviations_analysis: long(7),
    roadmap_activities: Array.from({ length: 8 + (d % 5) }, (_, i) => ({
      name: `Aktivitet ${i + 1}: ${text(d + i, 1).slice(0, 80)}`,
      shift: SHIFTS[(d + i) % SHIFTS.length],
      status: STATUSES[(d * 2 + i) % STATUSES.length],
    })),
    successes: long(8, 8),
    challenges: long(9, 8),
    organisation: long(10, 4),
    agreements: long(11, 3),
    governance_economy: long(12, 3),
    planning_reporting: long(13, 3),
    support_functions: long(14, 3),
    implementation: long(15, 3),
    deviation_handling: long(16, 3),
    previous_decisions_followup: long(17, 4),
    annual_report_link: `https://example.se/delregion-${d + 1}/arsrapport-${CYCLE_YEAR - 1}.pdf`,
    theme_tags: THEMES.filter((_, t) => t < 3 || (t + d) % 3 === 0),
  };
}

/**
 * Ten years of figures in four statements: yearly and monthly for every catalogue indicator × nation, county,
 * delregions and municipalities, quarterly per hospital for the admission-and-discharge indicators. The level
 * follows the unit; the wobble is a deterministic hash, so every run draws the same report.
 */
async function generateFigures(dataSource: DataSource): Promise<number> {
  const value = (periodText: string) => syntheticFigureSql(periodText, FIRST_YEAR);
  const units = FIGURE_UNITS_SQL;
  const statements = [
    `INSERT INTO indicator_value (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value)
     SELECT i.id, o.id, to_char(p, 'YYYY'), 'year', p::date, (p + interval '1 year' - interval '1 day')::date, ${value(`to_char(p, 'YYYY')`)}
     FROM indicator i CROSS JOIN org_unit o CROSS JOIN generate_series('${FIRST_YEAR}-01-01'::date, '${CYCLE_YEAR - 1}-01-01', interval '1 year') p
     WHERE i.active AND ${units}`,
    `INSERT INTO indicator_value (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value)
     SELECT i.id, o.id, to_char(p, 'YYYY-MM'), 'month', p::date, (p + interval '1 month' - interval '1 day')::date, ${value(`to_char(p, 'YYYY-MM')`)}
     FROM indicator i CROSS JOIN org_unit o CROSS JOIN generate_series('${FIRST_YEAR}-01-01'::date, '${CYCLE_YEAR - 1}-12-01', interval '1 month') p
     WHERE i.active AND ${units}`,
    `INSERT INTO indicator_value (indicator_id, org_unit_id, period, period_kind, period_start, period_end, value)
     SELECT i.id, o.id, to_char(p, 'YYYY') || '-Q' || extract(quarter FROM p), 'quarter', p::date, (p + interval '3 months' - interval '1 day')::date,
            ${value(`to_char(p, 'YYYY-Q')`)}
     FROM indicator i CROSS JOIN org_unit o CROSS JOIN generate_series('${FIRST_YEAR}-01-01'::date, '${CYCLE_YEAR - 1}-10-01', interval '3 months') p
     WHERE i.active AND i.area = 'admission_and_discharge' AND o.type = 'hospital' AND o.active`,
  ];
  let rows = 0;
  for (const sql of statements) {
    const result = await dataSource.query(`WITH inserted AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM inserted`);
    rows += result[0].n;
  }
  await dataSource.query('ANALYZE indicator_value');
  return rows;
}

/** The tasks of the launched cycle, each with one accepted revision of a complete analysis. */
async function acceptAnalyses(dataSource: DataSource, cycleId: string): Promise<number> {
  const tasks: Array<{ id: string; templateVersion: string | null }> = await dataSource.query(
    `SELECT t.id, t.template_version AS "templateVersion" FROM analysis_task t JOIN org_unit o ON o.id = t.delregion_id WHERE t.cycle_id = $1 ORDER BY o.code`,
    [cycleId],
  );
  for (const [d, task] of tasks.entries()) {
    await dataSource.query(
      `INSERT INTO analysis_revision (task_id, number, answers, template_version_id) VALUES ($1, 1, $2, $3::uuid)`,
      [task.id, JSON.stringify(answers(d)), /^[0-9a-f-]{36}$/.test(task.templateVersion ?? '') ? task.templateVersion : null],
    );
  }
  await dataSource.query(`UPDATE analysis_task SET status = 'accepted', version = version + 1 WHERE cycle_id = $1`, [cycleId]);
  return tasks.length;
}

/** The inspector's CPU profiler around the warm html runs only (BENCH_CPU_PROFILE=file.cpuprofile; open in Chrome DevTools). */
async function startProfiler(): Promise<{ stop(file: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function main(): Promise<void> {
  await withBenchDatabase('report', async ({ url: databaseUrl }) => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'b'.repeat(40), LOG_LEVEL: 'warn', LOG_PRETTY: 'false' });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl }), { logger: ['error', 'warn'] });
    const ctx = RequestContext.system('bench');
    try {
      const dataSource = app.get(DataSource);
      const [generateMs, figures] = await timed(() => generateFigures(dataSource));
      const { cycle } = await app.get(CycleService).create(ctx, CYCLE_YEAR, {});
      const transitions = app.get(CycleTransitionService);
      await transitions.transition(ctx, cycle.id, 'start_planning');
      const [launchMs, launched] = await timed(() => transitions.launch(ctx, cycle.id));
      const delregions = await acceptAnalyses(dataSource, cycle.id);
      const counts = (await dataSource.query(
        `SELECT (SELECT count(*) FROM org_unit WHERE type = 'municipality' AND active)::int AS municipalities,
                (SELECT count(*) FROM indicator WHERE active)::int AS indicators`,
      ))[0] as { municipalities: number; indicators: number };
      console.log(
        `data: ${figures.toLocaleString('sv-SE')} figures (${counts.indicators} indicators, ${counts.municipalities} municipalities, ${FIRST_YEAR}–${CYCLE_YEAR - 1}) in ${(generateMs / 1000).toFixed(1)} s; ` +
          `launch froze ${launched.compilationRows.toLocaleString('sv-SE')} in ${(launchMs / 1000).toFixed(1)} s; ${delregions} delregions with accepted analyses`,
      );

      const assembler = app.get(ReportAssembler);
      const renderer = app.get(ReportRenderer);
      const printer = app.get(PdfPrinter);
      const ownSections = { conclusions: text(99, 10), questions: '- Var ligger ansvaret för Färdplanen?\n- Hur lär vi av varandra?' };
      const assemble = () => assembler.assemble(ctx, cycle.id, { ownSections, state: 'draft', versionNumber: null });

      // One cold run (charts rendered for the first time, templates compiled, plans prepared), not counted.
      const [coldMs, model] = await timed(async () => {
        const assembled: ReportModel = await assemble();
        renderer.html(assembled);
        return assembled;
      });
      if (model.preliminary) throw new Error('the bench report is preliminary: some task is not accepted');
      const charts = model.compilation.groups.flatMap((g) => g.areas.flatMap((a) => a.indicators.flatMap((i) => i.charts)));
      const htmlRuns: number[] = [];
      const assembleRuns: number[] = [];
      let html = '';
      const profiler = PROFILE ? await startProfiler() : null;
      for (let run = 0; run < RUNS; run++) {
        const [assembleMs, assembled] = await timed(assemble);
        const [renderMs, rendered] = await timed(() => renderer.html(assembled));
        assembleRuns.push(assembleMs);
        htmlRuns.push(assembleMs + renderMs);
        html = rendered;
      }
      if (profiler) console.log(`CPU profile of the warm html runs: ${await profiler.stop(PROFILE!)}`);
      const floorRuns: number[] = [];
      for (let run = 0; run < RUNS; run++) floorRuns.push((await timed(() => renderer.html(model)))[0]);
      const pdfRuns: number[] = [];
      let pdfBytes = 0;
      let pdfPages = 0;
      for (let run = 0; run < PDF_RUNS; run++) {
        const [ms, pdf] = await timed(() => printer.print(html, { preliminary: model.preliminary }));
        pdfRuns.push(ms);
        pdfBytes = pdf.length;
        // Chromium writes one uncompressed page object per page.
        pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      }

      const result = {
        bench: 'report',
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
        runs: RUNS,
        pdfRuns: PDF_RUNS,
        data: { figures, frozen: launched.compilationRows, indicators: counts.indicators, municipalities: counts.municipalities, delregions, years: `${FIRST_YEAR}–${CYCLE_YEAR - 1}` },
        report: { htmlBytes: Buffer.byteLength(html), pdfBytes, pdfPages, charts: charts.length, runCharts: charts.filter((c) => c.kind === 'run_chart').length },
        coldMs,
        medianMs: { assemble: median(assembleRuns), html: median(htmlRuns), floor: median(floorRuns), pdf: pdfRuns.length ? median(pdfRuns) : null },
        runsMs: { assemble: assembleRuns, html: htmlRuns, floor: floorRuns, pdf: pdfRuns },
        ratios: { htmlToFloor: median(htmlRuns) / median(floorRuns), pdfToFloor: pdfRuns.length ? median(pdfRuns) / median(floorRuns) : null },
        target: { htmlToFloorMax: 3, htmlMaxMs: 1000 },
      };
      const met = result.ratios.htmlToFloor <= 3 && result.medianMs.html < 1000;
      console.log(
        `report (${RUNS} runs, median): html ${result.medianMs.html.toFixed(0)} ms (assemble ${result.medianMs.assemble.toFixed(0)} ms) = ` +
          `${result.ratios.htmlToFloor.toFixed(2)}× floor ${result.medianMs.floor.toFixed(1)} ms; ` +
          `pdf ${result.medianMs.pdf?.toFixed(0) ?? '–'} ms = ${result.ratios.pdfToFloor?.toFixed(1) ?? '–'}× floor; cold ${coldMs.toFixed(0)} ms; ` +
          `${(result.report.htmlBytes / 1024).toFixed(0)} kB HTML, ${(pdfBytes / 1024).toFixed(0)} kB PDF (${pdfPages} pages), ${result.report.charts} charts; ` +
          `target html ≤ 3× floor and < 1 s: ${met ? 'met' : 'MISSED'}`,
      );
      if (JSON_OUT) {
        mkdirSync(dirname(JSON_OUT), { recursive: true });
        writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);
        console.log(`wrote ${JSON_OUT}`);
      }
      report(
        'report',
        `html ${result.medianMs.html.toFixed(0)} ms (median of ${RUNS}) = ${result.ratios.htmlToFloor.toFixed(2)}× floor (render alone ${result.medianMs.floor.toFixed(0)} ms); ` +
          `pdf ${result.medianMs.pdf === null ? '–' : `${(result.medianMs.pdf / 1000).toFixed(1)} s`}; cold ${(coldMs / 1000).toFixed(1)} s; target html ≤ 3× floor and < 1 s: ${met ? 'met' : 'missed'}`,
        { ...result, met },
      );
    } finally {
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
