// List numbers that Word generates (`w:numPr`): a heading typed as `总体情况` in a list whose level
// reads `%1、` in `chineseCounting` shows as `一、总体情况`, and the report's section tree relies
// on that marker. The numbers are not in the document text, so they are worked out here from
// word/numbering.xml (and word/styles.xml, where a heading style carries the list) the way Word
// counts them: a counter per list and level, a level's counter restarting when a higher level
// moves on, `%N` in the level's text replaced by level N's counter in level N's format.

import { walkXml, xmlText } from './docx-xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:isLgl`: every number in the level's text written as a decimal (1.1 under 第一章). */
  legal: boolean;
  /** `w:pStyle`: the paragraph style that puts a paragraph at this level. */
  style?: string;
}

interface Num {
  abstract: string;
  /** `w:lvlOverride/w:startOverride`: a list that restarts at a number of its own. */
  starts: Map<number, number>;
}

/** Numbering of a paragraph as its properties or its style give it. */
export interface NumRef {
  numId: string;
  ilvl: number;
}

/**
 * The longest chain of styles based on styles followed: Word's built-in styles are a few deep; a
 * loop or an endless chain stops here.
 */
const MAX_STYLE_CHAIN = 64;

/** The deepest list level Word has (levels 0–8). */
const LEVELS = 9;

export interface Numbering {
  /** The number to write before the paragraph, '' when it has none (a bullet, `none`, an unknown list). */
  label(ref: NumRef): string;
  /** The list a paragraph style carries, following `w:basedOn`. */
  styleNum(styleId: string): NumRef | null;
}

/** Levels of each abstract list and the lists (w:num) that use them. */
function readNumbering(xml: string): { abstracts: Map<string, Level[]>; nums: Map<string, Num> } {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, Num>();
  let levels: Level[] | null = null;
  let level: Level | null = null;
  let num: Num | null = null;
  let numId = '';
  let overrideLevel = -1;
  walkXml(xml, {
    open(tag) {
      const val = tag.attr('val');
      switch (tag.name) {
        case 'abstractNum':
          levels = [];
          abstracts.set(tag.attr('abstractNumId') ?? '', levels);
          break;
        case 'lvl':
          if (levels) {
            const ilvl = Number(tag.attr('ilvl') ?? 0);
            level = { start: 1, format: 'decimal', text: '', legal: false };
            if (ilvl >= 0 && ilvl < LEVELS) levels[ilvl] = level;
          } else overrideLevel = Number(tag.attr('ilvl') ?? 0); // a w:lvl inside w:lvlOverride
          break;
        case 'start':
          if (level && val !== undefined) level.start = Number(val) || 0;
          break;
        case 'numFmt':
          if (level && val !== undefined) level.format = val;
          break;
        case 'lvlText':
          if (level && val !== undefined) level.text = val;
          break;
        case 'isLgl':
          if (level) level.legal = val !== 'false' && val !== '0';
          break;
        case 'pStyle':
          if (level && val !== undefined) level.style = val;
          break;
        case 'num':
          numId = tag.attr('numId') ?? '';
          num = { abstract: '', starts: new Map() };
          nums.set(numId, num);
          break;
        case 'abstractNumId':
          if (num && val !== undefined) num.abstract = val;
          break;
        case 'lvlOverride':
          overrideLevel = Number(tag.attr('ilvl') ?? 0);
          break;
        case 'startOverride':
          if (num && val !== undefined) num.starts.set(overrideLevel, Number(val) || 0);
          break;
      }
    },
    close(name) {
      if (name === 'abstractNum') levels = null;
      else if (name === 'lvl') level = null;
      else if (name === 'num') num = null;
    },
    text() {},
  });
  return { abstracts, nums };
}

interface StyleDef {
  basedOn?: string;
  num?: { numId?: string; ilvl?: number };
}

/** Paragraph styles that carry a list (`w:pPr/w:numPr`), with what they are based on. */
function readStyles(xml: string): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  let style: StyleDef | null = null;
  let inPPr = false;
  let inNumPr = false;
  walkXml(xml, {
    open(tag) {
      if (tag.name === 'style') {
        style = {};
        styles.set(tag.attr('styleId') ?? '', style);
      } else if (!style) return;
      else if (tag.name === 'basedOn') style.basedOn = tag.attr('val');
      else if (tag.name === 'pPr') inPPr = true;
      else if (tag.name === 'numPr' && inPPr) {
        inNumPr = true;
        style.num = {};
      } else if (inNumPr && tag.name === 'numId') style.num!.numId = tag.attr('val');
      else if (inNumPr && tag.name === 'ilvl') style.num!.ilvl = Number(tag.attr('val') ?? 0);
    },
    close(name) {
      if (name === 'style') style = null;
      else if (name === 'pPr') inPPr = false;
      else if (name === 'numPr') inNumPr = false;
    },
    text() {},
  });
  return styles;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESIZED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULL_STOPPED = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

