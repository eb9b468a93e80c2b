import { parseBuffer } from "/work/main/dist/index.js";
import { readFileSync } from "node:fs";
const b = readFileSync(process.argv[2]); let n = 0; const t = performance.now();
while (performance.now() - t < 3000) { parseBuffer(b); n++; }
console.log(((performance.now() - t) / n).toFixed(2), "ms");
