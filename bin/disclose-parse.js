#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, compiled to dist/ and bundled into dist/bundle/ by
// `npm install` (prepare: tsc, then scripts/bundle.mjs). The bundle loads in a third of the time.
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's compile cache (Node ≥ 22.1): a second run skips compiling the bundle. Node 20 has none.
module.enableCompileCache?.();

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/cli.js');
await main();
