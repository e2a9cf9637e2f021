// `import 'faultline/testing/vitest'` in a vitest setup file: registers the matchers and adds them
// to vitest's `expect` types.
import { expect } from 'vitest';
import { faultlineMatchers, type FaultlineMatchers } from './index.js';

expect.extend(faultlineMatchers);

declare module 'vitest' {
  // The type parameter must repeat vitest's own declaration of `Matchers` exactly.
  // oxlint-disable-next-line typescript/no-explicit-any, typescript/no-empty-object-type
  interface Matchers<T = any> extends FaultlineMatchers<T> {}
}

export { faultlineMatchers, type FaultExpectation, type FaultlineMatchers } from './index.js';
