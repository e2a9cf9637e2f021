import { measure, do_not_optimize } from 'mitata';
import createError from 'http-errors';
import { throwFrom } from '../micro/depth.js';
import { createFaultline, errors } from '../../src/index.js';
const fl = createFaultline();
function ret(depth: number, make: () => unknown): unknown { if (depth === 0) return make(); return ret(depth - 1, make); }
const cases: Record<string, () => unknown> = {
  'throw literal d50': () => { try { throwFrom(50, () => ({ s: 404 })); } catch (e) { return e; } },
  'throw literal d0': () => { try { throwFrom(0, () => ({ s: 404 })); } catch (e) { return e; } },
  'stringify': () => JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not Found' }),
  'createError d50 returned': () => ret(50, () => createError(404)),
  'createError d0': () => createError(404),
  'notFound d50 returned': () => ret(50, () => errors.notFound()),
  'new Error d50 returned': () => ret(50, () => new Error('x')),
  'handle(notFound)': (() => { const e = errors.notFound(); return () => fl.handle(e, { method: 'GET', path: '/' }); })(),
  'notFound()': () => errors.notFound(),
};
for (const [name, fn] of Object.entries(cases)) {
  const s = await measure(() => do_not_optimize(fn()), { min_cpu_time: 200e6 });
  console.log(name.padEnd(30), s.p50.toFixed(0), 'ns');
}
