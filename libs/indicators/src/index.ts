export * from './catalogue/dto/indicator.dto.js';
export * from './catalogue/indicator-catalogue.service.js';
export * from './catalogue/indicator-reference.loader.js';
export * from './catalogue/indicator-vocabulary.js';
export * from './catalogue/indicator.entity.js';
export * from './indicators.module.js';

import { Indicator } from './catalogue/indicator.entity.js';
export const INDICATOR_ENTITIES = [Indicator];
