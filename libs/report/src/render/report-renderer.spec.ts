import ExcelJS from 'exceljs';
import { reportSections } from '../model/report-sections.js';
import { reportModelFixture } from './__fixtures__/report-model.fixture.js';
import { ReportRenderer } from './report-renderer.js';
import { nestHeadings } from './report-helpers.js';
import { sheetName } from './report-xlsx.js';

const renderer = new ReportRenderer();
// exceljs types its input as the older, non-generic Buffer.
const readable = (buffer: Buffer): Parameters<ExcelJS.Xlsx['load']>[0] => buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0];
/** The document's visible text, tags dropped and entities of interest decoded. */
const textOf = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('ReportRenderer.html', () => {
  it('is a standalone Swedish document with one h1, a title and a table of contents linking every section', () => {
    const model = reportModelFixture();
    const html = renderer.html(model);
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="sv">/);
    expect(html).toContain('<title>Länsrapport 2025 (preliminär)</title>');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('@page { size: A4;');
    for (const section of reportSections(model)) {
      expect(html).toContain(`<section id="${section.id}" aria-labelledby="${section.id}-rubrik"`);
      expect(html).toContain(`<a href="#${section.id}">`);
      expect(html.split(`id="${section.id}"`)).toHaveLength(2);
    }
  });

  it('says Preliminär when the report is preliminary, and not otherwise', () => {
    expect(renderer.html(reportModelFixture({ preliminary: true }))).toContain('Preliminär');
    const final = renderer.html(reportModelFixture({ preliminary: false, state: 'published' }));
    expect(final).not.toMatch(/preliminär/i);
    expect(final).toContain('Publicerad');
  });

  it('prints user text as text: no script, no Handlebars expression evaluated', () => {
    const html = renderer.html(reportModelFixture());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert("xss")&lt;/script&gt;');
    expect(html).not.toContain('{{');
    expect(html).toContain('&#123;&#123;constructor.constructor');
    expect(html).toContain('&#123;&#123;#each this&#125;&#125;x');
  });

  it('escapes hostile names and codes in every place the model puts them', () => {
    const model = reportModelFixture();
    model.title = 'Rapport <img src=x onerror=alert(1)>';
    model.delregions[0]!.delregionName = '<b>Göteborg</b>';
    model.delregions[0]!.annualReportLink = 'javascript:alert(1)';
    model.compilation.groups[0]!.areas[0]!.indicators[0]!.sentences = ['<i>mening</i>'];
    const html = renderer.html(model);
    expect(html).not.toMatch(/<img|<b>Göteborg|<i>mening|javascript:/);
    expect(html).toContain('&lt;b&gt;Göteborg&lt;/b&gt;');
  });

  it('prints a missing figure as "uppgift saknas", never NaN, undefined, null or an empty cell', () => {
    const model = reportModelFixture();
    const indicator = model.compilation.groups[0]!.areas[1]!.indicators[0]!;
    indicator.county = Number.NaN;
    indicator.nation = undefined as unknown as null;
    indicator.delregions[0]!.value = Number.POSITIVE_INFINITY;
    const html = renderer.html(model);
    const text = textOf(html);
    expect(text).toContain('uppgift saknas');
    expect(text).not.toMatch(/\bNaN\b|\bundefined\b|\bnull\b|Infinity/);
    expect(html).not.toMatch(/<td[^>]*>\s*<\/td>|<dd>\s*<\/dd>/);
  });

  it('formats numbers the Swedish way through the one formatter', () => {
    const html = renderer.html(reportModelFixture());
    expect(html).toContain('2\u00a0832');
    expect(html).toContain('62,6\u00a0%');
    expect(html).toContain('55,3\u00a0%');
    expect(html).not.toMatch(/2832|62\.6/);
  });

  it('puts each chart in a figure with its text alternative on an img role and its data table', () => {
    const model = reportModelFixture();
    const chart = model.compilation.groups[0]!.areas[0]!.indicators[0]!.charts[0]!;
    const html = renderer.html(model);
    expect(html).toContain(`<div class="chart-svg" role="img" aria-label="${chart.alt}"><svg`);
    expect(html).toMatch(/<figcaption>Slutenvårdstillfällen: länet och riket över åren/);
    expect(html).toContain(`<table class="data" id="${chart.table.id}">`);
    expect(html).toContain('<th scope="col">Period</th>');
  });

  it('renders the compilation alone with the same section anchors', () => {
    const model = reportModelFixture();
    const html = renderer.compilationHtml(model.compilation);
    expect(html).toContain('<html lang="sv">');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    for (const section of reportSections(model).slice(0, 6)) expect(html).toContain(`<section id="${section.id}"`);
    expect(html).not.toContain('id="delregionerna"');
  });
});

describe('nestHeadings', () => {
  it('starts an answer’s headings one level below the heading they sit under and keeps their steps', () => {
    expect(nestHeadings('<h4>A</h4><p>x</p><h5>B</h5><h4>C</h4>', 3)).toBe('<h3>A</h3><p>x</p><h4>B</h4><h3>C</h3>');
    expect(nestHeadings('<h3>A</h3><h5>B</h5>', 5)).toBe('<h5>A</h5><h6>B</h6>');
    expect(nestHeadings('<p>no headings</p>', 4)).toBe('<p>no headings</p>');
  });

  it('is applied to the own sections: a "## heading" in the conclusions becomes an h3 under the section’s h2', () => {
    expect(renderer.html(reportModelFixture())).toMatch(/<h2 id="slutsatser-rubrik">Slutsatser och reflektioner<\/h2>\s*<h3>Slutsatser<\/h3>/);
  });
});

describe('ReportRenderer.xlsx', () => {
  it('writes one worksheet per table, a bold header row and numbers as numbers', async () => {
    const model = reportModelFixture();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readable(await renderer.xlsx(model)));
    const tableIds = [...model.compilation.tables, ...model.synthesis.tables].map((table) => table.id);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(tableIds);
    const sheet = workbook.getWorksheet('tabell-n1-delregioner')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Delregion', 'Värde']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toBe(2410);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('B4').value).toBe('uppgift saknas');
    const percent = workbook.getWorksheet('tabell-n2-delregioner')!;
    expect(percent.getCell('B4').value).toBe(55.25);
    expect(percent.getCell('B4').numFmt).toBe('#,##0.0" %"');
  });

  it('writes the compilation alone too', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readable(await renderer.xlsx(reportModelFixture().compilation)));
    expect(workbook.worksheets).toHaveLength(3);
  });

  it('keeps sheet names within Excel’s 31 characters, without forbidden characters, and unique', () => {
    const taken = new Set<string>();
    const long = 'tabell-en-mycket-lang-indikatorkod-som-inte-far-plats';
    const first = sheetName(long, taken);
    const second = sheetName(long.toUpperCase(), taken);
    const third = sheetName('a/b:c?[d]', taken);
    expect(first).toHaveLength(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.toLowerCase()).not.toBe(first.toLowerCase());
    expect(third).toBe('a-b-c--d-');
  });
});
