#!/usr/bin/env node
/// <reference types="node" />
// The `faultline` bin. Node-only, so it lives outside `src/`: the core stays edge-safe.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from './run.js';

/** The version of the faultline package this bin belongs to: the nearest package.json named faultline above it. */
function ownVersion(): string | undefined {
  try {
    let dir = dirname(realpathSync(process.argv[1] ?? ''));
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'faultline' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // No package.json here (or not JSON): keep looking upwards.
      }
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

const version = ownVersion();

run(process.argv.slice(2), {
  cwd: process.cwd(),
  ...(version === undefined ? {} : { version }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
