#!/usr/bin/env node
// Run the CLI in this process and print its peak RSS (worker threads included) as the last line.
import { run } from '../dist/cli.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
process.stdout.write(`\n${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exitCode = code;
