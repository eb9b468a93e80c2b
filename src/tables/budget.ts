// How much a drawn table may hold. A table's cells come from its own lines, so a real table holds
// about as many characters as it draws (at most 1.4 times in the corpus: a merged cell's copies).
// Broken geometry can make far more: the walls of one long line cut every other row into as many
// columns, and a merged rectangle's text is copied into every position it covers, so the cells can
// grow with the square of the text (issue 13 measured a 27 KB page giving a 7.9 MB record and a
// 600-row grid running a worker out of memory). Such a table is a mis-detection: it is read as
// text, with a TABLE_TOO_LARGE warning.

/** A table may hold this many times the characters of its lines … */
const MAX_CELL_TEXT_RATIO = 4;
/** … plus this many: a small table's header cell spanning a few columns. */
const CELL_TEXT_ALLOWANCE = 4096;

/**
 * The most a drawn table of `chars` characters (its lines, as written) may hold: characters of
 * cell text plus one per cell of its rectangle, copies and padding included (in JSON every cell
 * costs its text and a separator). The readers also use it as the bound on the positions and the
 * work a drawing may cost before they give up on it.
 */
export function cellBudget(chars: number): number {
  return MAX_CELL_TEXT_RATIO * chars + CELL_TEXT_ALLOWANCE;
}
