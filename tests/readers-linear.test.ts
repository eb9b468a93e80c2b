// Time linear in the document, for the document readers as tests/linear.test.ts holds the text path
// to it: each shape is read at scale 1 and at scale 4 in the same run, and the CPU time at scale 4
// must stay under MAX_RATIO times that at scale 1 (linear is about 4×, quadratic 16×). The shapes
// are what a hostile or broken page or document can hold in quantity: headings, nesting, tool bars,
// references, layout tables; paragraphs in lists, merged cells, chains of styles.

import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBody } from '../src/parse/documents/docx-body.js';
import { numberingOf } from '../src/parse/documents/docx-numbering.js';
import { blankRanges, pageLayout } from '../src/parse/documents/html-chrome.js';
import { writeOutEntities } from '../src/parse/documents/html-entities.js';

/** time(scale 4) / time(scale 1) at or above this is not linear (nor n·log n), as in tests/linear.test.ts. */
const MAX_RATIO = 8;
const RUNS = 3;
const ATTEMPTS = 5;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const repeat = (n: number, piece: (i: number) => string): string => Array.from({ length: n }, (_, i) => piece(i)).join('');

function readPage(html: string): void {
  const layout = pageLayout(html);
  if (layout) blankRanges(writeOutEntities(html, layout.prose), layout.chrome ?? []);
}

interface Shape {
  name: string;
  units: number;
  make(n: number): string;
  read(input: string): void;
}

const numberingXml = strToU8(`<w:numbering ${W}><w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);

const docx = (body: string): string => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (text: string, props = ''): string => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const SHAPES: Shape[] = [
  { name: 'page: headings and paragraphs', units: 500, make: (n) => `<html><body><div class="nav"><a>首页</a></div><div class="content">${repeat(n, (i) => `<p>${'一二三四五'[i % 5]}、标题</p><p>正文${i}。</p>`)}</div><div class="footer">电话：0000</div></body></html>`, read: readPage },
  { name: 'page: nesting', units: 400, make: (n) => `<html><body>${'<div><span>'.repeat(n)}<p>一、总体情况</p><p>二、主动公开</p>${'</span></div>'.repeat(n)}</body></html>`, read: readPage },
  { name: 'page: tool bars and breadcrumbs among the paragraphs', units: 300, make: (n) => `<html><body><div id="zoom">${repeat(n, () => '<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】【打印】</div><p>当前位置：首页 &gt; 年报</p><p>一、总体</p>')}</div></body></html>`, read: readPage },
  { name: 'page: character references', units: 4_000, make: (n) => `<html><body><p>一、总体</p><p>二、电${'&nbsp;&#20013;&ldquo;&bogus;'.repeat(n)}话</p></body></html>`, read: readPage },
  { name: 'page: layout tables inside layout tables', units: 200, make: (n) => `<html><body>${'<table><tr><td>'.repeat(n)}<p>一、总体</p><table><tr><td>1</td></tr></table>${'</td></tr></table>'.repeat(n)}</body></html>`, read: readPage },
  { name: 'DOCX: paragraphs in a three-level list', units: 800, make: (n) => docx(repeat(n, (i) => p('标题', `<w:numPr><w:ilvl w:val="${i % 3}"/><w:numId w:val="1"/></w:numPr>`))), read: (xml) => readBody(xml, numberingOf(numberingXml, undefined)) },
  {
    name: 'DOCX: a table of merged cells',
    units: 400,
    make: (n) => docx(`<w:tbl>${repeat(n, (i) => `<w:tr><w:tc><w:tcPr><w:vMerge${i % 50 === 0 ? ' w:val="restart"' : ''}/></w:tcPr>${p('三、本年度办理结果')}</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p(String(i))}</w:tc><w:tc>${p('0')}</w:tc></w:tr>`)}</w:tbl>`),
    read: (xml) => readBody(xml, numberingOf(undefined, undefined)),
  },
  {
    name: 'DOCX: a chain of styles, a paragraph on each',
    units: 400,
    make: (n) => `${repeat(n, (i) => `<w:style w:type="paragraph" w:styleId="s${i}">${i > 0 ? `<w:basedOn w:val="s${i - 1}"/>` : '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'}</w:style>`)}\u0000${docx(repeat(n, (i) => p('标题', `<w:pStyle w:val="s${n - 1 - i}"/>`)))}`,
    read: (input) => {
      const [styles, xml] = input.split('\u0000') as [string, string];
      readBody(xml, numberingOf(numberingXml, strToU8(`<w:styles ${W}>${styles}</w:styles>`)));
    },
  },
];

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time(shape: Shape, input: string): number {
  collect();
  const start = process.cpuUsage();
  shape.read(input);
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

function ratio(shape: Shape): number {
  const small = shape.make(shape.units);
  const large = shape.make(shape.units * 4);
  // A page over the size whose chrome is looked for would be read as it is, and measure nothing.
  expect(large.length).toBeLessThan(2_000_000);
  time(shape, small);
  time(shape, large);
  let best = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && best >= MAX_RATIO; attempt++) {
    let t1 = Infinity;
    let t4 = Infinity;
    for (let k = 0; k < RUNS; k++) {
      t1 = Math.min(t1, time(shape, small));
      t4 = Math.min(t4, time(shape, large));
    }
    best = Math.min(best, t4 / Math.max(t1, 0.1));
    if (process.env.LINEAR_REPORT) console.log(`${shape.name}\t${t1.toFixed(1)}\t${t4.toFixed(1)}\t${(t4 / Math.max(t1, 0.1)).toFixed(1)}`);
  }
  return best;
}

describe('property: the document readers take time linear in the document (scale 4 over scale 1, bound 8×)', () => {
  for (const shape of SHAPES) it(shape.name, () => expect(ratio(shape)).toBeLessThan(MAX_RATIO), 60_000);
});
