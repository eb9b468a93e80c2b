import { parseBuffer } from "/work/main/dist/index.js";
import { readFileSync } from "node:fs";
import fg from "fast-glob";
const files = fg.sync("/work/main/fixtures/**/*.txt", { ignore: ["**/bad/**"] }).map(f => readFileSync(f));
let t = performance.now(); let n = 0;
while (performance.now() - t < 5000) { for (const b of files) { JSON.stringify(parseBuffer(b)); n++; } }
console.log(n / ((performance.now() - t) / 1000), "files/s");
