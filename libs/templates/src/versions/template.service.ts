import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import type { DefinitionProblem, TemplateDefinition } from '../definition/template-definition.js';
import { validateDefinition } from '../definition/validate-definition.js';
import { TemplateException } from '../template.exception.js';
import type { TemplateVersion } from './template-version.entity.js';
import { type TemplateSummary, type TemplateVersionDetail, toVersionView } from './template-version.view.js';
import type { Template } from './template.entity.js';
import { TemplateRepository } from './template.repository.js';

export interface CreateTemplateInput {
  name: string;
  description?: string | null;
  definition?: unknown;
}

export interface UpdateDraftInput {
  name?: string;
  description?: string | null;
  definition?: unknown;
}

/** Problem paths as the API's body has them: under `definition`. */
const underDefinition = (problem: DefinitionProblem): DefinitionProblem => ({
  path: problem.path ? `definition.${problem.path}` : 'definition',
  message: problem.message,
});

/** What a new template starts with: one section and one field, valid, for the editor to grow. */
export const STARTER_DEFINITION: TemplateDefinition = {
  sections: [{ key: 'general', title: 'Allmänt', fields: [{ key: 'summary', type: 'long_text', label: 'Sammanfattning' }] }],
};

/**
 * Templates and their versions. A draft is edited with optimistic locking and published once; a published version
 * never changes (the database refuses too), and "copy" starts the next draft from any version.
 */
