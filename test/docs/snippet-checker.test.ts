import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeBlocks, encloses, importedSpecifiers, installedPackages, shownCompilerOptions } from '../../scripts/docs/markdown.js';
import { curlProbes, differences, matchesShown, shellWords, shownResponses } from '../../scripts/docs/probes.js';
import { requirementsOf } from '../../scripts/docs/requirements.js';

// The pieces of `npm run test:docs` (scripts/test-docs.ts): how a page is read, what a snippet must
// have said above it, and how the requests and responses a page shows are read and compared. The
// whole check runs on the real pages in `npm test`, with canaries that must fail.

const root = fileURLToPath(new URL('../..', import.meta.url));

const PAGE = [
  '# Guide', //                                                     1
  '', //                                                            2
  '```sh', //                                                       3
  'npm install faultline express   # the framework', //             4
  'npm i -D @types/express@^5', //                                  5
  '```', //                                                         6
  '', //                                                            7
  '## Nest', //                                                     8
  '', //                                                            9
  '```json', //                                                     10
  '{ "compilerOptions": { "experimentalDecorators": true } }', //   11
  '```', //                                                         12
  '', //                                                            13
  '````ts run', //                                                  14
  "import express from 'express';", //                              15
  '```', //                                                         16
  '````', //                                                        17
  '', //                                                            18
  '## Koa', //                                                      19
  '', //                                                            20
  '```ts fragment canary=compile', //                               21
  "import Koa from 'koa';", //                                      22
  '```', //                                                         23
].join('\n');

describe('reading a page', () => {
  const blocks = codeBlocks(PAGE, 'guide.md');

  it('finds each fenced block with its line, language, attributes, text and headings', () => {
    expect(blocks.map((b) => [b.line, b.lang, [...b.attrs], b.scope])).toEqual([
      [3, 'sh', [], [1]],
      [10, 'json', [], [1, 8]],
      [14, 'ts', [['run', true]], [1, 8]],
      [21, 'ts', [['fragment', true], ['canary', 'compile']], [1, 19]],
    ]);
    // A longer fence holds a shorter one as text.
    expect(blocks[2]?.code).toBe("import express from 'express';\n```");
  });

  it('a section holds its subsections, not its siblings', () => {
    const [install, tsconfig, nest, koa] = blocks as [(typeof blocks)[0], (typeof blocks)[0], (typeof blocks)[0], (typeof blocks)[0]];
    expect(encloses(install, nest)).toBe(true);
    expect(encloses(install, koa)).toBe(true);
    expect(encloses(tsconfig, nest)).toBe(true);
    expect(encloses(tsconfig, koa)).toBe(false);
  });

  it('reads npm install lines (versions, flags and comments dropped) and tsconfig blocks', () => {
    expect(installedPackages(blocks[0] as (typeof blocks)[0])).toEqual(['faultline', 'express', '@types/express']);
    expect(installedPackages({ ...(blocks[0] as (typeof blocks)[0]), code: 'npm add @koa/router@15 koa@^3\nnpm ci\nnpm test' })).toEqual(['@koa/router', 'koa']);
    expect(shownCompilerOptions(blocks[1] as (typeof blocks)[0])).toEqual({ experimentalDecorators: true });
    expect(shownCompilerOptions({ ...(blocks[1] as (typeof blocks)[0]), code: '{"description":"ok"}' })).toBeUndefined();
  });

  it('lists what a block imports: static, type-only, side-effect, dynamic, re-exports', () => {
    const code = [
      "import 'reflect-metadata';",
      "import express, { type Request } from 'express';",
      "import type { Context } from 'koa';",
      "export { serve } from '@hono/node-server';",
      "const m = await import('pino');",
      "import {\n  errorHandler,\n  notFound,\n} from 'faultline/express';",
      "const text = 'import nothing from \"here\"';",
    ].join('\n');
    expect(importedSpecifiers(code).toSorted()).toEqual(['@hono/node-server', 'express', 'faultline/express', 'koa', 'pino', 'reflect-metadata']);
  });
});

/** The problems of a page's last block. */
function needs(text: string): readonly string[] {
  const blocks = codeBlocks(text, 'page.md');
  const last = blocks.at(-1) as (typeof blocks)[0];
  return requirementsOf(last, blocks.slice(0, -1), root).problems;
}

