import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, type Decoded } from '../src/parse/decode.js';
import { parseFile } from '../src/file.js';
import { parseBuffer } from '../src/pipeline.js';
import { RecordSchema, type ReportRecord } from '../src/schema.js';
import { SEEDS, fixture, parseFixture } from './helpers.js';

function withoutSource(r: ReportRecord): Omit<ReportRecord, 'source'> {
  const { source: _source, ...rest } = r;
  return rest;
}

describe('a re-encoded seed gives the same record as the original but for source', () => {
  const cases: Array<[string, string, string, string]> = [
    ['fixtures/encodings/seed000.utf8-bom-crlf.txt', SEEDS.s000, 'utf-8-bom', 'crlf'],
    ['fixtures/encodings/seed001.gb18030.txt', SEEDS.s001, 'gb18030', 'lf'],
    ['fixtures/encodings/seed002.utf16le-bom.txt', SEEDS.s002, 'utf-16le', 'lf'],
    ['fixtures/encodings/seed003.utf16be.txt', SEEDS.s003, 'utf-16be', 'lf'],
    ['fixtures/encodings/seed004.gb18030-crlf.txt', SEEDS.s004, 'gb18030', 'crlf'],
    ['fixtures/encodings/huachuan2013.big5.txt', 'fixtures/encodings/huachuan2013.traditional-utf8.txt', 'big5', 'lf'],
  ];
  for (const [encoded, original, encoding, lineEnding] of cases) {
    it(`${encoded} → ${encoding}, ${lineEnding}`, async () => {
      const a = await parseFixture(encoded);
      const b = await parseFixture(original);
      expect(a.source.encoding).toBe(encoding);
      expect(a.source.lineEnding).toBe(lineEnding);
      expect(b.source.encoding).toBe('utf-8');
      expect(withoutSource(a)).toEqual(withoutSource(b));
    });
  }

  it('the Big5 file reads as the traditional-character report it is', async () => {
    const r = await parseFixture('fixtures/encodings/huachuan2013.big5.txt');
    expect(r.report.title).toBe('樺川縣衛生局2013年政府資訊公開工作年度報告');
    expect(r.report.agency).toBe('樺川縣衛生局');
    expect(r.report.publishedOn).toBe('2014-03-28');
    expect(r.sections.map((s) => s.marker)).toEqual(['', '一、', '二、', '三、']);
  });
});

describe('decode', () => {
  const seed001 = readFileSync(fixture(SEEDS.s001));

  it('reports the byte size and SHA-256 of the raw bytes', async () => {
    const r = await parseFixture('fixtures/encodings/seed001.gb18030.txt');
    expect(r.source.bytes).toBe(7230);
    expect(r.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const utf8 = await parseFixture(SEEDS.s001);
    expect(utf8.source.sha256).not.toBe(r.source.sha256);
  });

  it('honours --encoding when forced, and says E_DECODE when the bytes do not fit it', () => {
    const gb = readFileSync(fixture('fixtures/encodings/seed001.gb18030.txt'));
    const forced = decode(gb, 'gbk');
    expect(forced.ok && forced.encoding).toBe('gb18030');
    const wrong = decode(gb, 'utf-8');
    expect(wrong).toMatchObject({ ok: false, code: 'E_DECODE' });
  });

  it('survives a lying UTF-8 BOM in front of GB18030 bytes', () => {
    const gb = readFileSync(fixture('fixtures/encodings/seed001.gb18030.txt'));
    const d = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gb]));
    expect(d.ok && d.encoding).toBe('gb18030');
    expect(d.ok && d.text.startsWith('聊城市卫生健康委员会')).toBe(true);
  });

  it('decodes UTF-16 with an odd byte count without throwing', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('政府信息公开', 'utf16le'), Buffer.from([0x41])]);
    const d = decode(le);
    expect(d.ok && d.text.startsWith('政府信息公开')).toBe(true);
  });

  it('turns CR-only line ends into LF and reports them', () => {
    const d = decode(Buffer.from('一、概述\r正文。\r'));
    expect(d).toMatchObject({ ok: true, text: '一、概述\n正文。\n', lineEnding: 'cr' });
    expect(decode(Buffer.from('a\r\nb\nc'))).toMatchObject({ ok: true, lineEnding: 'mixed' });
  });

  it('calls PDFs, images and NUL-ridden files binary', () => {
    expect(decode(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({ ok: false, code: 'E_BINARY' });
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({ ok: false, code: 'E_BINARY' });
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
    expect(decode(noise)).toMatchObject({ ok: false });
  });

  it('keeps UTF-8 as UTF-8 (seed bytes are valid UTF-8)', () => {
    expect(decode(seed001)).toMatchObject({ ok: true, encoding: 'utf-8', lineEnding: 'lf' });
  });

  it('parseFile on a GB18030 file and its UTF-8 original agree on every heading line', async () => {
    const a = await parseFile(fixture('fixtures/encodings/seed004.gb18030-crlf.txt'));
    const b = await parseFile(fixture(SEEDS.s004));
    expect('sections' in a && a.sections.map((s) => s.line)).toEqual('sections' in b && b.sections.map((s) => s.line));
  });
});

