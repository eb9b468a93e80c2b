// The statistics under construction: values set by dotted path, each with its provenance.
// The first value set for a path wins; a second, different one is a warning, not an overwrite.

import type { Provenance, Statistics, Warning } from '../schema.js';

export class StatisticsBuilder {
  readonly statistics: Record<string, unknown> = {};
  readonly provenance: Record<string, Provenance> = {};
  readonly warnings: Warning[] = [];

  has(path: string): boolean {
    return path in this.provenance;
  }

  get(path: string): number | undefined {
    let node: unknown = this.statistics;
    for (const key of path.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return typeof node === 'number' ? node : undefined;
  }

  set(path: string, value: number, provenance: Provenance): void {
    if (this.has(path)) {
      const before = this.get(path);
      if (before !== value) {
        this.warnings.push({
          code: 'VALUE_CONFLICT',
          message: `${path}: ${value} (line ${provenance.line}) differs from ${before} (line ${this.provenance[path]!.line}); the first is kept`,
          line: provenance.line,
        });
      }
      return;
    }
    const keys = path.split('.');
    let node = this.statistics;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1)!] = value;
    this.provenance[path] = provenance;
  }

  warn(code: string, message: string, line: number | null): void {
    this.warnings.push({ code, message, line });
  }

  result(): Statistics {
    return this.statistics as Statistics;
  }
}
