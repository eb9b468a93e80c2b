// The style sheet of the report pages and the index: one sheet, inlined into every page.

export const STYLE = `
:root {
  --ink: #1d232a; --muted: #5b6570; --rule: #d8dde3; --paper: #fff; --panel: #f6f8fa;
  --table-bg: #fff0a8; --table-edge: #b58a00;
  --narr-bg: #d6eaff; --narr-edge: #1f65b8;
  --impl-bg: #efe7ff; --impl-edge: #6a45b8;
  --hl: #fffae0; --flag: #c62828; --target: #ffe1e1;
  --sans: system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  --mono: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", monospace;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 var(--sans); color: var(--ink); background: var(--paper); }
header, main > section { padding: 0 20px; }
header { border-bottom: 1px solid var(--rule); background: var(--panel); padding-bottom: 8px; }
h1 { font-size: 20px; margin: 0; padding: 12px 0 6px; }
h2 { font-size: 16px; margin: 18px 0 8px; }
h3 { font-size: 13px; margin: 0 0 6px; color: var(--muted); font-weight: 600; }
nav.top { font-size: 13px; padding-top: 8px; display: flex; gap: 16px; flex-wrap: wrap; }
a { color: #0b57a4; }
code { font-family: var(--mono); font-size: 12.5px; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); gap: 2px 14px; margin: 6px 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.error-box { border-left: 4px solid var(--flag); background: #fff3f3; padding: 8px 12px; margin: 12px 0; }
ul.problems { list-style: none; padding: 0; margin: 0; }
ul.problems li { padding: 4px 8px; border-left: 4px solid var(--flag); background: #fff6f6; margin: 4px 0; }
ul.problems li.warning { border-left-color: #c77700; background: #fff9ef; }
ul.problems li.skip { border-left-color: var(--rule); background: var(--panel); }
ul.problems li.pass { border-left-color: #2e7d32; background: #f3faf3; }
.lines-of { font-size: 12.5px; color: var(--muted); }
.legend { display: flex; gap: 8px 22px; flex-wrap: wrap; font-size: 13px; align-items: center; margin: 4px 0; }
.legend .legend-line { display: inline-flex; padding: 0 6px; }
.legend .legend-line > .n { width: 0; padding: 0; margin-right: 6px; }
.legend + .note { font-size: 13px; margin: 2px 0 10px; }
.src { border: 1px solid var(--rule); font: 13px/1.55 var(--mono); }
.seg { border-top: 1px solid var(--rule); }
.seg:first-child { border-top: 0; }
.seg.tbl { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
@media (max-width: 1100px) { .seg.tbl { grid-template-columns: minmax(0, 1fr); } }
.seg.tbl > .lines { overflow-x: auto; }
.seg.tbl .t { white-space: pre; }
.seg.tbl > aside { border-left: 1px solid var(--rule); background: var(--panel); padding: 8px; }
.seg.tbl > aside > .sticky { position: sticky; top: 0; max-height: 100vh; overflow: auto; }
.l { display: flex; min-height: 1.55em; }
.l > .n { flex: none; width: 4.2em; padding-right: 8px; text-align: right; color: #8a939c; text-decoration: none; user-select: none; border-right: 3px solid transparent; }
.l > .t { flex: 1; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; padding-left: 8px; }
.t .ctl { display: inline-block; font: 600 9.5px/1.3 var(--sans); border: 1px solid #8a939c; border-radius: 2px; padding: 0 2px; margin: 0 1px; color: var(--muted); vertical-align: 1px; }
.l.hl { background: var(--hl); }
.l.hl > .n { color: var(--ink); font-weight: 600; }
.l.flag > .n { border-right-color: var(--flag); }
.l:target { background: var(--target); }
.v { position: relative; border-radius: 2px; color: inherit; text-decoration: none; cursor: help; }
.v:focus { outline: 2px solid #000; outline-offset: 1px; }
.v-table { background: var(--table-bg); box-shadow: inset 0 -2px 0 var(--table-edge); }
.v-narrative { background: var(--narr-bg); box-shadow: inset 0 -2px 0 var(--narr-edge); }
.v-implied { background: var(--impl-bg); border: 1px dashed var(--impl-edge); color: var(--impl-edge); padding: 0 3px; font-style: italic; }
.t .v-implied, .t .badge { margin-left: 6px; }
.badge.v-table, .badge.v-narrative { padding: 0 3px; border: 1px dashed var(--table-edge); }
.tip { display: none; position: absolute; left: 0; top: 100%; z-index: 20; margin-top: 4px; width: max-content; max-width: 34em;
  padding: 6px 8px; background: #1d232a; color: #fff; font: 12.5px/1.45 var(--sans); font-style: normal; white-space: normal; border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); text-align: left; }
.tip > span { display: block; }
.tip > span + span { margin-top: 4px; padding-top: 4px; border-top: 1px solid #444c55; }
.tip b { font-family: var(--mono); font-weight: 600; }
.tip i { color: #c9d1d9; font-style: normal; }
.v:hover > .tip, .v:focus > .tip { display: block; }
table.grid { border-collapse: collapse; font: 12.5px/1.4 var(--sans); background: var(--paper); }
table.grid td, table.grid th { border: 1px solid var(--rule); padding: 2px 6px; vertical-align: top; }
table.grid th { font-weight: normal; text-align: left; background: #fbfcfd; }
table.grid td.num { text-align: right; white-space: nowrap; }
table.grid .v { display: inline-block; min-width: 1.4em; text-align: right; }
table.grid .tip { left: auto; right: 0; }
table.grid .same { color: transparent; border-top-color: transparent; }
table.stats { border-collapse: collapse; font-size: 13px; }
table.stats th, table.stats td { border-bottom: 1px solid var(--rule); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
table.stats td.value { text-align: right; padding-left: 16px; }
table.stats .label { display: block; color: var(--muted); font-size: 12px; }
.note { color: var(--muted); }
footer { padding: 16px 20px; color: var(--muted); font-size: 12px; }
.cols { columns: 2 34em; column-gap: 32px; }
.pdf-pages { display: flex; flex-direction: column; align-items: center; gap: 18px; padding: 8px 0; }
.pdf-page { position: relative; width: min(100%, 880px); background: #fff; box-shadow: 0 1px 5px rgba(0,0,0,.3); }
.pdf-page > canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
.pdf-page > .pno { position: absolute; right: 6px; bottom: 4px; font-size: 11px; color: var(--muted); }
.pdf-page > .box { position: absolute; border-radius: 2px; }
.pdf-page > .box-table { background: rgba(255, 196, 0, .28); outline: 1.5px solid var(--table-edge); }
.pdf-page > .box-narrative { background: rgba(60, 140, 255, .22); outline: 1.5px solid var(--narr-edge); }
.pdf-page > .box:target, .pdf-page > .box.hit { outline: 3px solid var(--flag); animation: hit 1.6s ease-out 2; }
@keyframes hit { 50% { background: rgba(220, 30, 30, .35); } }
`;