// ---------------------------------------------------------------------------------------------
// Files that are not one clean encoding: UTF-8 cut inside characters, two downloads in two
// encodings joined, UTF-16 without a BOM that is mostly ASCII.

const bytesOf = (rel: string): Buffer => readFileSync(fixture(rel));
const W3M_UTF8 = 'fixtures/converters/sh2019.w3m.txt';
const MIXED = 'fixtures/encodings/sh2019.w3m.gb18030+utf8.txt';
const HTML2TEXT = 'fixtures/converters/sh2019.html2text.txt';
const FFFD = /\ufffd/g;

function ok(d: Decoded): Extract<Decoded, { ok: true }> {
  if (!d.ok) throw new Error(`${d.code}: ${d.message}`);
  return d;
}

describe('UTF-8 cut inside characters (html2text) is UTF-8 with U+FFFD and a warning, not GB18030', () => {
  const bytes = bytesOf(HTML2TEXT);

  it('decodes as UTF-8, each broken sequence one U+FFFD, and says how many and where', () => {
    const d = ok(decode(bytes));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.match(FFFD)).toHaveLength(50);
    expect(d.replaced).toEqual({ count: 50, firstLine: 35 });
    expect(d.warnings).toEqual([{ code: 'DECODE_REPLACED', message: expect.stringContaining('50 invalid byte sequences'), line: 35 }]);
    const lines = d.text.split('\n');
    expect(lines.findIndex((l) => l.includes('\ufffd'))).toBe(34);
    // The cut bytes are lost; everything else reads as the report wrote it.
    expect(lines[34]).toContain('上一年项目\ufffd|');
    expect(lines[0]).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  it('the record names the agency intact and carries source.replaced and the warning', async () => {
    const r = await parseFixture(HTML2TEXT);
    expect(r.source).toMatchObject({ encoding: 'utf-8', replaced: { count: 50, firstLine: 35 } });
    expect(r.report.agency).toBe('上海市人民政府办公厅');
    expect(r.report.year).toBe(2019);
    expect(r.report.publishedOn).toBe('2020-01-31');
    expect(r.warnings[0]).toMatchObject({ code: 'DECODE_REPLACED', line: 35 });
    expect(RecordSchema.safeParse(r).success).toBe(true);
  });
});

describe('real legacy files stay legacy, with no warning', () => {
  it.each([
    ['fixtures/encodings/seed001.gb18030.txt', 'gb18030'],
    ['fixtures/encodings/seed004.gb18030-crlf.txt', 'gb18030'],
    ['fixtures/encodings/huachuan2013.big5.txt', 'big5'],
  ])('%s → %s', (rel, encoding) => {
    const d = ok(decode(bytesOf(rel)));
    expect(d.encoding).toBe(encoding);
    expect(d.warnings).toEqual([]);
    expect(d.replaced).toBeUndefined();
    expect(d.text).not.toContain('\ufffd');
  });

  it('the report of the joined files below, whole in GB18030, reads exactly as in UTF-8', () => {
    const text = bytesOf(W3M_UTF8).toString('utf8');
    expect(ok(decode(iconv.encode(text, 'gb18030')))).toMatchObject({ encoding: 'gb18030', text, warnings: [] });
  });

  it('a stray byte in GB18030 is one U+FFFD, counted and warned about', () => {
    const lines = bytesOf('fixtures/encodings/seed001.gb18030.txt').toString('latin1').split('\n');
    lines[9] = '\xff' + lines[9];
    const d = ok(decode(Buffer.from(lines.join('\n'), 'latin1')));
    expect(d.encoding).toBe('gb18030');
    expect(d.text.split('\n')[9]!.startsWith('\ufffd')).toBe(true);
    expect(d.replaced).toEqual({ count: 1, firstLine: 10 });
    expect(d.warnings).toEqual([{ code: 'DECODE_REPLACED', message: expect.stringContaining('gb18030'), line: 10 }]);
  });
});

describe('two downloads in two encodings joined: each stretch decoded with its own, and a warning', () => {
  const text = bytesOf(W3M_UTF8).toString('utf8');
  /** The first `chars` characters of the report in one encoding (as iconv writes it), the rest in the other. */
  const joined = (chars: number, first: 'gb' | 'utf8'): Buffer =>
    Buffer.concat([iconv.encode(text.slice(0, chars), first === 'gb' ? 'gb18030' : 'utf8'), iconv.encode(text.slice(chars), first === 'gb' ? 'utf8' : 'gb18030')]);
  const lineStart = (line: number): number => text.split('\n').slice(0, line - 1).join('\n').length + 1;
  /** How the warning names text[from, to) of a file joined at `at`: its lines and bytes without the white space at its ends. */
  const named = (from: number, to: number, at: number, first: 'gb' | 'utf8'): string => {
    while (/\s/.test(text[from]!)) from++;
    while (/\s/.test(text[to - 1]!)) to--;
    const [a, b] = first === 'gb' ? ['gb18030', 'utf8'] : ['utf8', 'gb18030'];
    const byteAt = (i: number): number =>
      i <= at ? iconv.encode(text.slice(0, i), a).length : iconv.encode(text.slice(0, at), a).length + iconv.encode(text.slice(at, i), b).length;
    const lineOf = (i: number): number => text.slice(0, i).split('\n').length;
    return `lines ${lineOf(from)}–${lineOf(to - 1)} (bytes ${byteAt(from)}–${byteAt(to) - 1})`;
  };


  it('the fixture is the report in GB18030 up to the middle of line 217 and in UTF-8 from there', () => {
    expect(bytesOf(MIXED).equals(joined(lineStart(217) + text.split('\n')[216]!.indexOf('部事务信息'), 'gb'))).toBe(true);
  });

  it('the fixture reads exactly as the report, and the record says which lines were UTF-8', async () => {
    const d = ok(decode(bytesOf(MIXED)));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('gb18030');
    const at = lineStart(217) + text.split('\n')[216]!.indexOf('部事务信息');
    // The UTF-8 stretch starts at the very byte where the downloads meet, inside a run of the line.
    expect(d.warnings).toEqual([{ code: 'DECODE_MIXED', message: expect.stringContaining(`${named(at, text.length, at, 'gb')} are decoded as utf-8`), line: 217 }]);
    const mixed = await parseFixture(MIXED);
    const original = await parseFixture(W3M_UTF8);
    expect(mixed.warnings).toEqual([d.warnings[0], ...original.warnings]);
    expect({ ...withoutSource(mixed), warnings: [] }).toEqual({ ...withoutSource(original), warnings: [] });
  });

  it.each([
    ['at a line break, GB18030 first', 100, 'gb' as const],
    ['at a line break, UTF-8 first', 100, 'utf8' as const],
    ['at a line break, UTF-8 first, near the end', 280, 'utf8' as const],
  ])('%s', (_, line, first) => {
    const at = lineStart(line);
    const bytes = joined(at, first);
    const d = ok(decode(bytes));
    expect(d.text).toBe(text);
    // The warning names the part with fewer bytes; the record's encoding is the other's.
    const headBytes = iconv.encode(text.slice(0, at), first === 'gb' ? 'gb18030' : 'utf8').length;
    const headIsMinor = headBytes < bytes.length - headBytes;
    const [head, tail] = first === 'gb' ? ['gb18030', 'utf-8'] : ['utf-8', 'gb18030'];
    expect(d.encoding).toBe(headIsMinor ? tail : head);
    const part = headIsMinor ? `${named(0, at, at, first)} are decoded as ${head}` : `${named(at, text.length, at, first)} are decoded as ${tail}`;
    expect(d.warnings).toEqual([{ code: 'DECODE_MIXED', message: expect.stringContaining(part), line: Number(/lines (\d+)/.exec(part)![1]) }]);
  });

  it('inside a table label, UTF-8 first: the label reads whole', () => {
    const at = lineStart(217) + text.split('\n')[216]!.indexOf('部事务信息');
    const d = ok(decode(joined(at, 'utf8')));
    expect(d.text).toBe(text);
    expect(d.text.split('\n')[216]).toContain('5.属于三类内部事务信息');
    expect(d.warnings).toEqual([{ code: 'DECODE_MIXED', message: expect.stringContaining('lines 217–292'), line: 217 }]);
  });

  it('behind a UTF-8 BOM, the bytes named are still those of the file', () => {
    const plain = ok(decode(bytesOf(MIXED)));
    const bom = ok(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(MIXED)])));
    expect(bom.text).toBe(text);
    const [, from, to] = /bytes (\d+)–(\d+)/.exec(plain.warnings[0]!.message)!.map(Number);
    // The mark stands in front of the GB18030 part, which is most of the file: it lied, and is named.
    expect(bom.warnings).toEqual([
      { code: 'DECODE_BOM', line: 1, message: expect.stringContaining('but is gb18030') },
      { code: 'DECODE_MIXED', line: plain.warnings[0]!.line, message: expect.stringContaining(`bytes ${from! + 3}–${to! + 3}`) },
    ]);
  });

  it('Big5 and UTF-8 joined: both halves of the traditional-character report read right', () => {
    const big5 = bytesOf('fixtures/encodings/huachuan2013.big5.txt');
    const trad = bytesOf('fixtures/encodings/huachuan2013.traditional-utf8.txt');
    const d = ok(decode(Buffer.concat([big5, trad])));
    expect(d.text).toBe(trad.toString('utf8').repeat(2));
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toMatchObject([{ code: 'DECODE_MIXED', line: 1, message: expect.stringContaining('are decoded as big5') }]);
  });

  it('property: joined at any character, the text is right but for at most a few characters at the junction, and always warned about', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), fc.constantFrom('gb' as const, 'utf8' as const), (at, first) => {
        const d = ok(decode(joined(at, first)));
        const mixed = d.warnings.filter((w) => w.code === 'DECODE_MIXED');
        // A part of nothing but ASCII (blank lines, box-drawing-free digits) is the same in both.
        const both = /[^\x00-\x7f]/.test(text.slice(0, at)) && /[^\x00-\x7f]/.test(text.slice(at));
        expect(mixed.length).toBe(both ? 1 : 0);
        let i = 0;
        while (i < text.length && d.text[i] === text[i]) i++;
        let j = 0;
        while (j < text.length - i && d.text[d.text.length - 1 - j] === text[text.length - 1 - j]) j++;
        expect(Math.max(text.length, d.text.length) - i - j).toBeLessThanOrEqual(4);
        if (i < text.length) expect(Math.abs(i - at)).toBeLessThanOrEqual(4);
      }),
      { seed: 20261201, numRuns: 120 },
    );
  });
});

