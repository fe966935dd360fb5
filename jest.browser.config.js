import base from './jest.config.js';

/**
 * The browser tests (`npm run test:browser`): their own config rather than `--testMatch` on the command line, whose
 * list swallowed a path given after it, so `npm run test:browser -- test/browser/x.browser-spec.ts` ran them all.
 */
export default { ...base, testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] };
