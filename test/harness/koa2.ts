import Koa2 from 'koa2';
import { koaHarnessFor } from './koa.js';

/** The same app on Koa 2 (`koa2` is an npm alias of koa@2): faultline/koa supports both. */
export const koa2Harness = koaHarnessFor('koa2', Koa2);