describe('UTF-16 without a BOM that is mostly ASCII is UTF-16, not binary', () => {
  const page = bytesOf('fixtures/bad/error-page.txt').toString('utf8');

  it.each(['utf16le', 'utf16be'] as const)('an error page in %s: the record of the page, not E_BINARY', (enc) => {
    const bytes = iconv.encode(page, enc);
    const d = ok(decode(bytes));
    expect(d.encoding).toBe(enc === 'utf16le' ? 'utf-16le' : 'utf-16be');
    expect(d.text).toBe(page);
    const record = parseBuffer(bytes);
    const original = parseBuffer(Buffer.from(page));
    expect('error' in record).toBe(false);
    expect(withoutSource(record as ReportRecord)).toEqual(withoutSource(original as ReportRecord));
    expect((record as ReportRecord).warnings.map((w) => w.code)).toEqual(['NOT_A_REPORT']);
  });

  it('whitespace in UTF-16 without a BOM is E_EMPTY', () => {
    const blank = bytesOf('fixtures/bad/whitespace-only.txt').toString('utf8');
    for (const enc of ['utf16le', 'utf16be'] as const) {
      expect(parseBuffer(iconv.encode(blank, enc))).toMatchObject({ error: { code: 'E_EMPTY' }, source: { encoding: enc === 'utf16le' ? 'utf-16le' : 'utf-16be' } });
    }
  });

  it('the lines of a real report whose UTF-16 is also valid UTF-8 (ASCII, spaces, 一 年 政 …) decode as UTF-16, odd length too', () => {
    const lines = bytesOf('fixtures/corpus/huaian2024.pdftotext-layout.txt')
      .toString('utf8')
      .split('\n')
      .filter((l) => [...l].every((c) => c.charCodeAt(0) < 0x80 || ((c.charCodeAt(0) & 0x80) === 0 && c.charCodeAt(0) >> 8 < 0x80)));
    const excerpt = lines.join('\n');
    expect(excerpt.length).toBeGreaterThan(500);
    expect(excerpt).toMatch(/[\u3400-\u9fff]/);
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const bytes = iconv.encode(excerpt, enc);
      // The trap: every one of these files is valid UTF-8 (NULs and all).
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toHaveLength(bytes.length);
      expect(ok(decode(bytes))).toMatchObject({ encoding: enc === 'utf16le' ? 'utf-16le' : 'utf-16be', text: excerpt });
      expect(ok(decode(Buffer.concat([bytes, Buffer.from([0x20])]))).text).toBe(excerpt);
    }
  });
});

