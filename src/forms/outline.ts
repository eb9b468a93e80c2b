// The outline every report since 2019 follows (formats.md §1, §2): its part headings. A table
// never runs past one of them, whatever shape the text gives it.

/** The titles of the official outline's parts, as they follow `一、` … `六、`. */
const OUTLINE = /主动公开政府信息情况|收到和处理政府信息公开申请|行政复议、?行政诉讼情况|存在的主要问题|其他需要报告|总体情况/;

/** Is a heading's title (its text after the marker) a part of the official outline? */
export function isOutlineTitle(title: string): boolean {
  return OUTLINE.test(title);
}
