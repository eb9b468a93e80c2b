// The layers of src/, bottom to top (docs/architecture.md): a module imports only from its own
// folder or from a lower layer, never upward and never sideways into another folder of its own
// layer. This test reads every import of src/ and holds the picture to the code.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Each room of the house and its layer; a room is a folder of src/ or a file at its top. */
export const LAYERS: ReadonlyArray<readonly string[]> = [
  ['lexical', 'diagnostics.ts', 'version.ts'],
  ['schema.ts'],
  ['statistics.ts', 'record-codes.ts'],
  ['forms', 'parse', 'input'],
  ['tables'],
  ['sections'],
  ['metadata'],
  ['normalize'],
  ['pipeline.ts', 'panel'],
  ['file.ts'],
  ['write', 'view'],
  ['run'],
  ['check'],
  ['cli.ts'],
  ['index.ts'],
];

const SRC = join(ROOT, 'src');
const layerOf = new Map<string, number>();
LAYERS.forEach((rooms, i) => rooms.forEach((r) => layerOf.set(r, i)));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The room a file of src/ stands in: its top folder, or itself at the top. */
const roomOf = (file: string): string => relative(SRC, file).split('/')[0]!;

/** The src/ files a file imports (relative specifiers; type-only imports count: they are knowledge too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)) {
    out.push(resolve(dirname(file), m[1]!).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** The layers a picture draws: the code block after `heading`, rooms split by → and by commas. */
function layersDrawn(file: string, heading: string): string[][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const block = /```\n([\s\S]*?)```/.exec(text.slice(text.indexOf(heading)))![1]!;
  return block.split('→').map((layer) => layer.split(',').map((room) => room.trim().replace(/\/$/, '')));
}

describe('layers', () => {
  it('the README and docs/architecture.md draw these layers, in this order', () => {
    expect(layersDrawn('README.md', '## How it is built')).toEqual(LAYERS);
    expect(layersDrawn('docs/architecture.md', '## Layers')).toEqual(LAYERS);
  });

  it('every room of src/ has a layer', () => {
    const rooms = new Set(files(SRC).map(roomOf));
    expect([...rooms].filter((r) => !layerOf.has(r))).toEqual([]);
  });

  it('no import runs upward or sideways between rooms', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = roomOf(file);
      for (const target of importsOf(file)) {
        const to = roomOf(target);
        if (to === from) continue;
        if (layerOf.get(to)! >= layerOf.get(from)!) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