describe('decode warnings reach the record', () => {
  it('first among the warnings, and source.replaced validates', () => {
    const lines = bytesOf('fixtures/encodings/seed001.gb18030.txt').toString('latin1').split('\n');
    lines[4] = lines[4] + '\xff';
    const r = parseBuffer(Buffer.from(lines.join('\n'), 'latin1'));
    expect(RecordSchema.safeParse(r).success).toBe(true);
    expect(r.source.replaced).toEqual({ count: 1, firstLine: 5 });
    expect('warnings' in r && r.warnings[0]).toMatchObject({ code: 'DECODE_REPLACED', line: 5 });
  });

  it('a clean file has no source.replaced at all', () => {
    expect('replaced' in parseBuffer(bytesOf(W3M_UTF8)).source).toBe(false);
  });
});

describe('a file encoded twice (UTF-8 of a Latin-1 or Windows-1252 reading) is decoded from the bytes it was made of', () => {
  const cases: Array<[string, string]> = [
    ['fixtures/encodings/seed002.doubled-latin1.txt', SEEDS.s002],
    ['fixtures/encodings/seed001.doubled-cp1252.txt', SEEDS.s001],
  ];
  for (const [doubled, original] of cases) {
    it(`${doubled} reads exactly as ${original}, with a warning`, async () => {
      const bytes = bytesOf(doubled);
      // The file as it is: valid UTF-8 of Western letters, no ideograph in it.
      expect(bytes.toString('utf8')).not.toMatch(/[\u4e00-\u9fff]/);
      const d = decode(bytes);
      expect(d.ok && d.text).toBe(readFileSync(fixture(original), 'utf8'));
      expect(d.ok && d.encoding).toBe('utf-8');
      expect(d.ok && d.warnings.map((w) => w.code)).toEqual(['DECODE_DOUBLED']);
      const a = await parseFixture(doubled);
      const b = await parseFixture(original);
      const { warnings: wa, ...restA } = withoutSource(a);
      const { warnings: wb, ...restB } = withoutSource(b);
      expect(restA).toEqual(restB);
      expect(wa).toEqual([{ code: 'DECODE_DOUBLED', message: expect.stringContaining('read as Latin-1 or Windows-1252'), line: 1 }, ...wb]);
    });
  }

  it('html2text -width 200 wrote pingtan2024 so, and cut some sequences: the numbers read, the broken places are U+FFFD', async () => {
    const r = await parseFixture('fixtures/encodings/pingtan2024.html2text-w200.txt');
    expect(r.report.year).toBe(2024);
    expect(r.report.agency).toBe('平潭综合实验区');
    expect(r.report.layout).toBe('2021');
    expect(r.warnings.slice(0, 2).map((w) => w.code)).toEqual(['DECODE_DOUBLED', 'DECODE_REPLACED']);
    expect(r.warnings[0]!.message).toContain('33 characters that no single byte gives were lost');
    expect(r.statistics.requests?.received).toEqual({ naturalPerson: 217, commercial: 1, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 218 });
    expect(r.statistics.appeals?.review).toEqual({ upheld: 2, corrected: 1, other: 3, pending: 1, total: 7 });
    expect(r.statistics.proactive?.published).toBe(10407);
    // html2text cut the labels of 第二十条 to two characters and a broken one (`行政处��`): too short
    // to name a row (forms/match.ts MIN_PREFIX), so those rows are left out with a warning.
    expect(r.statistics.proactive?.licensing).toBeUndefined();
    expect(r.warnings).toContainEqual({ code: 'TABLE_ROW_UNMATCHED', message: expect.stringContaining('row "行政规��"'), line: 16 });
  });

  it('leaves alone Western text, and Chinese text with a few Latin-1 letters', () => {
    const french = Buffer.from('Rapport annuel: résumé des données publiées, élaborées et vérifiées à la préfecture. '.repeat(10), 'utf8');
    const plain = decode(french);
    expect(plain.ok && plain.text).toBe(french.toString('utf8'));
    expect(plain.ok && plain.warnings).toEqual([]);
    const mixed = Buffer.from(`${readFileSync(fixture(SEEDS.s002), 'utf8')}\nÀ la carte: é è ê ë à â ä ô ö û ü ç ÿ æ œ ñ ß ø å é è ê ë à â ä ô ö û ü ç ÿ æ œ ñ ß ø å é è ê ë à â ä ô ö\n`, 'utf8');
    const d = decode(mixed);
    expect(d.ok && d.text).toBe(mixed.toString('utf8'));
    expect(d.ok && d.warnings).toEqual([]);
  });
});

