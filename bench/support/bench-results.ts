import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/bench/support/bench-results.js → the repository's bench/results/ (gitignored; the latest run of each bench). */
export const RESULTS_DIR = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  node: string;
  /** 1, 5 and 15 minutes, when the result was written: other work on the machine shows here. */
  loadAverage: number[];
}

/** The machine a result was taken on: core count and CPU model (from /proc/cpuinfo on Linux), Node, load. */
export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { date: new Date().toISOString(), nproc: cpus().length, cpuModel, node: process.version, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
}

/**
 * Prints the bench's one-line summary (what `npm run bench` collects) and writes its result, with the machine, to
 * bench/results/<name>.json (BENCH_RESULTS_DIR overrides the folder).
 */
export function report(name: string, summary: string, result: Record<string, unknown>): string {
  const dir = process.env.BENCH_RESULTS_DIR ?? RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ bench: name, summary, machine: machine(), ...result }, null, 2)}\n`);
  console.log(`\n[${name}] ${summary}`);
  console.log(`wrote ${file}`);
  return file;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The nearest-rank percentile (p in 0–100) of the values. */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
