import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isHttpError, precompiledValidators } from '../../src/index.js';
import { createRequestValidator, createSchemaCompiler } from '../../src/kit.js';

// ajv/dist/standalone is CommonJS with `exports.default`: under NodeNext its types and its runtime disagree.
const standaloneCode = standalone.default as unknown as (ajv: Ajv, refsOrFuncs: Record<string, string>) => string;

const schema = { $id: 'pin', type: 'object', required: ['cid'], properties: { cid: { type: 'string', minLength: 3 } } };

// What a build step produces with ajv's standalone code, loaded as the module it would be.
function standaloneModule(): Record<string, unknown> {
  const ajv = new Ajv({ allErrors: true, code: { source: true } });
  ajv.addSchema(schema);
  const module = { exports: {} as Record<string, unknown> };
  const load = new Function('module', 'exports', 'require', standaloneCode(ajv, { pin: 'pin' }));
  load(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

describe('precompiledValidators: validation where code generation is forbidden', () => {
  it('validates with the validators compiled ahead of time, by $id', () => {
    const validator = createRequestValidator(createSchemaCompiler(precompiledValidators(standaloneModule())), { body: schema });
    expect(() => validator.validateRequest({ body: { cid: 'Qm1' } })).not.toThrow();
    let thrown: unknown;
    try {
      validator.validateRequest({ body: { cid: 1 } });
    } catch (error) {
      thrown = error;
    }
    expect(isHttpError(thrown)).toBe(true);
    expect((thrown as { issues: unknown }).issues).toEqual([{ location: 'body', pointer: '/cid', keyword: 'type', message: 'must be string', params: { type: 'string' } }]);
  });

  it('a schema without $id, or with no such export, fails at setup', () => {
    const compiler = createSchemaCompiler(precompiledValidators(standaloneModule()));
    expect(() => createRequestValidator(compiler, { body: { type: 'object' } })).toThrow(/needs an \$id/);
    expect(() => createRequestValidator(compiler, { body: { $id: 'nope' } })).toThrow(/no precompiled validator exported as "nope"/);
  });

  it('an Ajv refused code generation (as on workerd) explains itself at setup', () => {
    // workerd's refusal, as ajv surfaces it; the real one is exercised by npm run test:runtimes.
    const refused = { compile: () => { throw new EvalError('Code generation from strings disallowed for this context'); } };
    expect(() => createRequestValidator(createSchemaCompiler(refused), { body: schema })).toThrow(
      /this runtime forbids generating code .* precompiledValidators/,
    );
  });
});
