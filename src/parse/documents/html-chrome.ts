// A saved page holds the report among the site's chrome: menus, breadcrumbs, a 字体 大 中 小 bar,
// 打印 and 关闭 links, share buttons, footers with the site's address. This finds the report in the
// page and says which stretches of the source are chrome, so that the reader can blank them and
// every line of what stays is still the line of the source file.
//
// The report is the part of the page that holds its numbered headings (一、 二、 …) and its tables:
// the smallest element holding them all. Headings inside links, menus and forms do not count (a
// sidebar's 一、机构职能 is a link). Outside that element only the page's title and its
// catalogue fields (发布机构, 来源, 发布时间 …) stay, which the metadata reads; inside it, scripts,
// styles, comments and the chrome a CMS puts into the article (tool bars, breadcrumbs, share bars,
// 上一篇/下一篇) go. A page without two such landmarks is left as it is: nothing says what is chrome.

import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { matchHeading } from '../../lexical/headings.js';

/**
 * The largest page whose chrome is looked for. parse5's tree with source locations takes tens of
 * bytes a character; a saved report page is 20–300 KB (its scripts included), so 2 M characters
 * leave room for any real one within a worker's heap. A larger page is read as it is.
 */
export const MAX_PAGE_CHARS = 2_000_000;

/** The fewest landmarks (top-level headings, tables) that make a part of the page the report. */
const MIN_LANDMARKS = 2;
/** Chrome words are short: a tool bar or a breadcrumb with more text than this is not taken for one. */
const MAX_WIDGET_CHARS = 60;

/** Elements whose text is never the report's: code, forms, embedded frames. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'option', 'button', 'textarea', 'svg', 'object']);
/** Elements whose headings are not the report's (a menu's 一、 is a link). */
const NOT_LANDMARK = new Set(['a', 'nav', 'header', 'footer', 'aside', 'form', 'head', 'title', ...NEVER_TEXT]);
/** Elements that are chrome by their name. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
/** id or class words that name chrome in the CMSs of government sites (位置 = dqwz, 分享 = fenxiang). */
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|dqwz|footer|foot|bottom|share|bdshare\w*|fenxiang|toolbar|tools?|sidebar|print|dayin)(?:$|[\s_-])/i;
/** The text of a tool bar: 【字体：大 中 小】【打印本页】【关闭窗口】, 分享到, 返回顶部 … */
const WIDGET_TEXT = /^(?:[\s【】[\]（）()|｜:：/]|打印(?:本页|此页|文章|本文)?|关闭(?:窗口|本页)?|字体|字号|[大中小]|默认|分享到?|收藏(?:本页)?|返回顶部|顶部|扫一扫|微信|微博|QQ空间|纠错|我要纠错)+$/;
/** Lines a CMS puts around an article: where the page is, the neighbours' links. */
const CHROME_LINE = /^\s*(?:当前位置|您的位置|您现在的位置|所在位置|上一篇|下一篇|相关链接|相关文章)\s*[：:>]/;
/** The catalogue fields the metadata reads from a page (发布机构, 来源, 发布时间, 生成日期 …). */
const FIELD = /(?:发布机构|信息来源|来源|发布时间|发布日期|成文日期|生成日期|公开日期|索引号|文号|时间|日期)\s*[：:]/;
/** A title: the report's name, which may stand above the article in its own element. */
const TITLE = /报告/;

const isElement = (n: T.Node): n is T.Element => 'tagName' in n;
const isText = (n: T.Node): n is T.TextNode => n.nodeName === '#text';

/** Elements that start a line: a heading is one of these whose text starts with 一、. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'section', 'article', 'center', 'blockquote', 'pre']);
/** Elements skipped when looking outside the report for its title and fields: links and menus. */
const NOT_FIELDS = new Set(['a', 'nav', 'footer', 'aside', 'form', ...NEVER_TEXT]);

type Range = readonly [number, number];

function rangeOf(n: T.Node): Range | null {
  const at = (n as T.Element).sourceCodeLocation;
  return at ? [at.startOffset, at.endOffset] : null;
}

function push(out: Range[], n: T.Node): void {
  const r = rangeOf(n);
  if (r) out.push(r);
}

function nameWords(el: T.Element): string {
  let out = '';
  for (const a of el.attrs) if (a.name === 'id' || a.name === 'class') out += ` ${a.value}`;
  return out;
}

