import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { IndicatorReferenceLoader } from './catalogue/indicator-reference.loader.js';

/** Loads the indicator catalogue on every start; cheap and idempotent. */
@Injectable()
export class IndicatorsReferenceBootstrap implements OnApplicationBootstrap {
  constructor(private readonly loader: IndicatorReferenceLoader) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loader.load(RequestContext.system('reference-data'));
  }
}
