// The DOCX reader (issue 22): paragraphs as lines, tables as HTML rows with Word's merges as spans,
// Word's list numbers written out, and a record with its code for every document it cannot read.
// Real documents come from fixtures/documents (pandoc, LibreOffice, the corpus's template); the
// cases no converter makes on demand (merges of every kind, a broken part, a ZIP bomb, a scan) are
// built here as the few XML parts a DOCX needs.

import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/parse/documents/docx.js';
import { formatNumber } from '../src/parse/documents/docx-numbering.js';
import { readLegacyOffice, compoundFileNames } from '../src/parse/documents/legacy.js';
import { parseDocument } from '../src/pipeline.js';
import { fixture } from './helpers.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, props = ''): string => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = ''): string => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(text)}</w:tc>`;

function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

async function textOf(bytes: Uint8Array): Promise<string[]> {
  const read = await readDocx(bytes);
  if (!read.ok) throw new Error(`${read.code} ${read.message}`);
  return read.text.split('\n');
}

describe('paragraphs and tables', () => {
  it('each paragraph one line, run pieces joined, breaks and tabs as spaces, deleted text and field codes left out', async () => {
    const body = [
      p('某某局2024年政府信息公开工作年度报告'),
      '<w:p><w:r><w:t>主动公开</w:t></w:r><w:r><w:t>政府信息</w:t></w:r><w:r><w:tab/><w:t>12</w:t></w:r><w:r><w:br/><w:t>条</w:t></w:r></w:p>',
      '<w:p><w:del><w:r><w:delText>旧的文字</w:delText></w:r></w:del><w:ins><w:r><w:t>新的文字</w:t></w:r></w:ins></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p/>',
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:t>选中</w:t></mc:Choice><mc:Fallback><w:t>后备</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ].join('');
    expect(await textOf(docx(body))).toEqual(['某某局2024年政府信息公开工作年度报告', '主动公开政府信息 12 条', '新的文字', '3', '', '选中']);
  });

  it('gridSpan, vMerge and gridBefore as colspan and rowspan, one <tr> a line, the table tags on its first and last row', async () => {
    const tbl = [
      '<w:tbl>',
      `<w:tr>${tc('（本列数据的勾稽关系）', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc('申请人情况', '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${tc('', '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc('自然人')}${tc('总计')}</w:tr>`,
      `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开')}${tc('5')}${tc('5')}</w:tr>`,
      `<w:tr>${tc('', '<w:vMerge w:val="continue"/>')}${tc('（二）部分公开')}${tc('1')}${tc('1')}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('7')}${tc('7')}</w:tr>`,
      '</w:tbl>',
    ].join('');
    expect(await textOf(docx(p('三、收到和处理政府信息公开申请情况') + tbl + p('四、结转')))).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '<table><tr><td colspan="2" rowspan="2">（本列数据的勾稽关系）</td><td colspan="2">申请人情况</td></tr>',
      '<tr><td>自然人</td><td>总计</td></tr>',
      '<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td>5</td></tr>',
      '<tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>',
      '<tr><td>7</td><td>7</td></tr></table>',
      '四、结转',
    ]);
  });

  it('a cell of several paragraphs keeps them apart; markup in a cell is escaped; a nested table joins its cell', async () => {
    const nested = `<w:tbl><w:tr>${tc('甲')}${tc('乙')}</w:tr></w:tbl>`;
    const tbl = `<w:tbl><w:tr><w:tc>${p('本年新')}${p('制作数量')}</w:tc><w:tc>${p('a&lt;b&gt;&amp;')}</w:tc><w:tc>${p('外')}${nested}</w:tc></w:tr></w:tbl>`;
    expect(await textOf(docx(tbl))).toEqual(['<table><tr><td>本年新<br>制作数量</td><td>a&lt;b&gt;&amp;</td><td>外<br>甲<br>乙</td></tr></table>']);
  });

  it('the template: its requests table read as Word draws it, spans and all', async () => {
    const lines = await textOf(readFileSync(fixture('fixtures/documents/template2021.docx')));
    expect(lines[3]).toBe('一、总体情况');
    expect(lines[9]).toBe('<table><tr><td colspan="4">第二十条第（一）项</td></tr>');
    expect(lines[35]).toBe('<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>');
    expect(lines[36]).toBe('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>');
    expect(lines[40]).toMatch(/^<tr><td rowspan="22">三、本年度办理结果<\/td><td colspan="2">（一）予以公开<\/td>(<td><\/td>){7}<\/tr>$/);
  });
});

