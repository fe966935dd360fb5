export * from './feedback.module.js';

/** The feedback lib's tables (filled as its entities land). */
export const FEEDBACK_ENTITIES: Array<new () => unknown> = [];