/** 1–99999 in Chinese numerals as Word counts: 十一, 二十, 一百零五; legal: 壹拾壹. */
function chinese(n: number, legal: boolean): string {
  if (n <= 0 || n >= 100000) return String(n);
  const digits = legal ? CN_LEGAL_DIGITS : CN_DIGITS;
  const units = legal ? ['', '拾', '佰', '仟', '万'] : ['', '十', '百', '千', '万'];
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零'; // 一百零五: a gap in counting is 零, also where digits are written 〇
    zero = false;
    // 十一, not 一十一, in everyday counting; the legal form writes 壹拾壹.
    out += !legal && d === 1 && unit === '十' && out === '' ? unit : digits[d]! + unit;
  });
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) (out += letters), (n -= value);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz.
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** From a table of symbols for 1, 2, …; beyond it, the decimal. */
const pick = (symbols: string, n: number): string => (n >= 1 && n <= symbols.length ? symbols[n - 1]! : String(n));

/** A counter in a level's `w:numFmt`; null for formats that write no number (bullet, none). */
export function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n, false);
    case 'chineseLegalSimplified':
      return chinese(n, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return pick(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return pick(EARTHLY_BRANCHES, n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return pick(CIRCLED, n);
    case 'decimalEnclosedParen':
      return pick(PARENTHESIZED, n);
    case 'decimalEnclosedFullstop':
      return pick(FULL_STOPPED, n);
    case 'bullet':
    case 'none':
      return null;
    default:
      return String(n);
  }
}

const NONE: Numbering = { label: () => '', styleNum: () => null };

/** The numbering of a document from its numbering and styles parts (either may be missing). */
export function numberingOf(numberingXml: Uint8Array | undefined, stylesXml: Uint8Array | undefined): Numbering {
  if (!numberingXml) return NONE;
  const { abstracts, nums } = readNumbering(xmlText(numberingXml));
  const styles = stylesXml ? readStyles(xmlText(stylesXml)) : new Map<string, StyleDef>();
  /**
   * Counters per list: lists that share an abstract list continue each other, as in Word, unless
   * a list restarts its numbers (`w:startOverride`), which then counts on its own.
   */
  const counters = new Map<string, number[]>();
  const carriers = new Map<string, string | null>();

  return {
    label({ numId, ilvl }) {
      const num = nums.get(numId);
      const levels = num && abstracts.get(num.abstract);
      const level = levels?.[ilvl];
      if (!num || !levels || !level) return '';
      const startOf = (l: number): number => num.starts.get(l) ?? levels[l]?.start ?? 1;
      const key = num.starts.size > 0 ? `num ${numId}` : `abstract ${num.abstract}`;
      let counts = counters.get(key);
      if (!counts) counters.set(key, (counts = []));
      counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
      counts.length = ilvl + 1; // a deeper level starts again under this number
      if (formatNumber(counts[ilvl]!, level.format) === null) return '';
      return level.text.replace(/%([1-9])/g, (_, d: string) => {
        const l = Number(d) - 1;
        const at = levels[l];
        if (!at) return '';
        return formatNumber(counts[l] ?? startOf(l), level.legal && l < ilvl ? 'decimal' : at.format) ?? '';
      });
    },
    styleNum(styleId) {
      const def = styles.get(carrierOf(styleId) ?? '')?.num;
      if (def?.numId === undefined) return null;
      return { numId: def.numId, ilvl: def.ilvl ?? levelOfStyle(styleId, def.numId) };
    },
  };

  /**
   * The style that gives `styleId` its list: itself or the nearest one it is based on. Each style
   * is looked at once, however many paragraphs ask and however long the chains of `w:basedOn`.
   */
  function carrierOf(styleId: string): string | null {
    const chain: string[] = [];
    let found: string | null = null;
    for (let id: string | undefined = styleId; id !== undefined; id = styles.get(id)?.basedOn) {
      if (carriers.has(id)) {
        found = carriers.get(id)!;
        break;
      }
      if (chain.includes(id) || chain.length > MAX_STYLE_CHAIN) break; // a loop, or a chain no document has
      chain.push(id);
      if (styles.get(id)?.num?.numId !== undefined) {
        found = id;
        break;
      }
    }
    for (const id of chain) carriers.set(id, found);
    return found;
  }

  /** A style's level in its list: the level that names the style (`w:pStyle`), else the first. */
  function levelOfStyle(styleId: string, numId: string): number {
    const levels = abstracts.get(nums.get(numId)?.abstract ?? '');
    const at = levels?.findIndex((l) => l?.style === styleId) ?? -1;
    return at >= 0 ? at : 0;
  }
}
