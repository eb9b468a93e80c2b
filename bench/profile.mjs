#!/usr/bin/env node
// Run by bench/run.mjs under `node --cpu-prof`: parse every fixture text a few times, warm, so that
// the profile shows where a warm parse spends its time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuffer } from '../dist/index.js';

const [root, ...files] = process.argv.slice(2);
const bytes = files.map((f) => readFileSync(join(root, f)));
for (let pass = 0; pass < 8; pass++) for (let i = 0; i < files.length; i++) JSON.stringify(parseBuffer(bytes[i], { path: files[i] }));
