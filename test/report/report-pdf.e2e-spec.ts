import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@arshjulet/core';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { acceptedSeed002Cycle } from './report-fixtures.js';
import { SEED_002_DELREGION_NAMES, SEED_002_DELREGIONS } from './seed-002-analyses.js';

/** Headings (h1–h6) of an HTML document as plain text, in order. */
function headingsOf(html: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map(([, , inner]) =>
    inner!
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') return String.fromCodePoint(name[1]!.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
        return entities[name.toLowerCase()] ?? whole;
      })
      .trim(),
  ).filter((heading) => heading !== '');
}

/** Text compared without layout: line breaks, spaces (also no-break and narrow ones) and soft hyphens removed. */
const squeeze = (text: string): string => text.replace(/\u00ad/g, '').replace(/-\n/g, '-').replace(/\s+/g, '');

describe('The county report as PDF: printed by headless Chromium, the same headings as the HTML', () => {
  let t: TestApp;
  let county: TestUser;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    dir = mkdtempSync(join(tmpdir(), 'arshjulet-report-pdf-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('GET …/report?format=pdf is a PDF whose text (pdftotext) holds every heading of the HTML, with no "Preliminär"', async () => {
    const { cycleId } = await acceptedSeed002Cycle(t, county, 2026);
    const assembled = await county.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({});
    expect(assembled.status).toBe(200);

    const html = await county.api.get(`/api/v1/cycles/${cycleId}/report?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    const headings = headingsOf(html.text);
    expect(headings).toEqual(expect.arrayContaining(['Länssammanställning', 'Delregionerna', 'Gemensamma nämnare', 'Slutsatser och reflektioner', 'Frågor inför kommande år']));
    for (const code of SEED_002_DELREGIONS) expect(headings).toContain(SEED_002_DELREGION_NAMES[code]);
    // Every indicator of the cycle has its heading too (SIP01 with its run chart among them).
    expect(headings.filter((heading) => /^(BG04|HF01|TD02|IU03|SIP01)\b/.test(heading))).toHaveLength(5);

    const pdf = await county.api.get(`/api/v1/cycles/${cycleId}/report?format=pdf`).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, bytes);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    const printed = squeeze(text);
    const missing = headings.filter((heading) => !printed.includes(squeeze(heading)));
    expect(missing).toEqual([]);
    expect(text).not.toContain('Preliminär');
  }, 180_000);
});