@Injectable()
export class TemplateService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly templates: TemplateRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext): Promise<TemplateSummary[]> {
    const rows = await this.templates.summaries(ctx);
    const versions: Array<{ id: string; templateId: string; number: number; status: 'draft' | 'published'; publishedAt: Date | null }> = await this.connection
      .manager(ctx)
      .query('SELECT id, template_id AS "templateId", number, status, published_at AS "publishedAt" FROM template_version ORDER BY number DESC');
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      versions: versions
        .filter((version) => version.templateId === row.id)
        .map((version) => ({ id: version.id, version: version.number, status: version.status, publishedAt: version.publishedAt ? new Date(version.publishedAt).toISOString() : null })),
    }));
  }

  async getVersion(ctx: RequestContext, versionId: string): Promise<TemplateVersionDetail> {
    const version = await this.templates.findVersion(ctx, versionId);
    if (!version) throw TemplateException.versionNotFound();
    return toVersionView(await this.templateOf(ctx, version), version);
  }

  /** The version a new cycle (or a launch without one) takes: the one published most recently. */
  async latestPublished(ctx: RequestContext, templateId?: string): Promise<TemplateVersionDetail | null> {
    const id = await this.templates.latestPublishedId(ctx, templateId);
    return id ? this.getVersion(ctx, id) : null;
  }

  /** A new template with its first version as a draft. */
  async createDraft(ctx: RequestContext, input: CreateTemplateInput): Promise<TemplateVersionDetail> {
    const definition = input.definition === undefined ? STARTER_DEFINITION : await this.requireValid(ctx, input.definition);
    return this.connection.withTransaction(ctx, async (tx) => {
      const template = await this.templates.createTemplate(tx, { name: input.name.trim(), description: input.description?.trim() || null, code: null });
      const version = await this.templates.createVersion(tx, {
        templateId: template.id,
        number: 1,
        status: 'draft',
        definition,
        createdById: tx.actor?.userId ?? null,
      });
      await this.audit.record(tx, { action: 'template.created', entityType: 'template', entityId: template.id, after: { name: template.name, versionId: version.id } });
      return toVersionView(template, version);
    });
  }

  /** Saves a draft with the row version the client read; a stale one answers 409 with the draft as it is now. */
  async updateDraft(ctx: RequestContext, versionId: string, rowVersion: number | undefined, input: UpdateDraftInput): Promise<TemplateVersionDetail> {
    if (rowVersion === undefined) throw TemplateException.versionRequired();
    const definition = input.definition === undefined ? undefined : await this.requireValid(ctx, input.definition);
    return this.connection.withTransaction(ctx, async (tx) => {
      const version = await this.templates.lockVersion(tx, versionId);
      if (!version) throw TemplateException.versionNotFound();
      const template = await this.lockTemplateOf(tx, version);
      if (version.status !== 'draft') throw TemplateException.published(version.number);
      if (version.version !== rowVersion) throw TemplateException.versionConflict(toVersionView(template, version));
      if (input.name !== undefined || input.description !== undefined) {
        if (input.name !== undefined) template.name = input.name.trim();
        if (input.description !== undefined) template.description = input.description?.trim() || null;
        await this.templates.saveTemplate(tx, template);
      }
      if (definition !== undefined) version.definition = definition;
      // Bump the row version even when only the name changed, so a second editor holding the old version is told.
      version.updatedAt = new Date();
      const saved = await this.templates.saveVersion(tx, version);
      await this.audit.record(tx, { action: 'template.draft_saved', entityType: 'template_version', entityId: saved.id, after: { number: saved.number } });
      return toVersionView(template, saved);
    });
  }

  /** Publishes a draft after validating it as a whole (against the indicator catalogue too): 422 lists every problem. */
  async publish(ctx: RequestContext, versionId: string, rowVersion?: number): Promise<TemplateVersionDetail> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const version = await this.templates.lockVersion(tx, versionId);
      if (!version) throw TemplateException.versionNotFound();
      const template = await this.lockTemplateOf(tx, version);
      if (version.status !== 'draft') throw TemplateException.published(version.number);
      if (rowVersion !== undefined && version.version !== rowVersion) throw TemplateException.versionConflict(toVersionView(template, version));
      const problems = validateDefinition(version.definition, { indicatorCodes: await this.templates.indicatorCodes(tx) });
      if (problems.length) throw TemplateException.invalidDefinition(problems.map(underDefinition));
      version.status = 'published';
      version.publishedAt = new Date();
      version.publishedById = tx.actor?.userId ?? null;
      const saved = await this.templates.saveVersion(tx, version);
      await this.audit.record(tx, { action: 'template.published', entityType: 'template_version', entityId: saved.id, after: { templateId: template.id, number: saved.number } });
      return toVersionView(template, saved);
    });
  }

  /** "Copy last year's": the next draft of the same template, starting from `versionId`'s definition. */
  async copy(ctx: RequestContext, versionId: string): Promise<TemplateVersionDetail> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const source = await this.templates.findVersion(tx, versionId);
      if (!source) throw TemplateException.versionNotFound();
      const template = await this.lockTemplateOf(tx, source);
      const draft = await this.templates.findDraftOf(tx, template.id);
      if (draft) throw TemplateException.draftExists(draft.id, draft.number);
      const version = await this.templates.createVersion(tx, {
        templateId: template.id,
        number: await this.templates.nextNumber(tx, template.id),
        status: 'draft',
        definition: structuredClone(source.definition),
        copiedFromId: source.id,
        createdById: tx.actor?.userId ?? null,
      });
      await this.audit.record(tx, { action: 'template.copied', entityType: 'template_version', entityId: version.id, after: { from: source.id, number: version.number } });
      return toVersionView(template, version);
    });
  }

  private async requireValid(ctx: RequestContext, definition: unknown): Promise<TemplateDefinition> {
    const problems = validateDefinition(definition, { indicatorCodes: await this.templates.indicatorCodes(ctx) });
    if (problems.length) throw TemplateException.invalidDefinition(problems.map(underDefinition));
    return definition as TemplateDefinition;
  }

  private async templateOf(ctx: RequestContext, version: TemplateVersion): Promise<Template> {
    const template = await this.templates.findTemplate(ctx, version.templateId);
    if (!template) throw TemplateException.notFound();
    return template;
  }

  private async lockTemplateOf(ctx: RequestContext, version: TemplateVersion): Promise<Template> {
    const template = await this.templates.lockTemplate(ctx, version.templateId);
    if (!template) throw TemplateException.notFound();
    return template;
  }
}
