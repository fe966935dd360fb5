// `npm run bench:table`: the README's "Benchmarks (latest run)" tables, printed from bench/results/*.json (what the
// last `npm run bench` wrote), so the README holds measured figures and not hand-copied ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, 'bench', 'results');
const read = (name) => {
  const file = join(resultsDir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const num = (n, digits = 0) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n).replace(/,/g, ' ');
const ratio = (n) => (n < 10 ? n.toFixed(2) : num(n));
const verdict = (met) => (met === true ? 'met' : met === false ? '**missed**' : '');

const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
const dates = [];

const http = read('http');
if (http) {
  dates.push(http.machine);
  const floor = `floor ${num(http.floor.reqPerSecond)} req/s`;
  row('http', `${http.floor.name} (the floor)`, `${num(http.floor.reqPerSecond)} req/s, p99 ${http.floor.p99Ms} ms`, '—', '1.00', '—', 'floor');
  for (const e of http.endpoints) {
    row('http', `${e.name} (${e.statements} SQL)`, `${num(e.reqPerSecond)} req/s, p99 ${e.p99Ms} ms`, floor, ratio(e.ratioToFloor), `≥ ${http.targets.readRatioToFloorMin} and p99 ≤ ${http.targets.readP99MaxMs} ms`, verdict(e.met));
  }
  const a = http.autosave;
  if (a) row('http', `autosave PATCH (If-Match, Prefer: return=minimal; ${a.chains ?? a.connections ?? 50} chains)`, `${num(a.savesPerSecond)} saves/s${a.p99Ms ? `, p99 ${a.p99Ms} ms` : ''}`, floor, ratio(a.savesPerSecond / http.floor.reqPerSecond), `≥ ${num(http.targets.autosaveSavesPerSecondMin)} saves/s`, verdict(a.savesPerSecond >= http.targets.autosaveSavesPerSecondMin));
}
const imp = read('import');
if (imp) {
  dates.push(imp.machine);
  row('import', `${num(imp.rows)} values, pipeline end to end`, `${num(imp.importSeconds, 1)} s`, `plain COPY ${num(imp.copySeconds, 1)} s`, ratio(imp.ratio), `≤ ${imp.targets.ratioMax}`, verdict(imp.ratio <= imp.targets.ratioMax));
  row('import', 'process max RSS', `${num(imp.maxRssMb)} MB`, '—', '—', `< ${imp.targets.maxRssMbBelow} MB`, verdict(imp.maxRssMb < imp.targets.maxRssMbBelow));
}
const report = read('report');
if (report) {
  dates.push(report.machine);
  row('report', `html: assemble + render (median of ${report.runs})`, `${num(report.medianMs.html)} ms`, `render alone ${num(report.medianMs.floor)} ms`, ratio(report.ratios.htmlToFloor), `≤ ${report.target.htmlToFloorMax} and < ${num(report.target.htmlMaxMs)} ms`, verdict(report.met));
  row('report', `pdf (median of ${report.pdfRuns}; ${num(report.report.pdfPages)} pages)`, `${num(report.medianMs.pdf / 1000, 1)} s`, `render alone ${num(report.medianMs.floor)} ms`, num(report.ratios.pdfToFloor), '—', '');
  row('report', 'cold first assembly + render', `${num(report.coldMs / 1000, 1)} s`, '—', '—', '—', '');
}
const start = read('start-up');
if (start) {
  dates.push(start.machine);
  const floor = `trivial node:http server's first byte ${num(start.floorMedianMs)} ms`;
  row('start-up', '`npm start` → /health/ready 200, cold (fresh DATA_DIR: initdb, migrations, demo seed)', `${num(start.coldMs / 1000, 1)} s`, floor, num(start.ratios.coldToFloor), '— (none set)', '');
  row('start-up', `\`npm start\` → /health/ready 200, warm (median of ${start.warmRunsMs.length})`, `${num(start.warmMedianMs / 1000, 2)} s`, 'same', num(start.ratios.warmToFloor), '— (none set)', '');
}
const pages = read('pages');
if (pages) {
  dates.push(pages.machine);
  const slowestMedian = pages.pages.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const slowestP95 = pages.pages.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
  const allMet = pages.pages.every((p) => p.met);
  row('pages', `${pages.pages.length} walk-through pages × ${pages.runs}, slowest median (${slowestMedian.role}: ${slowestMedian.page})`, `${num(slowestMedian.medianMs, 1)} ms`, `GET /health ${num(pages.floor.medianMs, 1)} ms`, ratio(slowestMedian.medianMs / pages.floor.medianMs), `< ${pages.targetMs} ms`, verdict(allMet));
  row('pages', `slowest p95 (${slowestP95.role}: ${slowestP95.page})`, `${num(slowestP95.p95Ms, 1)} ms`, `GET /health p95 ${num(pages.floor.p95Ms, 1)} ms`, ratio(slowestP95.p95Ms / pages.floor.p95Ms), `< ${pages.targetMs} ms`, verdict(allMet));
}
const stale = read('stale-statistics');
if (stale) {
  dates.push(stale.machine);
  for (const s of stale.sizes) row('stale-statistics', `import preview of ${num(s.rows)} values, stale planner statistics`, `${num(s.staleSeconds, 2)} s`, `fresh statistics ${num(s.freshSeconds, 2)} s`, ratio(s.ratio), 'no blow-up (≈ 1)', verdict(s.ratio < 3));
}
const bomb = read('xlsx-bomb');
if (bomb) {
  dates.push(bomb.machine);
  for (const b of bomb.bombs) {
    const grew = b.peakRssMb - b.rssBeforeMb;
    row('xlsx-bomb', `${b.label} (${num(b.packedMb, 1)} MB packed)`, `refused in ${num(b.ms)} ms, RSS +${num(grew)} MB`, `RSS before ${num(b.rssBeforeMb)} MB`, '—', 'refused, memory flat', verdict(/^(XLSX_TOO_LARGE|MALFORMED_XLSX)/.test(b.outcome) && grew < 16));
  }
}

const machine = dates[0];
const when = dates.map((d) => d.date).sort();
console.log(`Taken on: **${machine.nproc} cores (\`nproc\`), ${machine.cpuModel} (\`/proc/cpuinfo\`), Node ${machine.node.replace(/^v/, '')}**, ${when[0].slice(0, 16).replace('T', ' ')}–${when.at(-1).slice(11, 16)} UTC; load average (1 min) ${dates.map((d) => d.loadAverage[0].toFixed(1)).join(', ')} at the start of each bench.`);
console.log('');
console.log('| bench | figure | latest | baseline (same run) | ratio | target | |');
console.log('| --- | --- | ---: | --- | ---: | --- | --- |');
for (const r of rows) console.log(r);
if (pages) {
  console.log('');
  console.log('| role | page | median ms | p95 ms |');
  console.log('| --- | --- | ---: | ---: |');
  for (const p of pages.pages) console.log(`| ${p.role} | ${p.page} (\`${p.path}\`) | ${num(p.medianMs, 1)} | ${num(p.p95Ms, 1)} |`);
}
