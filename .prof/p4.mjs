import { parseText } from "/work/main/dist/index.js";
const n = Number(process.argv[2]);
const v = "+--+\n|a|\n".repeat(n);
const timer = {}; const t = performance.now(); parseText(v, { timer }); console.log(n, (performance.now()-t).toFixed(0), JSON.stringify(timer));
