import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliHarness, openCliHarness } from '../support/cli-harness.js';

/** `report:render`, run the way `npm run cli -- …` runs it: the same renderer as the web, to a file. */
describe('CLI: report:render', () => {
  let harness: CliHarness;
  let dir: string;
  const cli = (args: string[]) => harness.run(args);

  beforeAll(async () => {
    harness = await openCliHarness();
    dir = mkdtempSync(join(tmpdir(), 'rapport-'));
  });
  afterAll(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the report as it would be assembled now, as HTML (format from the file name) and as XLSX; says when it is preliminary', async () => {
    await cli(['cycle:create', '--year', '2061', '--data-periods', '2023']);
    await cli(['cycle:launch', '--year', '2061']);

    const html = join(dir, 'rapport.html');
    const written = await cli(['report:render', '--year', '2061', '--out', html]);
    expect(written.out).toMatch(new RegExp(`^Länsrapporten 2061 skriven till ${html.replace(/[/.]/g, '\\$&')} \\(HTML, \\d+ kB\\)\\. Den är preliminär: alla analyser är inte godkända\\.$`));
    const text = readFileSync(html, 'utf8');
    expect(text).toMatch(/^<!doctype html>/i);
    expect(text).toContain('lang="sv"');
    expect(text).toContain('Preliminär');

    const xlsx = join(dir, 'tabeller.bin');
    await cli(['report:render', '--year', '2061', '--format', 'xlsx', '--out', xlsx]);
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('refuses a bad format, year or version, and a PDF without Chromium, writing nothing', async () => {
    const out = join(dir, 'inget.pdf');
    await expect(cli(['report:render', '--year', '2061', '--format', 'docx', '--out', out])).rejects.toThrow('--format ska vara html, pdf eller xlsx, inte "docx".');
    await expect(cli(['report:render', '--year', 'i år', '--out', out])).rejects.toThrow('--year ska vara ett år som 2025');
    await expect(cli(['report:render', '--year', '2062', '--out', out])).rejects.toMatchObject({ detail: 'Årshjulet finns inte.' });
    await cli(['cycle:create', '--year', '2063']);
    await expect(cli(['report:render', '--year', '2063', '--version', '4', '--out', out])).rejects.toMatchObject({ detail: 'Den versionen av länsrapporten finns inte.' });
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/ingenstans/chromium';
    try {
      await expect(cli(['report:render', '--year', '2063', '--out', out])).rejects.toMatchObject({ code: 'report.pdf_unavailable' });
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(() => readFileSync(out)).toThrow();
  }, 120_000);
});
