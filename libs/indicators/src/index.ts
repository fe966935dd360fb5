export * from './catalogue/dto/indicator.dto.js';
export * from './catalogue/indicator-catalogue.service.js';
export * from './catalogue/indicator-reference.loader.js';
export * from './catalogue/indicator-vocabulary.js';
export * from './catalogue/indicator.entity.js';
export * from './indicators.module.js';
export * from './values/indicator-value.entity.js';
export * from './values/indicator-value-history.entity.js';
export * from './imports/import-batch.entity.js';
export * from './imports/import-staged-row.entity.js';
export * from './format/swedish-number.util.js';
export * from './period/period.js';

import { Indicator } from './catalogue/indicator.entity.js';
import { ImportBatch } from './imports/import-batch.entity.js';
import { ImportStagedRow } from './imports/import-staged-row.entity.js';
import { IndicatorValueHistory } from './values/indicator-value-history.entity.js';
import { IndicatorValue } from './values/indicator-value.entity.js';
export const INDICATOR_ENTITIES = [Indicator, IndicatorValue, IndicatorValueHistory, ImportBatch, ImportStagedRow];
