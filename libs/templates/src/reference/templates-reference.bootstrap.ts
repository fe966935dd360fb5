import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { TemplateReferenceLoader } from './template-reference.loader.js';

/** Loads the default template and the theme tags on every start; cheap and idempotent. */
@Injectable()
export class TemplatesReferenceBootstrap implements OnApplicationBootstrap {
  constructor(private readonly loader: TemplateReferenceLoader) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loader.load(RequestContext.system('reference-data'));
  }
}
