// `import 'faultline/testing/jest'` in a jest setup file (`setupFilesAfterEach`): registers the
// matchers on jest's global `expect` and adds them to its types, for `@jest/globals` (the `expect`
// package) and for `@types/jest` (the global `jest` namespace).
// Brings jest's `expect` package into the program, which the augmentation below needs.
import type { Matchers as _ExpectMatchers } from 'expect';
import { faultlineMatchers, type FaultlineMatchers } from './index.js';

const globalExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
if (typeof globalExpect?.extend !== 'function') {
  throw new Error(
    "faultline/testing/jest: there is no global `expect` to extend; import it in a jest setup file (setupFilesAfterEach), or call expect.extend(faultlineMatchers) from 'faultline/testing' yourself",
  );
}
globalExpect.extend(faultlineMatchers);

declare module 'expect' {
  // oxlint-disable-next-line typescript/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends FaultlineMatchers<R> {}
}

declare global {
  // oxlint-disable-next-line typescript/no-namespace
  namespace jest {
    // oxlint-disable-next-line typescript/no-empty-object-type
    interface Matchers<R, T = {}> extends FaultlineMatchers<R> {}
  }
}

export { faultlineMatchers, type FaultExpectation, type FaultlineMatchers } from './index.js';
