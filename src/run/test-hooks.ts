// Test hooks of the no-record-lost guarantee (tests/timeout.test.ts): a worker given a path that
// ends with one of these values exits on the spot (crashOn), as a worker killed by the system
// would, or hangs for a minute (hangOn), as on a runaway file. They act on workers only, so a
// batch run with either set always uses the pool (batch.ts). Read when asked: a test sets them
// after the modules are loaded.

export const crashOn = (): string | undefined => process.env.DISCLOSE_PARSE_TEST_CRASH_ON;
export const hangOn = (): string | undefined => process.env.DISCLOSE_PARSE_TEST_HANG_ON;

/** Is a hook that needs a worker set? */
export function workerHooksSet(): boolean {
  return Boolean(crashOn() || hangOn());
}
