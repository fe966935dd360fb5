/**
 * Pages bench (#17): the server time of every page of the year's walk-through with the demo year loaded — what
 * `npm start` creates on a fresh clone (the demo figures and the demo cycle of today's year, in today's phase, six
 * tasks in mixed states, two analyses partly filled in), plus the county report assembled once — for a signed-in
 * person of each role. The app runs as production runs it (compiled, NODE_ENV=production, views cached).
 *
 * Measured client-side on localhost (the app sends no Server-Timing): from sending the request to the last byte of
 * the body, sequential requests on one keep-alive connection, BENCH_PAGE_RUNS (30) per page after two warm-up
 * requests (the first report document makes the compilation and draws its charts: that cold case is printed apart).
 * Target: median and p95 < 200 ms for each page. Floor: unauthenticated GET /health the same way.
 *
 *   npm run bench:pages
 *   DATABASE_URL=postgres://… npm run bench:pages
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { RequestContext, Role } from '@arshjulet/core';
import { DemoCycleService } from '@arshjulet/cycle';
import { DemoSeedService } from '@arshjulet/indicators';
import { UserService } from '@arshjulet/org';
import { ReportService } from '@arshjulet/report';
import { DataSource } from 'typeorm';
import { withBenchDatabase } from './support/bench-database.js';
import { startProductionApp } from './support/production-app.js';
import { median, percentile, report } from './support/bench-results.js';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 30);
const WARM_UP = 2;
const TARGET_MS = 200;

interface Page {
  role: string;
  name: string;
  path: string;
  cookie: string | null;
}

async function main(): Promise<void> {
  await withBenchDatabase('pages', async ({ url: databaseUrl }) => {
    const { app, sessionCookie } = await startProductionApp(databaseUrl);
    try {
      const ctx = RequestContext.system('bench');
      const dataSource = app.get(DataSource);
      await app.get(DemoSeedService).seedIfEmpty(ctx);
      const demo = await app.get(DemoCycleService).seed(ctx);
      const year = demo.year;
      const [{ id: cycleId }] = await dataSource.query('SELECT id FROM cycle WHERE year = $1', [year]);
      let reportNote = 'report assembled (draft)';
      try {
        await app.get(ReportService).assemble(ctx, cycleId);
      } catch (error) {
        reportNote = `report not assembled: ${(error as Error).message}`;
      }
      console.log(`demo year ${year} (${demo.status}); ${reportNote}`);

      // One person per role, as the demo's users (created here: NODE_ENV=production seeds none), each signed in.
      const users = app.get(UserService);
      const person = async (role: Role, orgUnitCode: string | null = null) => {
        const user = await users.create(ctx, { email: `bench.${role}@arshjulet.local`, name: `Bench ${role}`, password: null, assignments: [{ role, orgUnitCode }] });
        return { id: user.id, cookie: await sessionCookie(dataSource, user.id) };
      };
      const admin = await person(Role.Admin);
      const county = await person(Role.CountyCoordinator);
      const delregion = await person(Role.DelregionCoordinator, 'DR-SKB');
      const vvg = await person(Role.VvgReviewer);
      const viewer = await person(Role.Viewer);
      const [task] = await dataSource.query(
        `SELECT t.id FROM analysis_task t JOIN org_unit o ON o.id = t.delregion_id WHERE t.cycle_id = $1 AND o.code = 'DR-SKB'`,
        [cycleId],
      );
      const [firstVersion] = await dataSource.query(
        `SELECT v.number FROM report_version v JOIN county_report r ON r.id = v.report_id WHERE r.cycle_id = $1 ORDER BY v.number LIMIT 1`,
        [cycleId],
      );
      const y = `/arshjul/${year}`;
      const t = `${y}/uppgifter/${task.id}`;
      const pages: Page[] = [
        { role: 'admin', name: 'start page', path: '/', cookie: admin.cookie },
        { role: 'county', name: 'start page', path: '/', cookie: county.cookie },
        { role: 'delregion', name: 'start page', path: '/', cookie: delregion.cookie },
        { role: 'vvg', name: 'start page', path: '/', cookie: vvg.cookie },
        { role: 'viewer', name: 'start page', path: '/', cookie: viewer.cookie },
        { role: 'county', name: 'Årshjul (list)', path: '/arshjul', cookie: county.cookie },
        { role: 'county', name: 'the cycle (wheel)', path: y, cookie: county.cookie },
        { role: 'county', name: 'cycle overview (tasks)', path: `${y}/uppgifter`, cookie: county.cookie },
        { role: 'county', name: 'task page', path: t, cookie: county.cookie },
        { role: 'delregion', name: 'task page', path: t, cookie: delregion.cookie },
        { role: 'delregion', name: 'analysis form', path: `${t}/analys`, cookie: delregion.cookie },
        { role: 'county', name: 'task review (granska)', path: `${t}/granska`, cookie: county.cookie },
        { role: 'county', name: 'compilation', path: `${y}/sammanstallning`, cookie: county.cookie },
        { role: 'county', name: 'report page', path: `${y}/rapport`, cookie: county.cookie },
        { role: 'county', name: 'report document (preview, html)', path: `${y}/rapport/forhandsgranska`, cookie: county.cookie },
        ...(firstVersion ? [{ role: 'county', name: 'report document (version 1, html)', path: `${y}/rapport/versioner/${firstVersion.number}`, cookie: county.cookie }] : []),
        { role: 'vvg', name: 'granskning', path: `${y}/rapport/granskning`, cookie: vvg.cookie },
        { role: 'vvg', name: 'beslut (the year)', path: `${y}/beslut`, cookie: vvg.cookie },
        { role: 'county', name: 'beslut (all)', path: '/beslut', cookie: county.cookie },
        { role: 'viewer', name: 'indikatorer (list)', path: '/indikatorer', cookie: viewer.cookie },
        { role: 'viewer', name: 'indicator page IU03', path: '/indikatorer/IU03', cookie: viewer.cookie },
        { role: 'county', name: 'importer', path: '/importer', cookie: county.cookie },
        { role: 'admin', name: 'Administration', path: '/administration', cookie: admin.cookie },
        { role: 'admin', name: 'Användare', path: '/administration/anvandare', cookie: admin.cookie },
        { role: 'admin', name: 'Användare: one person', path: `/administration/anvandare/${delregion.id}`, cookie: admin.cookie },
        { role: 'admin', name: 'Organisation', path: '/administration/organisation', cookie: admin.cookie },
        { role: 'admin', name: 'Indikatorer (catalogue)', path: '/administration/indikatorer', cookie: admin.cookie },
        { role: 'admin', name: 'Indikatorer: IU03 and its history', path: '/administration/indikatorer/IU03', cookie: admin.cookie },
        { role: 'admin', name: 'Teman', path: '/administration/teman', cookie: admin.cookie },
        { role: 'admin', name: 'Mallar', path: '/administration/mallar', cookie: admin.cookie },
        { role: 'admin', name: 'Utskick (dead letters)', path: '/administration/utskick', cookie: admin.cookie },
        { role: 'admin', name: 'Logg', path: '/administration/logg', cookie: admin.cookie },
      ];

      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const get = async (page: Pick<Page, 'path' | 'cookie'>): Promise<number> => {
        const started = performance.now();
        const response = await fetch(base + page.path, { headers: { Accept: 'text/html', ...(page.cookie ? { Cookie: page.cookie } : {}) }, redirect: 'manual' });
        await response.arrayBuffer();
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`${page.path} answers ${response.status}, not 200`);
        return ms;
      };
      const floorPage = { path: '/health', cookie: null };
      for (let i = 0; i < WARM_UP; i++) await get(floorPage);
      const floorRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) floorRuns.push(await get(floorPage));
      const floor = median(floorRuns);

      const rows = [
        `| role | page | path | median ms | p95 ms | max ms | < ${TARGET_MS} ms |`,
        '| --- | --- | --- | ---: | ---: | ---: | --- |',
      ];
      const results: Array<Record<string, unknown>> = [];
      const cold: Record<string, number> = {};
      for (const page of pages) {
        const first = await get(page);
        cold[`${page.role} ${page.name}`] = first;
        for (let i = 1; i < WARM_UP; i++) await get(page);
        const runs: number[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await get(page));
        const m = median(runs);
        const p95 = percentile(runs, 95);
        const met = m < TARGET_MS && p95 < TARGET_MS;
        const path = page.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
        results.push({ role: page.role, page: page.name, path, medianMs: Number(m.toFixed(1)), p95Ms: Number(p95.toFixed(1)), maxMs: Number(Math.max(...runs).toFixed(1)), firstMs: Number(first.toFixed(1)), met });
        rows.push(`| ${page.role} | ${page.name} | \`${path}\` | ${m.toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...runs).toFixed(1)} | ${met ? 'met' : 'MISSED'} |`);
      }
      console.log(rows.join('\n'));
      console.log(`floor: GET /health ${floor.toFixed(1)} ms median, ${percentile(floorRuns, 95).toFixed(1)} ms p95 (same client, same connection)`);
      const coldest = Object.entries(cold).sort((a, b) => b[1] - a[1])[0]!;
      console.log(`slowest first request: ${coldest[0]} ${coldest[1].toFixed(0)} ms (not counted)`);

      const missed = results.filter((r) => !r.met);
      const worst = results.reduce((a, b) => ((a.p95Ms as number) >= (b.p95Ms as number) ? a : b));
      const medians = results.map((r) => r.medianMs as number);
      const summary =
        `${results.length} pages × ${RUNS} sequential requests (client-side, localhost): median of medians ${median(medians).toFixed(0)} ms ` +
        `(${(median(medians) / floor).toFixed(1)}× floor GET /health ${floor.toFixed(1)} ms), slowest p95 ${worst.role} ${worst.page} ${(worst.p95Ms as number).toFixed(0)} ms; ` +
        `target < ${TARGET_MS} ms each: ${missed.length ? `MISSED by ${missed.length} (${missed.map((r) => `${r.role} ${r.page}`).join(', ')})` : 'met by all'}`;
      report('pages', summary, {
        demoYear: year, cycleStatus: demo.status, reportNote, runs: RUNS, measuredAt: 'client-side on localhost (request sent → last byte), one keep-alive connection',
        targetMs: TARGET_MS, floor: { path: '/health', medianMs: floor, p95Ms: percentile(floorRuns, 95) }, pages: results, coldFirstRequestMs: cold,
      });
    } finally {
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
