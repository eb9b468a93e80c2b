// Where a figure stands in its sentence: what tells a total from the parts a report lists after it.
//
//   共公布政府信息2599条,(其中…类信息25条,…,其他应主动公开政府信息856条)
//   办结依申请公开件177件(含2022年结转的3件),其中,予以公开60件,…
//   全年受理依申请信息公开21件,包括信函申请2件、网络申请19件
//
// - inside brackets a figure is an aside to what stands before them (`aside`);
// - after 其中 (anywhere), or 包括 / 包含 / 具体为 / 分别为 right after a count, every figure to the
//   end of the sentence, or of the brackets the word stands in, is a part of the total before it
//   (`part`); a sentence that starts with 其中 breaks down the one before;
// - a figure whose subject is a category (`工作动态类信息122条`, `其他应主动公开政府信息856条`) is a
//   part wherever it stands (CATEGORY, asked by the engine on the clause).
// Linear: the sentence is read once, and a figure's role is a binary search over the places where
// the role changes.

export type Role = 'main' | 'aside' | 'part';

/** A word that opens a breakdown anywhere. */
const BREAKDOWN = /其中/g;
/** Words that open a breakdown when they follow a count: `21件,包括信函申请2件`. */
const LISTING = /(?<=\d[件条份篇个项次起宗],?)(?:包括|包含|具体为|分别为)/g;
/** The subject of a category's count: a kind of information (`…类`, not `各类`), or the rest (`其他`). */
export const CATEGORY = /其他|其它|(?<![各种分门])类/;

export class SentenceShape {
  /** Offsets where the role changes, ascending, and the role from there on. */
  private readonly at: number[] = [0];
  private readonly roles: Role[] = ['main'];

  constructor(sentence: string) {
    const events: Array<[number, 'open' | 'close' | 'breakdown']> = [];
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i);
      if (c === 0x28) events.push([i, 'open']);
      else if (c === 0x29) events.push([i, 'close']);
    }
    for (const m of sentence.matchAll(BREAKDOWN)) events.push([m.index, 'breakdown']);
    for (const m of sentence.matchAll(LISTING)) events.push([m.index, 'breakdown']);
    events.sort((a, b) => a[0] - b[0]);
    // One frame per open bracket, the sentence's own at the bottom.
    const frames: Array<{ aside: boolean; breakdown: boolean }> = [{ aside: false, breakdown: false }];
    let asides = 0;
    let breakdowns = 0;
    for (const [i, kind] of events) {
      if (kind === 'open') {
        frames.push({ aside: true, breakdown: false });
        asides++;
      } else if (kind === 'close') {
        if (frames.length === 1) continue; // a stray `)`
        const f = frames.pop()!;
        asides--;
        if (f.breakdown) breakdowns--;
      } else {
        const top = frames.at(-1)!;
        if (top.breakdown) continue;
        top.breakdown = true;
        breakdowns++;
      }
      this.mark(kind === 'close' ? i + 1 : i, asides > 0 ? 'aside' : breakdowns > 0 ? 'part' : 'main');
    }
  }

  private mark(at: number, role: Role): void {
    if (this.roles.at(-1) === role) return;
    if (this.at.at(-1) === at) {
      this.roles[this.roles.length - 1] = role;
      return;
    }
    this.at.push(at);
    this.roles.push(role);
  }

  /** The role of a figure whose number starts at `offset`. */
  roleAt(offset: number): Role {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.roles[lo]!;
  }
}
