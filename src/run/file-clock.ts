// When each file of the pool's tasks started, shared by the main thread and the workers without a
// message: one 64-bit word per place in the window (a slot), written by the worker as it takes
// each file, read by the main thread's one timer (the per-file time limit) and after a task fails
// (which of its files was running). Each task gets a ticket, and a word counts only for the task
// whose ticket it bears: a worker being stopped may still write the word of its old task after
// the slot went to the next one, and its write must not pass for the new task's (it once made a
// fresh task look late, and stopped it at once).

/** A word: ticket (bits 40–62), the file's place in its task (bits 32–39), start in ms since the epoch (bits 0–31). */
const TICKET_SHIFT = 40n;
const INDEX_SHIFT = 32n;
const INDEX_MASK = 0xffn;
const TIME_MASK = 0xffffffffn;
/** Tickets wrap below 2^23, so that a word stays a positive BigInt64; only the ticket of a slot's current task matters. */
const TICKET_LIMIT = 1 << 23;

/** What crosses to the workers (`workerData`): the shared words and the clock's epoch. */
export interface ClockShare {
  words: BigInt64Array;
  /** A millisecond before the clock was made: every start is at least 1 after it (0 is "no file yet"), and fits in 32 bits (49 days). */
  epoch: number;
}

export interface Stamp {
  ticket: number;
  /** The file's place in its task. */
  index: number;
  /** Date.now() when the file started. */
  startedAt: number;
}

export function newClock(slots: number): ClockShare {
  return { words: new BigInt64Array(new SharedArrayBuffer(slots * BigInt64Array.BYTES_PER_ELEMENT)), epoch: Date.now() - 1 };
}

const pack = (ticket: number, index: number, offset: number): bigint =>
  (BigInt(ticket) << TICKET_SHIFT) | (BigInt(index) << INDEX_SHIFT) | (BigInt(offset) & TIME_MASK);

const ticketOf = (word: bigint): number => Number(word >> TICKET_SHIFT);

/** The main thread's side: a ticket per task, and the stamp of the file a slot's task is on. */
export class TaskClock {
  private last = 0;
  constructor(readonly share: ClockShare) {}

  /** A new task in `slot`: its ticket, written with no file started yet. */
  open(slot: number): number {
    this.last = (this.last % (TICKET_LIMIT - 1)) + 1;
    Atomics.store(this.share.words, slot, pack(this.last, 0, 0));
    return this.last;
  }

  /** The file the task with `ticket` is on, and when it started; null before its first file. */
  read(slot: number, ticket: number): Stamp | null {
    const word = Atomics.load(this.share.words, slot);
    const offset = Number(word & TIME_MASK);
    if (ticketOf(word) !== ticket || offset === 0) return null;
    return { ticket, index: Number((word >> INDEX_SHIFT) & INDEX_MASK), startedAt: this.share.epoch + offset };
  }
}

/**
 * A worker's side: the file at `index` of the task with `ticket` starts now. Written only while
 * the slot still holds that ticket (compare-and-swap), so a late write of a stopped worker is
 * lost instead of passing for another task's. Returns the start (Date.now()).
 */
export function stampFile(share: ClockShare, slot: number, ticket: number, index: number): number {
  const now = Date.now();
  const word = pack(ticket, index, now - share.epoch);
  const current = Atomics.load(share.words, slot);
  if (ticketOf(current) === ticket) Atomics.compareExchange(share.words, slot, current, word);
  return now;
}
