// Rules for what becomes part of a fault: statuses and machine codes, as normalize accepts them.
import { CODE } from '../normalize/fault-input.js';
import { isErrorStatus } from '../status/lookup.js';
import { satisfies } from './rule.js';

/** An error status as an object key: `'404'`. */
export const statusKey = /* @__PURE__ */ satisfies('a status from 400 to 599', (v) => typeof v === 'string' && /^\d{3}$/.test(v) && isErrorStatus(Number(v)));
/** An error status as a number: `404`. */
export const errorStatus = /* @__PURE__ */ satisfies('a status from 400 to 599', (v) => typeof v === 'number' && isErrorStatus(v));
export const machineCode = /* @__PURE__ */ satisfies('a machine code (letters, digits, _ . : -, at most 64)', (v) => typeof v === 'string' && CODE.test(v));
