import type { ReportModel } from './report-model.js';

/** A section of the county report a reviewer can comment on: its HTML anchor (`id`) and its Swedish title. */
export interface ReportSection {
  id: string;
  title: string;
  /** 1 for the report's parts, 2 for what sits inside them (table of contents depth). */
  level: 1 | 2;
}

const slug = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The report's sections in reading order. The renderer puts each `id` on its heading's section element and builds
 * the table of contents from this list; feedback comments address a section by this id. Stable across
 * regenerations: ids are made of codes, never of positions.
 */
export function reportSections(model: ReportModel): ReportSection[] {
  const sections: ReportSection[] = [{ id: 'lanssammanstallning', title: 'Länssammanställning', level: 1 }];
  for (const group of model.compilation.groups) {
    sections.push({ id: `grupp-${slug(group.group)}`, title: group.title, level: 2 });
    for (const area of group.areas) for (const indicator of area.indicators) sections.push({ id: `indikator-${slug(indicator.code)}`, title: `${indicator.code} ${indicator.name}`, level: 2 });
  }
  sections.push({ id: 'delregionerna', title: 'Delregionerna', level: 1 });
  for (const delregion of model.delregions) sections.push({ id: `delregion-${slug(delregion.delregionCode)}`, title: delregion.delregionName, level: 2 });
  sections.push(
    { id: 'syntes', title: 'Gemensamma nämnare och skillnader', level: 1 },
    { id: 'gemensamma-namnare', title: 'Gemensamma nämnare', level: 2 },
    { id: 'skillnader', title: 'Skillnader', level: 2 },
    { id: 'fardplan', title: 'Färdplanen: genomförda aktiviteter', level: 2 },
    { id: 'avvikelser', title: 'Avvikelser i samverkan', level: 2 },
    { id: 'slutsatser', title: 'Slutsatser och reflektioner', level: 1 },
    { id: 'fragor', title: 'Frågor inför kommande år', level: 1 },
  );
  return sections;
}

/** True when `id` names a section of the report (a comment's target). */
export function isReportSection(model: ReportModel, id: string): boolean {
  return reportSections(model).some((section) => section.id === id);
}
