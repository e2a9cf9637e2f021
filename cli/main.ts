#!/usr/bin/env node
/// <reference types="node" />
// The `faultline` bin. Node-only, so it lives outside `src/`: the core stays edge-safe.
import { run } from './run.js';

run(process.argv.slice(2), {
  cwd: process.cwd(),
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
