import { parseBuffer } from "/work/main/dist/index.js";
import { readFileSync } from "node:fs";
import fg from "fast-glob";
for (const f of fg.sync("/work/main/fixtures/**/*.txt")) {
  const b = readFileSync(f); let n = 0; const t = performance.now();
  while (performance.now() - t < 300) { parseBuffer(b); n++; }
  console.log(((performance.now() - t) / n).toFixed(2), "ms", (b.length/1024).toFixed(1), "KB", f.split("/").slice(-2).join("/"));
}
