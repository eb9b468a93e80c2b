// Where a module that runs on its own thread is. From dist/ it stands beside the modules of
// src/run/; when they run from src/ (the tests run the TypeScript directly), the thread runs the
// build in dist/ (npm test builds first).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built file of `src/run/<name>.ts`. */
export function threadModule(name: string): string {
  const here = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  return existsSync(here) ? here : fileURLToPath(new URL(`../../dist/run/${name}.js`, import.meta.url));
}
