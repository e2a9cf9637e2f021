import express4 from 'express4';
import { nullIsNoError, startExpress } from './express.js';
import type { Harness } from './harness.js';

// Express 4 does not catch rejected promises: an async route passes its error to `next` itself, as
// every Express 4 app (or express-async-handler) does; `next(null)` is "no error" there too.
export const express4Harness: Harness = {
  framework: 'express4',
  differences: [
    nullIsNoError('4', 'null', 'throw'),
    nullIsNoError('4', 'undefined', 'throw'),
    nullIsNoError('4', 'null', 'async'),
    nullIsNoError('4', 'undefined', 'async'),
  ],
  start: (spec) =>
    startExpress(express4, spec, (handler) => (req, _res, next) => {
      handler(req).catch(next);
    }),
};
