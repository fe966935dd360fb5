import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { TemplateException } from '../template.exception.js';
import { ThemeTag } from './theme-tag.entity.js';

export interface ThemeTagView {
  key: string;
  label: string;
  active: boolean;
  version: number;
}

export const toThemeTagView = (tag: ThemeTag): ThemeTagView => ({ key: tag.key, label: tag.label, active: tag.active, version: tag.version });

/** The controlled vocabulary of themes: added and relabelled by the county, deactivated rather than deleted. */
@Injectable()
export class ThemeTagService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, includeInactive = false): Promise<ThemeTagView[]> {
    const tags = await this.connection.getRepository(ctx, ThemeTag).find({ where: includeInactive ? {} : { active: true }, order: { label: 'ASC' } });
    return tags.map(toThemeTagView);
  }

  /** The keys an analysis may carry now (for validateAnswers' `themeTags`). */
  async activeKeys(ctx: RequestContext): Promise<string[]> {
    return (await this.list(ctx)).map((tag) => tag.key);
  }

  async create(ctx: RequestContext, input: { key: string; label: string }): Promise<ThemeTagView> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, ThemeTag);
      if (await repository.findOneBy({ key: input.key })) throw TemplateException.themeTagExists(input.key);
      const tag = await repository.save(repository.create({ key: input.key, label: input.label.trim(), active: true }));
      await this.audit.record(tx, { action: 'theme_tag.created', entityType: 'theme_tag', entityId: tag.key, after: { key: tag.key, label: tag.label } });
      return toThemeTagView(tag);
    });
  }

  async update(ctx: RequestContext, key: string, version: number, input: { label?: string; active?: boolean }): Promise<ThemeTagView> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, ThemeTag);
      const tag = await repository.findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (!tag) throw TemplateException.themeTagNotFound();
      if (tag.version !== version) throw TemplateException.themeTagVersionConflict(toThemeTagView(tag));
      const before = { label: tag.label, active: tag.active };
      if (input.label !== undefined) tag.label = input.label.trim();
      if (input.active !== undefined) tag.active = input.active;
      tag.updatedAt = new Date();
      const saved = await repository.save(tag);
      await this.audit.record(tx, { action: 'theme_tag.updated', entityType: 'theme_tag', entityId: key, before, after: { key, label: saved.label, active: saved.active } });
      return toThemeTagView(saved);
    });
  }
}
