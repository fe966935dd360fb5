import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import { projectRoot } from '@arshjulet/core';
import { TASK_STATUS_LABELS_SV } from '@arshjulet/cycle';
import Handlebars from 'handlebars';
import type { CompilationModel, ReportModel, SynthesisModel } from '../model/report-model.js';
import { reportSections, type ReportSection } from '../model/report-sections.js';
import { registerReportHelpers } from './report-helpers.js';
import { reportWorkbook } from './report-xlsx.js';

/** Swedish names of the report's states (the report machine's own labels live with it; this is what the cover prints). */
const REPORT_STATE_LABELS_SV: Record<string, string> = {
  draft: 'Utkast',
  in_review: 'Under granskning',
  feedback_given: 'Återkoppling lämnad',
  approved: 'Godkänd',
  published: 'Publicerad',
};

interface Templates {
  report: Handlebars.TemplateDelegate;
  compilation: Handlebars.TemplateDelegate;
}

let templates: Templates | null = null;

/** The .hbs files beside this module; `nest build` copies no assets, so built code reads the sources' folder. */
function templatesDirectory(): string {
  const beside = fileURLToPath(new URL('./templates/', import.meta.url));
  return existsSync(beside) ? beside : join(projectRoot(), 'libs', 'report', 'src', 'render', 'templates');
}

/** Read and compiled once per process, on the report lib's own Handlebars instance (never the app's view engine). */
function loadTemplates(): Templates {
  if (templates) return templates;
  const handlebars = Handlebars.create();
  registerReportHelpers(handlebars, { taskStatus: TASK_STATUS_LABELS_SV });
  const dir = templatesDirectory();
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  for (const file of readdirSync(join(dir, 'partials')).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), read(join('partials', file)));
  }
  const compile = (file: string): Handlebars.TemplateDelegate => handlebars.compile(read(file), { strict: false, preventIndent: true });
  templates = { report: compile('report.hbs'), compilation: compile('compilation-document.hbs') };
  return templates;
}

interface TocEntry {
  id: string;
  title: string;
  children: Array<{ id: string; title: string }>;
}

function tableOfContents(sections: ReportSection[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const section of sections) {
    if (section.level === 1 || toc.length === 0) toc.push({ id: section.id, title: section.title, children: [] });
    else toc[toc.length - 1]!.children.push({ id: section.id, title: section.title });
  }
  return toc;
}

/**
 * Walks the model in the order `reportSections` lists it and hands out its ids, so every section element carries
 * exactly the anchor the table of contents and the reviewers' comments use (the unit test checks every id appears).
 */
function sectionIds(model: ReportModel) {
  const sections = reportSections(model);
  let index = 0;
  const next = (): string => {
    const section = sections[index++];
    if (!section) throw new Error('reportSections(model) lists fewer sections than the model holds');
    return section.id;
  };
  const compilation = next();
  const groups = model.compilation.groups.map((group) => ({ id: next(), indicators: group.areas.flatMap((area) => area.indicators.map(() => next())) }));
  const delregions = next();
  const delregionIds = model.delregions.map(() => next());
  const synthesis = { synthesis: next(), common: next(), differences: next(), fardplan: next(), deviations: next() };
  const conclusions = next();
  const questions = next();
  return { sections, compilation, groups, delregions, delregionIds, synthesis, conclusions, questions };
}

function compilationView(compilation: CompilationModel, ids: ReturnType<typeof sectionIds>) {
  return {
    ...compilation,
    sectionId: ids.compilation,
    groups: compilation.groups.map((group, groupIndex) => {
      const indicatorIds = ids.groups[groupIndex]!.indicators;
      let indicatorIndex = 0;
      return {
        ...group,
        sectionId: ids.groups[groupIndex]!.id,
        areas: group.areas.map((area) => ({ ...area, indicators: area.indicators.map((indicator) => ({ ...indicator, sectionId: indicatorIds[indicatorIndex++] })) })),
      };
    }),
  };
}

