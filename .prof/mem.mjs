import { renderAll } from '/work/main/dist/run/batch.js';
import { collectInputs } from '/work/main/dist/parse/walk.js';
const paths = await collectInputs(['/tmp/many']);
const mode = process.argv[2];
const rss0 = process.memoryUsage().rss;
let n = 0;
for await (const r of renderAll(paths, { format: 'jsonl' }, mode === 'timeout' ? { jobs: 1, timeoutMs: 60000 } : mode === 'pool' ? { jobs: 2 } : { jobs: 1 })) { n++; if (n % 10000 === 0) console.log(n, Math.round(process.memoryUsage().rss/1e6), Math.round(process.memoryUsage().heapUsed/1e6)); }
console.log(mode, paths.length, 'maxRSS MB', Math.round(process.resourceUsage().maxRSS/1024), 'start', Math.round(rss0/1e6));
