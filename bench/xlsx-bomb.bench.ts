// Feeds full-size Excel zip bombs to the XLSX reader and prints time and RSS: the 22 MB file whose shared strings
// unpack to ~5 GB (5 000 000 strings of 1 000 characters), the 4.5 MB one of ~1 GB, and the 1 GB one again with a
// zip directory that lies about its sizes. Usage: node bench/run-bench.mjs xlsx-bomb
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { report } from './support/bench-results.js';
// eslint-disable-next-line no-restricted-imports -- the bench measures the reader alone, which the lib does not export
import { readXlsxTableRows } from '../libs/indicators/src/parse/xlsx-indicator.parser.js';

const MB = 1024 * 1024;

function* sharedStrings(count: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
  const filler = `<si><t>${'A'.repeat(1000)}</t></si>`.repeat(1000);
  for (let written = 0; written < count; written += 1000) yield filler;
  yield '</sst>';
}

async function bomb(path: string, count: number): Promise<void> {
  const zip = new yazl.ZipFile();
  const ns = 'http://schemas.openxmlformats.org';
  zip.addBuffer(Buffer.from(`<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(`<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`), 'xl/_rels/workbook.xml.rels');
  zip.addReadStream(Readable.from(sharedStrings(count)), 'xl/sharedStrings.xml', { compressionLevel: 9 });
  zip.addBuffer(Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'), 'xl/worksheets/sheet1.xml');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

function lying(path: string, target: string): void {
  const out = readFileSync(path);
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(central); at !== -1; at = out.indexOf(central, at + 4)) out.writeUInt32LE(4096, at + 24);
  writeFileSync(target, out);
}

const measured: Array<{ label: string; packedMb: number; ms: number; rssBeforeMb: number; peakRssMb: number; outcome: string }> = [];

async function measure(label: string, path: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const before = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  let outcome = 'read';
  try {
    for await (const row of readXlsxTableRows(createReadStream(path), { maxBytes: 100 * MB })) void row;
  } catch (error) {
    outcome = `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  clearInterval(timer);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label} (${(statSync(path).size / MB).toFixed(1)} MB packed): ${ms.toFixed(0)} ms, RSS ${(before / MB).toFixed(0)} → peak ${(peak / MB).toFixed(0)} MB; ${outcome}`);
  measured.push({ label, packedMb: statSync(path).size / MB, ms, rssBeforeMb: before / MB, peakRssMb: peak / MB, outcome });
}

const dir = tmpdir();
const big = join(dir, 'bomb-5gb.xlsx');
const small = join(dir, 'bomb-1gb.xlsx');
const liar = join(dir, 'bomb-1gb-lying.xlsx');
await bomb(big, 5_000_000);
await bomb(small, 1_000_000);
lying(small, liar);
await measure('5 GB unpacked', big);
await measure('1 GB unpacked', small);
await measure('1 GB unpacked, directory says 4 kB', liar);
const refused = measured.filter((m) => m.outcome !== 'read').length;
report(
  'xlsx-bomb',
  `${measured.map((m) => `${m.label}: ${m.ms.toFixed(0)} ms, RSS +${(m.peakRssMb - m.rssBeforeMb).toFixed(0)} MB`).join('; ')}; ` +
    `${refused}/${measured.length} refused (baseline: the RSS before each read)`,
  { bombs: measured },
);
