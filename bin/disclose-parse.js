#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, compiled to dist/ by `npm install` (prepare).
import { main } from '../dist/cli.js';

await main();