describe('list numbers Word generates', () => {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  </w:numbering>`;
  const styles = `<w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
  </w:styles>`;
  const num = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it('written before the paragraph, counted per level, a deeper level restarting under each higher one', async () => {
    const body = [
      p('总体情况', num(1)),
      p('主动公开方面', num(1, 1)),
      p('依申请公开方面', num(1, 1)),
      p('规章', num(1, 2)),
      p('主动公开政府信息情况', '<w:pStyle w:val="Heading1"/>'), // the list comes with the style
      p('组织领导', num(1, 1)),
      p('会议', num(2)), // a bullet writes nothing
      p('收到和处理政府信息公开申请情况', '<w:pStyle w:val="MyHeading"/>'), // … or with a style it is based on
      p('不编号', `<w:pStyle w:val="Heading1"/>${num(0)}`), // numId 0 takes the style's list away
      p('另一个列表', num(3)),
    ].join('');
    expect(await textOf(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }))).toEqual([
      '一、总体情况',
      '（一）主动公开方面',
      '（二）依申请公开方面',
      '1.规章',
      '二、主动公开政府信息情况',
      '（一）组织领导',
      '会议',
      '三、收到和处理政府信息公开申请情况',
      '不编号',
      '五、另一个列表',
    ]);
  });

  it('a LibreOffice document whose headings are list items: the same sections as the typed ones', async () => {
    const numbered = await parseDocument(readFileSync(fixture('fixtures/documents/pingtan2024.numbered.docx')));
    const typed = await parseDocument(readFileSync(fixture('fixtures/documents/pingtan2024.libreoffice.docx')));
    if ('error' in numbered || 'error' in typed) throw new Error('no record');
    const tree = (r: typeof numbered): unknown => r.sections.map((s) => [s.marker, s.title, s.line, s.children.map((c) => c.marker)]);
    expect(tree(numbered)).toEqual(tree(typed));
    expect(numbered.sections[1]).toMatchObject({ marker: '一、', title: '总体情况', line: 4 });
    expect(numbered.sections[1]!.children.map((c) => c.marker)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(numbered.statistics).toEqual(typed.statistics);
  });

  it('the number formats of Chinese reports', () => {
    const cases: Array<[number, string, string]> = [
      [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [11, 'chineseCounting', '十一'], [20, 'chineseCounting', '二十'],
      [21, 'chineseCountingThousand', '二十一'], [105, 'chineseCountingThousand', '一百零五'], [110, 'taiwaneseCountingThousand', '一百一十'],
      [1010, 'chineseCountingThousand', '一千零一十'], [11, 'chineseLegalSimplified', '壹拾壹'], [3, 'ideographTraditional', '丙'],
      [12, 'ideographDigital', '一二'], [3, 'decimalEnclosedCircle', '③'], [21, 'decimalEnclosedCircle', '21'], [4, 'decimalEnclosedParen', '⑷'],
      [4, 'upperRoman', 'IV'], [28, 'lowerLetter', 'bb'], [7, 'decimalZero', '07'], [5, 'decimalFullWidth', '５'],
    ];
    expect(cases.map(([n, f]) => [n, f, formatNumber(n, f)])).toEqual(cases);
    expect(formatNumber(1, 'bullet')).toBeNull();
    expect(formatNumber(1, 'none')).toBeNull();
  });
});

describe('documents it cannot read give their record', () => {
  it('a ZIP that is no Word document says what it is', async () => {
    const reports = await readDocx(readFileSync(fixture('fixtures/documents/reports.zip')));
    expect(reports).toMatchObject({ ok: false, format: 'zip', code: 'E_NOT_DOCX' });
    expect(!reports.ok && reports.message).toContain('a ZIP archive of 2 file(s) (reports/sh2019.html, reports/pingtan2024.html)');
    const odt = await readDocx(readFileSync(fixture('fixtures/documents/template2021.odt')));
    expect(odt).toMatchObject({ ok: false, format: 'zip', code: 'E_NOT_DOCX' });
    expect(!odt.ok && odt.message).toContain('libreoffice --headless --convert-to docx');
    expect(await readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toMatchObject({ ok: false, code: 'E_NOT_DOCX' });
    expect(await readDocx(zipSync({}))).toMatchObject({ ok: false, code: 'E_NOT_DOCX', message: expect.stringContaining('an empty ZIP archive') });
  });

  it('a truncated DOCX and a document part that is not XML are E_CORRUPT', async () => {
    const whole = readFileSync(fixture('fixtures/documents/sh2019.pandoc.docx'));
    expect(await readDocx(whole.subarray(0, Math.floor(whole.length / 2)))).toMatchObject({ ok: false, code: 'E_CORRUPT', format: 'zip' });
    const broken = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>断</w:t></w:p></w:body>`) });
    const read = await readDocx(broken);
    expect(read).toMatchObject({ ok: false, code: 'E_CORRUPT', format: 'docx' });
    expect(!read.ok && read.message).toMatch(/^word\/document\.xml is not well-formed XML/);
  });

  it('a document of pictures alone is E_NO_TEXT, saying it may be a scan', async () => {
    const scan = docx('<w:p><w:r><w:drawing/></w:r></w:p><w:p><w:r><w:drawing/></w:r></w:p><w:p/>');
    expect(await readDocx(scan)).toMatchObject({ ok: false, code: 'E_NO_TEXT', message: expect.stringContaining('only 2 picture(s)') });
  });

  it('a ZIP bomb is refused before it is unpacked', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(33 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await readDocx(bomb)).toMatchObject({ ok: false, code: 'E_TOO_LARGE', message: expect.stringContaining(`word/document.xml unpacks to ${33 * 1024 * 1024} bytes`) });
  });

  it('a legacy Word file names the converter; the compound file is read for what it holds', async () => {
    const doc = readFileSync(fixture('fixtures/documents/template2021.legacy.doc'));
    expect(compoundFileNames(doc)).toEqual(expect.arrayContaining(['Root Entry', 'WordDocument', '1Table']));
    const read = await readLegacyOffice(doc);
    expect(read).toMatchObject({ ok: false, format: 'ole2', code: 'E_LEGACY_OFFICE' });
    expect(!read.ok && read.message).toContain('convert it to DOCX first (libreoffice --headless --convert-to docx FILE)');
    const record = await parseDocument(doc, { path: 'x.wps' });
    expect(record).toMatchObject({ source: { format: 'ole2', reader: null }, error: { code: 'E_LEGACY_OFFICE' } });
  });

  it('an OLE2 file too short to hold a directory is still a legacy Office file', async () => {
    const header = new Uint8Array(100);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await parseDocument(header)).toMatchObject({ source: { format: 'ole2' }, error: { code: 'E_LEGACY_OFFICE' } });
  });
});
