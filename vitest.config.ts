import { defineConfig } from 'vitest/config';

/**
 * The suites `npm test` leaves to `npm run test:slow`, so that the quick loop stays under 90 s on
 * two shared cores (issue 24): each takes tens of seconds and tests scale rather than behaviour.
 * `.ci/run` runs both. A test file not named here is in the quick loop.
 */
export const SLOW_SUITES = [
  'tests/linear.test.ts', // size series: 62 shapes and the prose rules at two scales, each timed several times
  'tests/scale.test.ts', // the whole fixture corpus converted again and again: jobs, shards, formats
  'tests/hostile.test.ts', // fuzzing: mutated fixtures through every format and job count
  'tests/bounded.test.ts', // records of 19 MB inputs and tables of 200 000 rows
  'tests/recipes.test.ts', // the README's GNU parallel and Slurm recipes: eight processes each
  'tests/view-browser.test.ts', // the pages in Chromium
  'tests/statistics-paths.test.ts', // the TypeScript compiler run on a wrong path (npm test's build compiles the right ones)
  'tests/readers-linear.test.ts', // size series of the page and DOCX readers
  'tests/pdf-view.test.ts', // a PDF's audit page in Chromium
  'tests/timeout.test.ts', // batches of workers at --timeout-ms 1 and a worker stuck past its limit (timing-bound on a busy machine)
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // tests/linear.test.ts collects garbage between the runs it times.
    execArgv: ['--expose-gc'],
    projects: [
      // The quick files share their workers' module graph (isolate: false): each file loaded the
      // parser and vite's transforms anew otherwise, which measured 60 % of the CPU time of the unit
      // tests. No quick test mocks a module or changes the process's environment.
      { extends: true, test: { name: 'quick', include: ['tests/**/*.test.ts'], exclude: SLOW_SUITES, isolate: false } },
      // A slow test converts the whole fixture corpus (PDFs included, about a second each through
      // pdf.js) several times: one took 27 s of the 30 s default in CI, and over 30 s on a busy machine.
      { extends: true, test: { name: 'slow', include: SLOW_SUITES, testTimeout: 180_000 } },
    ],
  },
});
