// A project that tests its faultline API with jest: faultline/testing/jest registered in a setup
// file. `faultline/*` resolves to this repository's sources, compiled by @swc/jest.
const path = require('node:path');

const repo = path.resolve(__dirname, '../../..');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.jest.ts'],
  setupFilesAfterEnv: ['<rootDir>/setup.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    '^faultline/testing/jest$': `${repo}/src/testing/jest.ts`,
    '^faultline/testing$': `${repo}/src/testing/index.ts`,
    '^faultline$': `${repo}/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
