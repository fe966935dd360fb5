import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot, readReferenceCsv, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import type { TemplateDefinition } from '../definition/template-definition.js';
import { validateDefinition } from '../definition/validate-definition.js';
import { TemplateRepository } from '../versions/template.repository.js';

export interface ReferenceTemplate {
  code: string;
  name: string;
  description: string;
  definition: TemplateDefinition;
}

export const DEFAULT_TEMPLATE_FILE = (): string => join(projectRoot(), 'reference', 'templates', 'vvg-default.json');
export const THEME_TAGS_FILE = (): string => join(projectRoot(), 'reference', 'templates', 'theme-tags.csv');

export function readReferenceTemplate(file = DEFAULT_TEMPLATE_FILE()): ReferenceTemplate {
  const template = JSON.parse(readFileSync(file, 'utf8')) as ReferenceTemplate;
  const problems = validateDefinition(template.definition);
  if (problems.length) throw new Error(`${file}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return template;
}

export interface TemplateReferenceResult {
  templatePublished: boolean;
  themeTagsInserted: number;
}

/**
 * Loads the default VVG template and the theme vocabulary. Idempotent and never overwriting: the template is
 * published once as version 1 when no template has its code (later versions are the county's), and a theme tag is
 * only added when its key is missing (a relabelled or deactivated tag stays as the county left it).
 */
@Injectable()
export class TemplateReferenceLoader {
  private readonly logger = new Logger(TemplateReferenceLoader.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly templates: TemplateRepository,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: RequestContext, templateFile = DEFAULT_TEMPLATE_FILE(), tagsFile = THEME_TAGS_FILE()): Promise<TemplateReferenceResult> {
    const reference = readReferenceTemplate(templateFile);
    const tags = readReferenceCsv<'key' | 'label'>(tagsFile);
    const result = await this.connection.withTransaction(ctx, async (tx) => {
      await this.connection.manager(tx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.TemplateReference]);
      let themeTagsInserted = 0;
      for (const tag of tags) {
        const inserted: unknown[] = await this.connection
          .manager(tx)
          .query('INSERT INTO theme_tag (key, label, active, version) VALUES ($1, $2, true, 1) ON CONFLICT (key) DO NOTHING RETURNING key', [tag.key, tag.label]);
        themeTagsInserted += inserted.length;
      }
      let templatePublished = false;
      if (!(await this.templates.findTemplateByCode(tx, reference.code))) {
        const template = await this.templates.createTemplate(tx, { code: reference.code, name: reference.name, description: reference.description });
        const version = await this.templates.createVersion(tx, {
          templateId: template.id,
          number: 1,
          status: 'published',
          definition: reference.definition,
          publishedAt: new Date(),
        });
        await this.audit.record(tx, { action: 'template.reference_published', entityType: 'template_version', entityId: version.id, after: { code: reference.code, number: 1 } });
        templatePublished = true;
      }
      return { templatePublished, themeTagsInserted };
    });
    if (result.templatePublished || result.themeTagsInserted) this.logger.log(`templates: ${JSON.stringify(result)}`);
    return result;
  }
}
