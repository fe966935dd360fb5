export * from './definition/template-definition.js';
export * from './definition/activity-vocabulary.js';
export * from './definition/validate-definition.js';
export * from './answers/validate-answers.js';
export * from './answers/answered.js';
