// Compares two independent labellings of the same pages: meta fields and every cell by its
// canonical path (resolved with the corpus's label map). Prints one line per disagreement.
// usage: node compare-labels.mjs DIR_A DIR_B [LABELMAP]
import fs from 'node:fs';
import path from 'node:path';
const [a, b, map = '/work/shared/tools/labelmap.mjs'] = process.argv.slice(2);
const { labelPath } = await import(map);
const read = (dir, f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const byPath = (label) => {
  const ctx = {};
  const out = new Map();
  for (const c of label.cells ?? []) {
    const p = labelPath(c, ctx);
    out.set(p ?? `UNMAPPED ${c.table}|${c.row}|${c.col}`, c);
  }
  return out;
};
const norm = (s) => String(s ?? '').replace(/\s+/g, '');
let pages = 0, agreeing = 0, cells = 0, cellDiffs = 0, metaDiffs = 0;
for (const f of fs.readdirSync(a).filter((f) => f.endsWith('.expect.json')).sort()) {
  if (!fs.existsSync(path.join(b, f))) { console.log(`${f}: missing in ${b}`); continue; }
  pages++;
  const x = read(a, f), y = read(b, f);
  const id = f.replace('.expect.json', '');
  const lines = [];
  for (const k of ['year', 'agency', 'layout']) {
    if (norm(x.meta?.[k]) !== norm(y.meta?.[k])) lines.push(`meta.${k}: A ${JSON.stringify(x.meta?.[k])} B ${JSON.stringify(y.meta?.[k])}`);
  }
  metaDiffs += lines.length;
  const px = byPath(x), py = byPath(y);
  for (const p of new Set([...px.keys(), ...py.keys()])) {
    cells++;
    const cx = px.get(p), cy = py.get(p);
    const vx = cx ? `${cx.value}${cx.unit ?? ''}` : 'absent', vy = cy ? `${cy.value}${cy.unit ?? ''}` : 'absent';
    if (vx !== vy) { cellDiffs++; lines.push(`${p}: A ${vx} B ${vy}  [${(cx ?? cy).row} | ${(cx ?? cy).col}]`); }
  }
  if (lines.length === 0) agreeing++;
  else for (const l of lines) console.log(`${id} ${l}`);
}
console.log(`pages ${pages}, agreeing wholly ${agreeing}; cell paths ${cells}, differing ${cellDiffs}; meta differences ${metaDiffs}`);