/** What one pass over the tree learns about the page. */
interface Page {
  /** Elements in document order (parents before children). */
  elements: T.Element[];
  /** The start of each element's text (at most MAX_WIDGET_CHARS + 1 characters), code left out. */
  short: Map<T.Node, string>;
  /** Elements with a digit somewhere in their text. */
  digits: Set<T.Node>;
  /** The report's landmarks: its top-level headings and its tables with numbers. */
  landmarks: T.Node[];
  /** Scripts, styles, comments, forms' controls: never text. */
  code: T.Node[];
  title: T.Element | null;
  /** Elements with a table under them (a page laid out in tables). */
  layoutTables: Set<T.Node>;
  /** Text outside tables and code: the page's prose, where entities may be written out (html-entities.ts). */
  prose: Range[];
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

function readPage(document: T.Document): Page {
  const page: Page = { elements: [], short: new Map(), digits: new Set(), landmarks: [], code: [], title: null, layoutTables: new Set(), prose: [] };
  // Down: the elements in document order, what is never text, the prose outside tables.
  const stack: Array<{ node: T.Node; inTable: boolean }> = [{ node: document, inTable: false }];
  while (stack.length > 0) {
    const { node, inTable } = stack.pop()!;
    if (node.nodeName === '#comment') page.code.push(node);
    if (isText(node) && !inTable) push(page.prose, node);
    if (!('childNodes' in node)) continue;
    if (isElement(node)) {
      if (NEVER_TEXT.has(node.tagName)) {
        page.code.push(node);
        continue;
      }
      if (node.tagName === 'title' && !page.title) page.title = node;
      page.elements.push(node);
    }
    const inner = inTable || (isElement(node) && node.tagName === 'table');
    const children = (node as T.ParentNode).childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inTable: inner });
  }
  // Up (children come after their parent in `elements`): each element's short text, whether it
  // has a digit, whether a table lies under it.
  const tables = new Set<T.Node>();
  for (let i = page.elements.length - 1; i >= 0; i--) {
    const el = page.elements[i]!;
    let text = '';
    let digit = false;
    for (const child of el.childNodes) {
      if (isText(child)) {
        if (text.length <= MAX_WIDGET_CHARS) text += child.value;
        if (!digit && /\d/.test(child.value)) digit = true;
      } else if (isElement(child) && page.short.has(child)) {
        if (text.length <= MAX_WIDGET_CHARS) text += page.short.get(child)!;
        if (page.digits.has(child)) digit = true;
        if (child.tagName === 'table' || tables.has(child)) tables.add(el);
      }
    }
    page.short.set(el, collapse(text).slice(0, MAX_WIDGET_CHARS + 1));
    if (digit) page.digits.add(el);
  }
  // Down again: the landmarks. A table of data (no table inside it: a page laid out with tables
  // holds the report inside one) is one landmark, its 一、 row labels no more; headings count
  // outside links and menus.
  const can = new Set<T.Node>([document]);
  for (const el of page.elements) {
    const parent = el.parentNode as T.Node | null;
    if (!parent || !can.has(parent)) continue;
    if (el.tagName === 'table' && !tables.has(el)) {
      if (page.digits.has(el)) page.landmarks.push(el);
      continue;
    }
    if (NOT_LANDMARK.has(el.tagName) || CHROME_NAME.test(nameWords(el))) continue;
    can.add(el);
    if (BLOCKS.has(el.tagName) && matchHeading(page.short.get(el)!.trim())?.kind === 'cn' && !startsElsewhere(el, page.short)) {
      page.landmarks.push(el);
    }
  }
  // Tables with tables inside are layout: looked into for chrome like any other element.
  page.layoutTables = tables;
  return page;
}

/**
 * Whether the element's text starts inside a block child (that child is the heading, not this
 * one) or inside a link (a menu item `<li><a>三、规划计划</a></li>` is no heading of the report),
 * following the first child with text down through inline elements.
 */
function startsElsewhere(el: T.Element, short: Map<T.Node, string>): boolean {
  let at: T.Element = el;
  for (;;) {
    let next: T.Element | null = null;
    for (const child of at.childNodes) {
      if (isText(child)) {
        if (child.value.trim() !== '') return false;
      } else if (isElement(child) && (short.get(child) ?? '').trim() !== '') {
        next = child;
        break;
      }
    }
    if (!next) return false;
    if (BLOCKS.has(next.tagName) || NOT_LANDMARK.has(next.tagName)) return true;
    at = next;
  }
}

