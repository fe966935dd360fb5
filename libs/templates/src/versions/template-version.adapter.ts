import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import type { TemplateVersionPort } from '@arshjulet/cycle';
import { TemplateRepository } from './template.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The templates' answer to the cycle's TemplateVersionPort (provided under TEMPLATE_VERSION_PORT). */
@Injectable()
export class TemplateVersionAdapter implements TemplateVersionPort {
  constructor(private readonly templates: TemplateRepository) {}

  latestPublishedId(ctx: RequestContext): Promise<string | null> {
    return this.templates.latestPublishedId(ctx);
  }

  async isPublished(ctx: RequestContext, versionId: string): Promise<boolean> {
    return UUID.test(versionId) && this.templates.isPublished(ctx, versionId);
  }
}
