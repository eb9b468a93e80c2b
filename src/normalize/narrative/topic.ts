// The fact a stretch of prose is about, from the heading over it. Under `(一)主动公开情况` a clause
// without the words 主动公开 (`门户网站共公开信息314条`) still counts what the agency published, and
// under `三、依申请公开政府信息情况` a bare `我镇2016年度无申请` denies requests: the heading is the
// clause's subject. Pages give headings on lines of their own, at the start of a sentence
// (`一、政府信息主动公开情况 2009年度我镇…` on one long line), or as a lead ending in a colon
// (`政府信息依申请公开情况:2023年收到…`).
//
// A heading's topic holds until the next heading of its level or above (`(三)政府信息管理情况`
// ends `(二)依申请公开`); a deeper heading that names no fact (`1.信息发布情况`) keeps it.

import { matchHeading, type HeadingKind } from '../../lexical/headings.js';

export type Topic = 'proactive' | 'requests' | 'fees' | 'appeals';

/** How deep each kind of marker usually nests (lexical/headings.ts). */
const DEPTH: Record<HeadingKind, number> = { part: 0, cn: 1, 'paren-cn': 2, num: 3, 'paren-num': 4, circled: 5 };
/** A `…情况:` lead is read as the deepest heading: any numbered heading after it ends it. */
const LEAD_DEPTH = 6;
/** The title of an inline heading ends at its first stop, and is no longer than this. */
const TITLE_MAX = 40;
const TITLE_END = /[,;:。 ]/;
/** `政府信息主动公开情况:` at the start of a sentence: a lead that says what the sentence is about. */
const LEAD = /^([^,;:。]{2,24}?(?:情况|方面)):/;

/**
 * The fact a heading's title names, if one: fees and appeals first (their titles name the
 * requests they come from: `因政府信息公开申请行政复议…情况`), and a title naming both 主动公开
 * and requests names none.
 */
export function topicOfTitle(title: string): Topic | null {
  if (title.includes('收费')) return 'fees';
  if (/复议|诉讼/.test(title)) return 'appeals';
  const requests = title.includes('申请');
  const proactive = /主动(?:公开|发布)/.test(title);
  if (requests === proactive) return null;
  return requests ? 'requests' : 'proactive';
}

/** Follows the headings of a report's prose in reading order. */
export class TopicTracker {
  /** The open headings, outermost first. */
  private readonly open: Array<{ topic: Topic | null; depth: number }> = [];
  private topic: Topic | null = null;

  /** The topic over the sentence, once a heading at its start has been seen. */
  see(sentence: string): Topic | null {
    const start = sentence.trimStart();
    const h = matchHeading(start);
    if (h) {
      const stop = h.rest.search(TITLE_END);
      this.enter(topicOfTitle(h.rest.slice(0, stop < 0 ? TITLE_MAX : Math.min(stop, TITLE_MAX))), DEPTH[h.kind]);
    } else {
      const lead = LEAD.exec(start);
      if (lead) this.enter(topicOfTitle(lead[1]!), LEAD_DEPTH);
    }
    return this.topic;
  }

  private enter(topic: Topic | null, depth: number): void {
    while (this.open.length > 0 && this.open.at(-1)!.depth >= depth) this.open.pop();
    this.open.push({ topic, depth });
    // A heading that names nothing stays under the topic of the heading it is nested in.
    this.topic = null;
    for (let i = this.open.length - 1; i >= 0 && this.topic === null; i--) this.topic = this.open[i]!.topic;
  }
}
