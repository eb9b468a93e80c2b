#!/usr/bin/env node
// Run the CLI in this process and print its peak RSS and CPU time (worker threads included) as the last line.
// The bundle, as bin/disclose-parse.js runs it.
import { run } from '../dist/bundle/cli.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
const usage = process.resourceUsage();
process.stdout.write(`\n${JSON.stringify({ code, maxRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`);
process.exitCode = code;
