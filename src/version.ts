// The package's version, from its package.json: found by walking up from this module, because the
// module runs both from dist/ (tsc's output, one module a file) and bundled into dist/bundle/
// (scripts/bundle.mjs), at different depths.

import { existsSync, readFileSync } from 'node:fs';

/** How many folders up package.json may be: dist/<folder>/module.js is the deepest place this module runs. */
const MAX_LEVELS_UP = 4;

function packageVersion(): string {
  let url = new URL('./package.json', import.meta.url);
  for (let up = 0; up <= MAX_LEVELS_UP; up++) {
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'disclose-parse' && pkg.version) return pkg.version;
    }
    url = new URL('../package.json', url);
  }
  throw new Error('disclose-parse: its package.json cannot be found beside its modules');
}

export const VERSION = packageVersion();