describe('what a snippet needs its page to have said', () => {
  it('every package it imports, the types of those without their own, and required peers', () => {
    expect(needs("```ts\nimport express from 'express';\nimport { errorHandler } from 'faultline/express';\n```")).toEqual([
      'needs "express" in an npm install line above it (imports express)',
      'needs "@types/express" in an npm install line above it (express ships no types)',
    ]);
    expect(needs("```sh\nnpm install express\nnpm install -D @types/express\n```\n```ts\nimport express from 'express';\n```")).toEqual([]);
    expect(needs("```sh\nnpm install @nestjs/common\n```\n```ts\nimport { Logger } from '@nestjs/common';\n```")).toEqual([
      'needs "reflect-metadata" in an npm install line above it (a peer dependency of @nestjs/common)',
      'needs "rxjs" in an npm install line above it (a peer dependency of @nestjs/common)',
    ]);
  });

  it("a faultline entry point's framework, and the peers a feature loads", () => {
    expect(needs("```ts\nimport { validate } from 'faultline/hono';\nvalidate({});\n```")).toEqual([
      'needs "hono" in an npm install line above it (faultline/hono needs it)',
      'needs "ajv" in an npm install line above it (validate() loads ajv and ajv-formats)',
      'needs "ajv-formats" in an npm install line above it (validate() loads ajv and ajv-formats)',
    ]);
    // Standard Schema validators alone never load ajv; a JSON Schema beside them does.
    const zod = "```sh\nnpm install hono zod\n```\n```ts\nimport { z } from 'zod';\nimport { validate } from 'faultline/hono';\nvalidate({ body: z.object({}) });\n";
    expect(needs(`${zod}\`\`\``)).toEqual([]);
    expect(needs(`${zod}validate({ query: { type: 'object' } });\n\`\`\``)).toEqual([
      'needs "ajv" in an npm install line above it (validate() loads ajv and ajv-formats)',
      'needs "ajv-formats" in an npm install line above it (validate() loads ajv and ajv-formats)',
    ]);
  });

  it('an install line in a sibling section does not count', () => {
    expect(needs("## A\n```sh\nnpm install hono\n```\n## B\n```ts\nimport { Hono } from 'hono';\n```")).toEqual([
      'needs "hono" in an npm install line above it (imports hono)',
    ]);
  });

  it('decorators need the tsconfig lines shown above them; Nest needs emitDecoratorMetadata too', () => {
    const nest = "```sh\nnpm install @nestjs/common reflect-metadata rxjs\n```\n";
    const controller = "```ts\nimport { Controller } from '@nestjs/common';\n@Controller()\nexport class C {}\n```";
    expect(needs(nest + controller)).toEqual([
      'uses decorators: a tsconfig block above it must set "experimentalDecorators": true',
      'uses Nest decorators: a tsconfig block above it must set "emitDecoratorMetadata": true',
    ]);
    const tsconfig = '```json\n{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }\n```\n';
    expect(needs(nest + tsconfig + controller)).toEqual([]);
  });
});

describe('the requests and responses a page shows', () => {
  it('splits shell words as a shell does', () => {
    expect(shellWords(`curl -H 'content-type: application/json' -d "{\\"a\\":1}" x\\ y # comment`)).toEqual(['curl', '-H', 'content-type: application/json', '-d', '{"a":1}', 'x y']);
    expect(() => shellWords("curl -d '{")).toThrow(/unclosed/);
  });

  it('turns curl lines into requests', () => {
    const [get, post, json, head] = curlProbes(
      [
        'curl -i localhost:3000/pins/9?x=1',
        "curl -i localhost:3000/pins -H 'Content-Type: application/json' \\\n  -d '{\"cid\":1}'",
        'curl --json \'{"a":1}\' http://127.0.0.1:3000/pins',
        'npm start',
        'curl -I localhost:3000/pins/1',
      ].join('\n'),
    );
    expect([get?.method, get?.url.pathname, get?.url.search]).toEqual(['GET', '/pins/9', '?x=1']);
    expect([post?.method, post?.headers, post?.body]).toEqual(['POST', { 'content-type': 'application/json' }, '{"cid":1}']);
    expect([json?.method, json?.headers['content-type'], json?.headers['accept']]).toEqual(['POST', 'application/json', 'application/json']);
    expect(head?.method).toBe('HEAD');
  });

  it('reads the responses of an http block', () => {
    const shown = shownResponses('HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{"a":1}\n\nHTTP/1.1 204 No Content\nRetry-After: 3\n');
    expect(shown).toEqual([
      { status: 404, headers: [['content-type', 'application/json']], body: '{"a":1}' },
      { status: 204, headers: [['retry-after', '3']], body: '' },
    ]);
  });

  it('compares what was received with what is shown: status, shown headers, body; … matches anything', () => {
    const received = { status: 404, headers: new Headers({ 'content-type': 'application/json; charset=utf-8', vary: 'Accept' }), body: '{"error":"NOT_FOUND"}\n' };
    expect(differences({ status: 404, headers: [['content-type', 'application/json; charset=utf-8']], body: '{"error":"NOT_FOUND"}' }, received)).toEqual([]);
    expect(differences({ status: 404, headers: [['content-type', 'application/json…']], body: '' }, received)).toEqual([]);
    expect(differences({ status: 400, headers: [['allow', 'GET']], body: '{"error":"GONE"}' }, received)).toEqual([
      'status 404, the page shows 400',
      'no allow header, the page shows "GET"',
      'body {"error":"NOT_FOUND"}\n       the page shows {"error":"GONE"}',
    ]);
    expect(matchesShown('a…c', 'abbbc')).toBe(true);
    expect(matchesShown('a.c', 'abc')).toBe(false);
  });
});