function synthesisView(synthesis: SynthesisModel, model: ReportModel, ids: ReturnType<typeof sectionIds>) {
  const names = new Map(model.delregions.map((summary) => [summary.delregionCode, summary.delregionName]));
  const columns = model.delregions.map((summary) => ({ code: summary.delregionCode, name: summary.delregionName }));
  for (const row of synthesis.differences) for (const cell of row.cells) if (!columns.some((column) => column.code === cell.delregionCode)) columns.push({ code: cell.delregionCode, name: cell.delregionCode });
  const shifts: Array<{ shift: string; label: string }> = [];
  for (const row of synthesis.fardplan) for (const shift of row.shifts) if (!shifts.some((known) => known.shift === shift.shift)) shifts.push({ shift: shift.shift, label: shift.shiftLabel });
  return {
    ...synthesis,
    ids: ids.synthesis,
    delregionColumns: columns,
    differences: synthesis.differences.map((row) => ({ ...row, cells: columns.map((column) => ({ text: row.cells.find((cell) => cell.delregionCode === column.code)?.text ?? null })) })),
    fardplanShifts: shifts,
    fardplanRows: synthesis.fardplan.map((row) => ({ name: row.delregionName, cells: shifts.map((shift) => row.shifts.find((cell) => cell.shift === shift.shift) ?? null) })),
    deviations: synthesis.deviations.map((deviation) => ({
      ...deviation,
      proposals: deviation.proposals.map((proposal) => ({ text: proposal.text, delregionName: names.get(proposal.delregionCode) ?? proposal.delregionCode })),
    })),
  };
}

/** A compilation standing alone, dressed as a report without delregions so it gets the same section ids. */
function asReport(compilation: CompilationModel): ReportModel {
  return {
    cycleId: compilation.cycleId,
    year: compilation.year,
    title: `Länssammanställning ${compilation.year}`,
    preliminary: false,
    state: 'draft',
    versionNumber: null,
    generatedAt: compilation.frozenAt ?? '',
    compilation,
    delregions: [],
    synthesis: { threshold: 0, of: 0, commonDenominators: [], differences: [], fardplan: [], deviations: [], tables: [] },
    ownSections: { conclusions: '', questions: '' },
  };
}

/**
 * The one rendering path of the county report and compilation (HTTP, CLI, jobs, bench): a standalone Swedish HTML
 * document with inline CSS for screen and print, and the same tables as an XLSX workbook.
 */
@Injectable()
export class ReportRenderer {
  constructor() {
    loadTemplates();
  }

  html(model: ReportModel): string {
    const ids = sectionIds(model);
    return loadTemplates().report({
      title: model.title,
      year: model.year,
      preliminary: model.preliminary,
      stateLabel: REPORT_STATE_LABELS_SV[model.state] ?? model.state,
      versionNumber: model.versionNumber,
      generatedAt: model.generatedAt,
      toc: tableOfContents(ids.sections),
      ids: { delregions: ids.delregions, conclusions: ids.conclusions, questions: ids.questions },
      compilation: compilationView(model.compilation, ids),
      delregions: model.delregions.map((summary, index) => ({ ...summary, sectionId: ids.delregionIds[index] })),
      synthesis: synthesisView(model.synthesis, model, ids),
      ownSections: model.ownSections,
    });
  }

  compilationHtml(compilation: CompilationModel): string {
    const ids = sectionIds(asReport(compilation));
    const sections = ids.sections.slice(0, ids.sections.findIndex((section) => section.id === ids.delregions));
    return loadTemplates().compilation({
      title: `Länssammanställning ${compilation.year}`,
      toc: tableOfContents(sections),
      compilation: compilationView(compilation, ids),
    });
  }

  /** Every table of the report (or compilation) as one worksheet each. */
  xlsx(model: ReportModel | CompilationModel): Promise<Buffer> {
    return reportWorkbook(model);
  }
}
