import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorKind } from '@arshjulet/core';
import { reportModelFixture } from './__fixtures__/report-model.fixture.js';
import { PdfPrintException } from './pdf-print.exception.js';
import { PdfPrinter } from './pdf-printer.js';
import { ReportRenderer } from './report-renderer.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const renderer = new ReportRenderer();

/** The PDF's text as poppler's pdftotext reads it (layout dropped, so a heading is one line). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PdfPrinter', () => {
  it('prints the report to an A4 PDF whose text has the headings, page numbers and Preliminär on every page', async () => {
    const model = reportModelFixture({ preliminary: true });
    const printer = new PdfPrinter({ chromiumPath: CHROMIUM_PATH, timeoutSeconds: 60 });
    const pdf = await printer.print(renderer.html(model), { preliminary: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const heading of ['Länsrapport 2025', 'Länssammanställning', 'N1 Slutenvårdstillfällen', 'Delregionerna', 'Södra Bohuslän', 'Gemensamma nämnare', 'Skillnader', 'Slutsatser och reflektioner', 'Frågor inför kommande år']) {
      expect(text).toContain(heading);
    }
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Sida ${index + 1} av ${pages.length}`);
      expect(page).toContain('Preliminär');
    });
    // The chart's data table, closed on screen, is open on paper.
    expect(text).toContain('Slutenvårdstillfällen per 100 000 invånare, länet och riket');
  }, 90_000);

  it('prints a final report without Preliminär', async () => {
    const printer = new PdfPrinter({ chromiumPath: CHROMIUM_PATH, timeoutSeconds: 60 });
    const text = pdfText(await printer.print(renderer.html(reportModelFixture({ preliminary: false })), { preliminary: false }));
    expect(text).toContain('Sida 1 av');
    expect(text).not.toMatch(/preliminär/i);
  }, 90_000);

  it('gives up with 503 when a print outlasts REPORT_PDF_TIMEOUT_SECONDS, and frees its turn for the next print', async () => {
    const printer = new PdfPrinter({ chromiumPath: CHROMIUM_PATH, timeoutSeconds: 1, maxConcurrent: 1 });
    const stuck = '<!DOCTYPE html><html lang="sv"><title>x</title><script>for (;;) {}</script></html>';
    // Two at once with one slot: the second waits for the first and would wait forever if a timed-out print kept it.
    const results = await Promise.allSettled([printer.print(stuck), printer.print(stuck)]);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'rejected', reason: { kind: ErrorKind.ServiceUnavailable, code: 'report.pdf_timeout' } });
    }
  }, 90_000);

  it('answers 503 with a Swedish reason when no Chromium is installed', async () => {
    const printer = new PdfPrinter({ CHROMIUM_PATH: '/nonexistent/chromium', REPORT_PDF_TIMEOUT_SECONDS: 5 });
    const error = await printer.print('<p>x</p>').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfPrintException);
    expect(error).toMatchObject({ kind: ErrorKind.ServiceUnavailable, code: 'report.pdf_unavailable' });
    expect((error as PdfPrintException).detail).toBe('PDF kan inte skapas: ingen Chromium är installerad på servern (CHROMIUM_PATH=/nonexistent/chromium).');
  });

  it('answers 503 when the executable is there but is no browser', async () => {
    const printer = new PdfPrinter({ chromiumPath: '/bin/false', timeoutSeconds: 10 });
    await expect(printer.print('<p>x</p>')).rejects.toMatchObject({ kind: ErrorKind.ServiceUnavailable, code: 'report.pdf_unavailable' });
  }, 30_000);
});
