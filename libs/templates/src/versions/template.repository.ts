import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { TemplateVersion } from './template-version.entity.js';
import { Template } from './template.entity.js';

export interface TemplateSummaryRow {
  id: string;
  code: string | null;
  name: string;
  description: string | null;
  latestPublishedId: string | null;
  latestPublishedNumber: number | null;
  draftId: string | null;
  draftNumber: number | null;
}

/** The templates' SQL, named by what it does. */
@Injectable()
export class TemplateRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  createTemplate(ctx: RequestContext, init: Partial<Template>): Promise<Template> {
    const repository = this.connection.getRepository(ctx, Template);
    return repository.save(repository.create(init));
  }

  saveTemplate(ctx: RequestContext, template: Template): Promise<Template> {
    return this.connection.getRepository(ctx, Template).save(template);
  }

  findTemplate(ctx: RequestContext, id: string): Promise<Template | null> {
    return this.connection.getRepository(ctx, Template).findOneBy({ id });
  }

  findTemplateByCode(ctx: RequestContext, code: string): Promise<Template | null> {
    return this.connection.getRepository(ctx, Template).findOneBy({ code });
  }

  /** The template row locked: version numbers and the one draft are handed out one at a time. */
  lockTemplate(ctx: RequestContext, id: string): Promise<Template | null> {
    return this.connection.getRepository(ctx, Template).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  createVersion(ctx: RequestContext, init: Partial<TemplateVersion>): Promise<TemplateVersion> {
    const repository = this.connection.getRepository(ctx, TemplateVersion);
    return repository.save(repository.create(init));
  }

  saveVersion(ctx: RequestContext, version: TemplateVersion): Promise<TemplateVersion> {
    return this.connection.getRepository(ctx, TemplateVersion).save(version);
  }

  findVersion(ctx: RequestContext, id: string): Promise<TemplateVersion | null> {
    return this.connection.getRepository(ctx, TemplateVersion).findOneBy({ id });
  }

  lockVersion(ctx: RequestContext, id: string): Promise<TemplateVersion | null> {
    return this.connection.getRepository(ctx, TemplateVersion).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findDraftOf(ctx: RequestContext, templateId: string): Promise<TemplateVersion | null> {
    return this.connection.getRepository(ctx, TemplateVersion).findOneBy({ templateId, status: 'draft' });
  }

  async nextNumber(ctx: RequestContext, templateId: string): Promise<number> {
    const [row]: Array<{ next: number }> = await this.connection
      .manager(ctx)
      .query('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM template_version WHERE template_id = $1', [templateId]);
    return Number(row.next);
  }

  versionsOf(ctx: RequestContext, templateId: string): Promise<TemplateVersion[]> {
    return this.connection.getRepository(ctx, TemplateVersion).find({ where: { templateId }, order: { number: 'DESC' } });
  }

  /** The version published most recently (of one template, or of any). */
  async latestPublishedId(ctx: RequestContext, templateId?: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.connection.manager(ctx).query(
      `SELECT id FROM template_version
        WHERE status = 'published' AND ($1::uuid IS NULL OR template_id = $1::uuid)
        ORDER BY published_at DESC, number DESC LIMIT 1`,
      [templateId ?? null],
    );
    return rows[0]?.id ?? null;
  }

  async isPublished(ctx: RequestContext, versionId: string): Promise<boolean> {
    const rows: unknown[] = await this.connection
      .manager(ctx)
      .query(`SELECT 1 FROM template_version WHERE id = $1 AND status = 'published'`, [versionId]);
    return rows.length > 0;
  }

  summaries(ctx: RequestContext): Promise<TemplateSummaryRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT t.id, t.code, t.name, t.description,
              p.id AS "latestPublishedId", p.number AS "latestPublishedNumber", d.id AS "draftId", d.number AS "draftNumber"
         FROM template t
         LEFT JOIN LATERAL (SELECT id, number FROM template_version WHERE template_id = t.id AND status = 'published' ORDER BY number DESC LIMIT 1) p ON true
         LEFT JOIN template_version d ON d.template_id = t.id AND d.status = 'draft'
        ORDER BY t.name, t.id`,
    );
  }

  async indicatorCodes(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.connection.manager(ctx).query('SELECT code FROM indicator');
    return rows.map((row) => row.code);
  }
}
