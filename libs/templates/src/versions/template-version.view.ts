import type { TemplateDefinition, TemplateVersionView } from '../definition/template-definition.js';
import type { TemplateVersion } from './template-version.entity.js';
import type { Template } from './template.entity.js';

/** A version as services hand it out: the template's name, the version number and the row version for edits. */
export interface TemplateVersionDetail extends TemplateVersionView {
  /** The optimistic-lock version of the row: send it back (If-Match or `rowVersion`) to edit a draft. */
  rowVersion: number;
  templateCode: string | null;
  description: string | null;
  copiedFromId: string | null;
  createdById: string | null;
  publishedById: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toVersionView(template: Template, version: TemplateVersion): TemplateVersionDetail {
  return {
    id: version.id,
    templateId: template.id,
    templateCode: template.code,
    name: template.name,
    description: template.description,
    version: version.number,
    status: version.status,
    definition: version.definition as TemplateDefinition,
    publishedAt: version.publishedAt ? version.publishedAt.toISOString() : null,
    rowVersion: version.version,
    copiedFromId: version.copiedFromId,
    createdById: version.createdById,
    publishedById: version.publishedById,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}

export interface TemplateSummary {
  id: string;
  code: string | null;
  name: string;
  description: string | null;
  versions: { id: string; version: number; status: 'draft' | 'published'; publishedAt: string | null }[];
}
