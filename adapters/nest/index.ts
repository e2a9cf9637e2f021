// faultline for NestJS 11 and 12 (platform-express and platform-fastify).
export { FaultlineFilter, FAULTLINE_OPTIONS } from './filter.js';
export { FaultlineModule } from './module.js';
export { Envelope, MapErrors, type ScopeDecorator } from './decorators.js';
export { classValidatorFailure, FaultlineValidationPipe, type ClassValidatorError } from './validation-pipe.js';
export { Validate, ValidateInterceptor, type ValidateDecorator, type RequestSchemas, type SchemaOutput, type ValidateOptions } from './validate.js';
export {
  RateLimit,
  RateLimitGuard,
  type NestHttpRequest,
  type NestRateLimitInMemory,
  type NestRateLimitOptions,
  type NestRateLimitWithLimiter,
  type RateLimitDecorator,
} from './rate-limit.js';
export type { FaultlineOptions } from '../../src/kit.js';
