// Saved web pages (issue 22): the encoding a page declares, weighed against its bytes; the report
// found among the site's chrome and the chrome blanked in place, so that every line of the record
// is a line of the page; character references written out in the prose. The pages are the
// corpus's reports in a site's chrome (fixtures/documents/make_saved_pages.mjs).

import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage, declaredEncoding } from '../src/parse/documents/html-charset.js';
import { pageLayout } from '../src/parse/documents/html-chrome.js';
import { writeOutEntities } from '../src/parse/documents/html-entities.js';
import { readHtml } from '../src/parse/documents/html.js';
import { parseBuffer, parseDocument } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema.js';
import { fixture } from './helpers.js';

const DOCS = 'fixtures/documents';
const bytesOf = (rel: string): Buffer => readFileSync(fixture(rel));

async function readText(bytes: Uint8Array): Promise<string> {
  const read = await readHtml(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

async function record(rel: string): Promise<ReportRecord> {
  const r = await parseDocument(bytesOf(rel), { path: rel });
  if ('error' in r) throw new Error(`${rel}: ${r.error.code}`);
  return r;
}

describe('the encoding of a page', () => {
  it('what the page declares, by meta charset, http-equiv or XML declaration', () => {
    expect(declaredEncoding(Buffer.from('<html><head><meta charset="GBK">'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from("<meta content='text/html;charset=big5' http-equiv='content-type'>"))).toBe('big5');
    expect(declaredEncoding(Buffer.from('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe('gb18030');
    expect(declaredEncoding(Buffer.from('<meta charset="iso-8859-1">'))).toBeNull(); // not trusted: such pages are GBK as often as not
    expect(declaredEncoding(Buffer.from('<html><head><title>x</title>'))).toBeNull();
  });

  it('a GBK page declared as such; a page re-saved as UTF-8 that still says gb2312 is UTF-8', async () => {
    expect((await record(`${DOCS}/pingtan2024.cms-gbk.html`)).source.encoding).toBe('gb18030');
    expect((await record(`${DOCS}/sh2019.table-layout.html`)).source.encoding).toBe('gb18030');
    const resaved = await record(`${DOCS}/pingtan2017.resaved-utf8.html`);
    expect(bytesOf(`${DOCS}/pingtan2017.resaved-utf8.html`).toString('latin1')).toContain('charset=gb2312');
    expect(resaved.source.encoding).toBe('utf-8');
    expect(resaved.report.title).toBe('平潭综合实验区2017年度政府信息公开工作年度报告');
  });

  it('the declaration settles a short page that detection alone reads as Big5', () => {
    const page = '<meta charset="gb2312"><p>一、总体情况</p><p>本机关主动公开政府信息12条。</p>';
    const declared = decodePage(iconv.encode(page, 'gbk'));
    expect(declared).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(declared.ok && declared.text).toBe(page);
    // --encoding still wins over the page.
    expect(decodePage(iconv.encode(page, 'gbk'), 'utf-8')).toMatchObject({ ok: false, code: 'E_DECODE' });
  });
});

describe('the report among the chrome', () => {
  it('menus, breadcrumb, sidebar, tool bar, share bar, neighbours, footer and scripts blanked; the title and the catalogue fields kept', async () => {
    const source = iconv.decode(bytesOf(`${DOCS}/pingtan2024.cms-gbk.html`), 'gbk');
    const text = await readText(bytesOf(`${DOCS}/pingtan2024.cms-gbk.html`));
    for (const chrome of ['当前位置', '政务服务', '2023年度政府信息公开工作年度报告', '一、机构职能', '一、政府信息公开年报', '字体', '打印本页', '关闭窗口', '分享到', '上一篇', '下一篇', '网站标识码', '0591-87654321', '_hmt', 'doZoom', '.nav li']) {
      expect(source).toContain(chrome);
      expect(text).not.toContain(chrome);
    }
    expect(text).toContain('<title>平潭综合实验区2024年度政府信息公开工作年度报告_平潭综合实验区管委会</title>');
    expect(text).toContain('来源：平潭综合实验区管委会办公室');
    expect(text).toContain('时间：2025-03-10 15:35');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('<td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td><p>217</p></td>');
  });

  it('nothing moves: every line keeps its number, every kept character its column', async () => {
    for (const rel of [`${DOCS}/pingtan2024.cms-gbk.html`, `${DOCS}/sh2019.table-layout.html`, `${DOCS}/pingtan2017.resaved-utf8.html`]) {
      const bytes = bytesOf(rel);
      const decoded = decodePage(bytes);
      if (!decoded.ok) throw new Error(decoded.message);
      const source = decoded.text.split('\n');
      const read = (await readText(bytes)).split('\n');
      expect(read).toHaveLength(source.length);
      read.forEach((line, i) => {
        expect(line.length).toBe(source[i]!.length);
        // A character is kept, blanked, or a reference written out (its character, then spaces).
        for (let c = 0; c < line.length; c++) if (line[c] !== source[i]![c] && line[c] !== ' ') expect(source[i]!.slice(c, c + 2)).toMatch(/^&[#a-z]/i);
      });
    }
  });

  it('so the record names the source lines: the title and the requests table where the page has them', async () => {
    const page = await record(`${DOCS}/pingtan2024.cms-gbk.html`);
    const lines = iconv.decode(bytesOf(`${DOCS}/pingtan2024.cms-gbk.html`), 'gbk').split('\n');
    const received = page.provenance['requests.received.total']!;
    expect(received).toMatchObject({ line: 74, raw: '218' });
    expect(lines[73]).toContain('一、本年新收政府信息公开申请数量');
    expect(page.tables.map((t) => [t.line, t.kind, t.caption ?? null])).toEqual([
      [50, 'proactive', '第二十条第（一）项'],
      [54, 'proactive', '第二十条第（五）项'],
      [57, 'proactive', '第二十条第（六）项'],
      [61, 'proactive', '第二十条第（八）项'],
      [66, 'requests', null],
      [103, 'appeals', null],
    ]);
    // The same numbers as the page without chrome.
    expect(page.statistics).toEqual((await record(`${DOCS}/pingtan2024.html`)).statistics);
  });

  it("the site's address and telephone are not the report's; the agency is the report's", async () => {
    const page = await record(`${DOCS}/pingtan2024.cms-gbk.html`);
    expect(page.report).toMatchObject({ agency: '平潭综合实验区', year: 2024, layout: '2021' });
    expect(page.report.contact).toMatchObject({ phones: [], address: null, postcode: null });
    const table = await record(`${DOCS}/sh2019.table-layout.html`);
    expect(table.report).toMatchObject({ agency: '上海市人民政府办公厅', publishedOn: '2020-01-31', year: 2019 });
    expect(table.report.contact.phones).toEqual([]);
  });

  it('a page laid out in tables: the layout table is no statistics table', async () => {
    const bytes = bytesOf(`${DOCS}/sh2019.table-layout.html`);
    const asText = parseBuffer(bytes, { path: 'sh2019.table-layout.html' });
    if ('error' in asText) throw new Error(asText.error.code);
    // Read as text, the page's layout table swallows the report's tables.
    expect(asText.tables).toHaveLength(4);
    expect(asText.warnings.map((w) => w.code)).toContain('TABLE_NOT_OFFICIAL');
    const read = await record(`${DOCS}/sh2019.table-layout.html`);
    expect(read.tables.map((t) => t.kind)).toEqual(['proactive', 'proactive', 'proactive', 'proactive', 'proactive', 'requests', 'appeals']);
    expect(read.warnings).toEqual([]);
    expect(read.statistics).toEqual((await record(`${DOCS}/sh2019.html`)).statistics);
  });

  it('a page without the landmarks of a report is left as it is', async () => {
    const error = bytesOf('fixtures/bad/error-page.txt');
    expect(await readText(error)).toBe(error.toString('utf8'));
    expect(pageLayout(error.toString('utf8'))?.chrome).toBeNull();
  });

  it('CRLF line ends: the same lines blanked, the line ends recorded', async () => {
    const page = bytesOf(`${DOCS}/pingtan2024.cms-gbk.html`);
    const crlf = iconv.encode(iconv.decode(page, 'gbk').replace(/\n/g, '\r\n'), 'gbk');
    expect(await readText(crlf)).toBe(await readText(page));
    expect(await readHtml(crlf)).toMatchObject({ ok: true, lineEnding: 'crlf', encoding: 'gb18030' });
  });

  it('headings inside links and menus are not the report; a chrome element holding the report is kept', () => {
    const page = [
      '<html><body>',
      '<div class="menu"><p>一、机构职能</p><p>二、政策文件</p></div>',
      '<ul><li><a href="/a">三、规划计划</a></li></ul>',
      '<div class="content-main"><p>一、总体情况</p><p>二、主动公开</p></div>',
      '<div class="footer">主办：某某局 电话：0000-1234567</div>',
      '</body></html>',
    ].join('\n');
    const layout = pageLayout(page)!;
    const blanked = page.split('\n').map((line, i) => (layout.chrome!.some(([s, e]) => s <= offsetOf(page, i) && offsetOf(page, i) + line.length <= e) ? 'blank' : 'kept'));
    expect(blanked).toEqual(['blank', 'blank', 'blank', 'kept', 'blank', 'blank']);
  });
});

function offsetOf(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at;
}

describe('character references in the prose', () => {
  it('written out in place, padded to their length; markup, controls and table cells left alone', () => {
    const html = '<p>电&nbsp;&nbsp;话：0591-23162606 &ldquo;三安全&rdquo; &#20013;&#x6587; &lt;b&gt; &#0; &bogus;</p><table><tr><td>&nbsp;</td></tr></table>';
    const prose = pageLayout(html)!.prose;
    const out = writeOutEntities(html, prose);
    expect(out).toHaveLength(html.length);
    expect(out).toBe('<p>电\u00a0     \u00a0     话：0591-23162606 “      三安全”       中       文        &lt;b&gt; &#0; &bogus;</p><table><tr><td>&nbsp;</td></tr></table>');
  });

  it('so the contact the text path missed is read', async () => {
    const asText = parseBuffer(bytesOf(`${DOCS}/pingtan2017.html`));
    if ('error' in asText) throw new Error(asText.error.code);
    expect(asText.report.contact.phones).toEqual([]);
    const page = await record(`${DOCS}/pingtan2017.html`);
    expect(page.report.contact).toMatchObject({ phones: ['0591-23162606'], faxes: ['0591-23162143'], address: '平潭综合实验区北厝镇金井湾片区管委会大楼东附属楼7楼', postcode: '350400' });
  });
});