// Issue 25, items 6–8: what a fault campaign found decoding trusted or refused without a word.
describe('every byte-order mark gets the plausibility check a lying UTF-8 BOM gets', () => {
  const seed004 = readFileSync(fixture(SEEDS.s004));
  const original = (): Promise<ReportRecord> => parseFixture(SEEDS.s004);
  const withoutDecoding = (r: ReportRecord): Omit<ReportRecord, 'source' | 'warnings'> => {
    const { source: _s, warnings: _w, ...rest } = r;
    return rest;
  };

  it('FF FE in front of a UTF-8 report (fixtures/bad/lying-utf16-bom.txt): UTF-8, with DECODE_BOM on line 1', async () => {
    const r = await parseFixture('fixtures/bad/lying-utf16-bom.txt');
    expect(r.source.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([{ code: 'DECODE_BOM', message: 'the file begins with a UTF-16LE byte-order mark but is utf-8: it was decoded as utf-8', line: 1 }]);
    expect(withoutDecoding(r)).toEqual(withoutDecoding(await original()));
    expect(r.report.title).toBe('桦川县卫生局2013年政府信息公开工作年度报告');
  });

  it('FE FF in front of GB18030, and the lying UTF-8 BOM of fixtures/bad: the encoding they are, each with its warning', async () => {
    const gb = bytesOf('fixtures/encodings/seed001.gb18030.txt');
    const be = ok(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), gb])));
    expect(be.encoding).toBe('gb18030');
    expect(be.text.startsWith('聊城市卫生健康委员会')).toBe(true);
    expect(be.warnings.map((w) => [w.code, w.line])).toEqual([['DECODE_BOM', 1]]);
    const lying = await parseFixture('fixtures/bad/lying-bom.txt');
    expect(lying.source.encoding).toBe('gb18030');
    expect(lying.warnings.map((w) => [w.code, w.line])).toEqual([['DECODE_BOM', 1]]);
  });

  it('a true mark is trusted without a warning: UTF-16LE and UTF-16BE reports, and UTF-16 text of no Chinese at all', () => {
    const le = ok(decode(bytesOf('fixtures/encodings/seed002.utf16le-bom.txt')));
    expect([le.encoding, le.warnings]).toEqual(['utf-16le', []]);
    const text = seed004.toString('utf8');
    const be = ok(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])));
    expect([be.encoding, be.warnings, be.text]).toEqual(['utf-16be', [], text]);
    const english = 'Annual report on government information disclosure, 2019.\n'.repeat(5);
    const plain = ok(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(english, 'utf16le')])));
    expect([plain.encoding, plain.warnings, plain.text]).toEqual(['utf-16le', [], english]);
  });
});

