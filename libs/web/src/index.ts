export * from './view-engine.js';
export * from './web-paths.js';
