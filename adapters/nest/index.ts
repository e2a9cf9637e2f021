// faultline for NestJS 11 and 12 (platform-express and platform-fastify).
export { FaultlineFilter, FAULTLINE_OPTIONS } from './filter.js';
export { FaultlineModule } from './module.js';
export { Envelope, MapErrors, type ScopeDecorator } from './decorators.js';
export type { FaultlineOptions } from '../../src/index.js';