describe('lone surrogates (broken UTF-16) become U+FFFD and are recorded like any other repair', () => {
  it('fixtures/bad/lone-surrogates.txt: a lone high and a lone low half, counted with the line of the first', async () => {
    const r = await parseFixture('fixtures/bad/lone-surrogates.txt');
    expect(r.source.replaced).toEqual({ count: 2, firstLine: 3 });
    expect(r.warnings[0]).toEqual({ code: 'DECODE_REPLACED', message: '2 lone surrogates (halves of UTF-16 pairs) replaced with U+FFFD, the first on line 3', line: 3 });
    expect(r.sections[0]!.text).toContain('主要内容包括基本\ufffd情况、主动\ufffd公开政府信息情况');
    // Nothing a strict JSON reader (jq 1.6) stops at: no escaped surrogate is left in the record.
    expect(JSON.stringify(r)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  });

  it('a pair stays whole, and a lone half at the very end is one U+FFFD', () => {
    const text = '政府信息\ud83d\udca9公开\n';
    const d = ok(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}结尾\ud800`, 'utf16le')])));
    expect(d.text).toBe(`${text}结尾\ufffd`);
    expect(d.replaced).toEqual({ count: 1, firstLine: 2 });
  });
});

describe('a few stray NULs in an otherwise plausible text are dropped with a warning, not E_BINARY', () => {
  it('fixtures/bad/stray-nul.txt: one NUL in a sentence and one at the end, the record as without them', async () => {
    const r = await parseFixture('fixtures/bad/stray-nul.txt');
    const clean = await parseFixture(SEEDS.s004);
    expect(r.warnings).toEqual([{ code: 'DECODE_NUL', message: '2 stray NUL characters were dropped, the first on line 3', line: 3 }]);
    expect(r.sections).toEqual(clean.sections);
    expect(r.statistics).toEqual(clean.statistics);
    expect(r.provenance).toEqual(clean.provenance);
  });

  it('in GB18030 and in UTF-16 too; a byte made NUL inside a UTF-8 character also breaks the character', () => {
    const gb = bytesOf('fixtures/encodings/seed001.gb18030.txt');
    const at = gb.indexOf(0x0a, 300) + 1; // the start of a line, between characters
    const d = ok(decode(Buffer.concat([gb.subarray(0, at), Buffer.from([0]), gb.subarray(at)])));
    expect([d.encoding, d.warnings.map((w) => w.code)]).toEqual(['gb18030', ['DECODE_NUL']]);
    expect(d.text).toBe(ok(decode(gb)).text);
    const u16 = ok(decode(Buffer.from('\ufeff第一行\n第二\0行\n', 'utf16le')));
    expect([u16.encoding, u16.text, u16.warnings[0]?.line]).toEqual(['utf-16le', '第一行\n第二行\n', 2]);
    const utf8 = Buffer.from(readFileSync(fixture(SEEDS.s004)));
    const inside = utf8.indexOf(Buffer.from('基本情况')) + 1; // the second byte of 基
    utf8[inside] = 0;
    const broken = ok(decode(utf8));
    expect(broken.warnings.map((w) => w.code)).toEqual(['DECODE_REPLACED', 'DECODE_NUL']);
    // E5 00 BA: the lead byte and the stray continuation byte are each one U+FFFD (WHATWG), the NUL is dropped.
    expect(broken.replaced?.count).toBe(2);
    expect(broken.text).toContain('主要内容包括\ufffd\ufffd本情况');
  });

  it('more than one NUL per thousand characters is still E_BINARY, as is fixtures/bad/nul-bytes.txt', () => {
    const text = '一、概述\n'.repeat(100); // 500 characters: one NUL allowed
    expect(decode(Buffer.from(`${text}\0`))).toMatchObject({ ok: true });
    expect(decode(Buffer.from(`\0${text}\0`))).toMatchObject({ ok: false, code: 'E_BINARY' });
    expect(decode(bytesOf('fixtures/bad/nul-bytes.txt'))).toMatchObject({ ok: false, code: 'E_BINARY' });
  });
});
