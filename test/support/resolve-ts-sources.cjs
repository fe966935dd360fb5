// Jest loads globalSetup/globalTeardown through CommonJS, outside the ESM module graph and its
// moduleNameMapper: let their relative `./x.js` imports find the TypeScript sources, as tsc and Jest do.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTsSource(request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) return resolve.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    throw error;
  }
};
