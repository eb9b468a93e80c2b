import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, type Decoded } from '../src/parse/decode.js';
import { parseFile } from '../src/file.js';
import { parseBuffer } from '../src/pipeline.js';
import type { ReportRecord } from '../src/schema.js';
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

const bytesOf = (rel: string): Buffer => readFileSync(fixture(rel));

function ok(d: Decoded): Extract<Decoded, { ok: true }> {
  if (!d.ok) throw new Error(`${d.code}: ${d.message}`);
  return d;
}

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
