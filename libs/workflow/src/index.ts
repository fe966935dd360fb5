export * from './transition-runner.js';
export * from './workflow.exception.js';
export * from './workflow.module.js';
export * from './notifications/notification-pages.module.js';
