// The footer a web page puts under the report, which a scraped page's text keeps:
//   【打印】【关闭】
//   上一篇：…
//   主办：淮南市人民政府办公室　承办：…
//   网站标识码：3404000001　皖ICP备05000386号-1
//   地址：淮南市山南新区金龙路 电话：0554-6667777
// Its address and telephone are the site's, not the report's contact, and its last lines are no
// signature. The footer starts at the first line, in the last part of the text, that holds words
// only site chrome has.

import { readingForm } from '../lexical/fold.js';

/** Words of a page's footer that a report's own text does not use. */
const FOOTER_WORDS =
  /【?打印(?:本页|此页)?】|【?关闭(?:窗口|本页)?】|^上一篇[:：]?|^下一篇[:：]?|网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|^主办(?:单位)?[:：]|^承办(?:单位)?[:：]|^技术支持[:：]|网站地图|扫一扫在手机/i;

/** The footer is looked for in the last lines only: a report never ends further than this before the page does. */
const FOOTER_LINES = 40;

/**
 * The line number where the page's footer starts, or null: the first of the last FOOTER_LINES
 * prose lines, after line `after` (the report's last heading), that holds a footer word.
 */
export function footerStart(prose: ReadonlyArray<{ no: number; text: string }>, after: number): number | null {
  for (let i = Math.max(0, prose.length - FOOTER_LINES); i < prose.length; i++) {
    const l = prose[i]!;
    if (l.no > after && FOOTER_WORDS.test(readingForm(l.text))) return l.no;
  }
  return null;
}
