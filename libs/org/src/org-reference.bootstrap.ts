import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { OrgUnitReferenceLoader } from './org-units/org-unit-reference.loader.js';

/** Loads the org-unit reference data on every start; cheap and idempotent. */
@Injectable()
export class OrgReferenceBootstrap implements OnApplicationBootstrap {
  constructor(private readonly loader: OrgUnitReferenceLoader) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loader.load(RequestContext.system('reference-data'));
  }
}
