// The statistics under construction: values set by dotted path, each with its provenance.
// The first value set for a path wins; a second, different one is a warning, not an overwrite.

import type { WarningCode } from '../diagnostics.js';
import type { Provenance, Statistics, Warning } from '../schema.js';
import type { StatisticsPath } from '../statistics.js';
import { pathKeys } from './paths.js';

export class StatisticsBuilder {
  readonly provenance: Record<string, Provenance> = {};
  readonly warnings: Warning[] = [];
  /** The same values by path, for the checks' many look-ups. */
  private readonly flat = new Map<string, number>();

  has(path: string): boolean {
    return this.flat.has(path);
  }

  get(path: string): number | undefined {
    return this.flat.get(path);
  }

  set(path: StatisticsPath, value: number, provenance: Provenance): void {
    const before = this.flat.get(path);
    if (before !== undefined) {
      if (before !== value) {
        this.warnings.push({
          code: 'VALUE_CONFLICT',
          message: `${path}: ${value} (line ${provenance.line}) differs from ${before} (line ${this.provenance[path]!.line}); the first is kept`,
          line: provenance.line,
        });
      }
      return;
    }
    this.flat.set(path, value);
    this.provenance[path] = provenance;
  }

  warn(code: WarningCode, message: string, line: number | null): void {
    this.warnings.push({ code, message, line });
  }

  /**
   * The nested statistics object, built once from the values by path. Every path set is a
   * StatisticsPath (prose rules by their type, table cells by the forms' compile-time checks), so
   * the object has the schema's shape by construction.
   */
  result(): Statistics {
    const root: Record<string, unknown> = {};
    for (const [path, value] of this.flat) {
      const keys = pathKeys(path);
      let node = root;
      for (let i = 0; i < keys.length - 1; i++) node = (node[keys[i]!] ??= {}) as Record<string, unknown>;
      node[keys[keys.length - 1]!] = value;
    }
    return root as Statistics;
  }
}