/** Every node that holds a landmark (the landmarks and their ancestors), each marked once. */
function holdersOf(landmarks: readonly T.Node[]): Set<T.Node> {
  const held = new Set<T.Node>();
  for (const l of landmarks) {
    for (let n: T.Node | null = l; n && !held.has(n); n = (n as T.ChildNode).parentNode ?? null) held.add(n);
  }
  return held;
}

/** The deepest node that holds every landmark: down from the root while one child alone holds them. */
function commonAncestor(document: T.Document, landmarks: ReadonlySet<T.Node>, held: ReadonlySet<T.Node>): T.Node {
  let node: T.Node = document;
  for (;;) {
    if (landmarks.has(node)) return node;
    let only: T.Node | null = null;
    let count = 0;
    for (const child of (node as T.ParentNode).childNodes ?? []) {
      if (held.has(child)) {
        only = child;
        count++;
      }
    }
    if (count !== 1) return node;
    node = only!;
  }
}

/** Within the report's element: chrome a CMS puts into the article, top-down, each taken whole. */
function chromeInside(root: T.Node, page: Page, held: ReadonlySet<T.Node>, out: Range[]): void {
  const stack: T.Node[] = isElement(root) ? [...root.childNodes] : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) {
      if (CHROME_LINE.test(n.value)) push(out, n);
      continue;
    }
    if (!isElement(n) || !page.short.has(n)) continue;
    const data = n.tagName === 'table' && !page.layoutTables.has(n);
    if (data) continue; // a table of the report's, or one the report holds
    if (held.has(n)) {
      stack.push(...n.childNodes);
      continue;
    }
    const text = page.short.get(n)!;
    const named = CHROME_TAGS.has(n.tagName) || CHROME_NAME.test(nameWords(n));
    const widget = text.trim() !== '' && text.length <= MAX_WIDGET_CHARS && WIDGET_TEXT.test(text);
    if ((named && !TITLE.test(text) && !FIELD.test(text)) || widget || CHROME_LINE.test(text)) push(out, n);
    else stack.push(...n.childNodes);
  }
}

/** What the reader does to a page: blank its chrome, write out the entities of its prose. */
export interface PageLayout {
  /** The stretches (offsets into the page) that are chrome; null when the page shows no report to tell from its chrome (fewer than two landmarks). */
  chrome: Range[] | null;
  /** The text outside tables and code (the html table shape reads cells with their entities itself). */
  prose: Range[];
}

/** The page's layout, or null when it is too large to look at (it is then read as it is). */
export function pageLayout(html: string): PageLayout | null {
  if (html.length > MAX_PAGE_CHARS) return null;
  const document = parse(html, { sourceCodeLocationInfo: true });
  const page = readPage(document);
  return { chrome: page.landmarks.length < MIN_LANDMARKS ? null : chromeOf(document, page, html.length), prose: page.prose };
}

function chromeOf(document: T.Document, page: Page, length: number): Range[] {
  const held = holdersOf(page.landmarks);
  const report = commonAncestor(document, new Set(page.landmarks), held);
  const blank: Range[] = [];
  for (const n of page.code) push(blank, n);
  chromeInside(report, page, held, blank);
  const reportRange = rangeOf(report);
  if (!reportRange) return merge(blank);

  // Outside the report: all but the page's title and its catalogue fields.
  const keep: Range[] = [reportRange];
  if (page.title) push(keep, page.title);
  const stack: T.Node[] = [...document.childNodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === report) continue;
    if (isText(n)) {
      const text = n.value.trim();
      if (text !== '' && (TITLE.test(text) || FIELD.test(text)) && !CHROME_LINE.test(text)) push(keep, n);
    } else if (isElement(n) && !NOT_FIELDS.has(n.tagName) && !CHROME_NAME.test(nameWords(n))) stack.push(...n.childNodes);
  }
  return merge([...blank, ...complement(merge(keep), length)]);
}

/** Sorted, overlapping ranges joined. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** What lies between sorted, disjoint ranges, from 0 to `length`. */
function complement(ranges: readonly Range[], length: number): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (at < length) out.push([at, length]);
  return out;
}

/** `html` with the ranges turned into spaces, line breaks kept: every line keeps its number and every character its column. */
export function blankRanges(html: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return html;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += html.slice(at, s) + html.slice(s, e).replace(/[^\r\n]/g, ' ');
    at = e;
  }
  return out + html.slice(at);
}
