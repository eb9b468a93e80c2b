import { parseText } from "/work/main/dist/index.js";
const n = Number(process.argv[2]);
const v = "主动公开政府信息" + "9".repeat(n) + "条";
const timer = {}; const t = performance.now(); parseText(v, { timer }); console.log(n, (performance.now()-t).toFixed(0), JSON.stringify(timer));
