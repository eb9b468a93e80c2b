// The JSON Schema of one output line (`disclose-parse schema`): generated from the zod schemas
// (schema.ts), which describe every field but the statistics; each statistic and each group of
// them is described here by its wording on the official forms (forms/labels.ts), the words the
// codebook labels its column with. The ground layer's schema knows no forms, so the wording is
// laid on the generated document, not on the zod schema.

import { z } from 'zod';
import { officialGroupLabel, officialLabel } from '../forms/labels.js';
import { RecordSchema } from '../schema.js';

interface Node {
  description?: string;
  properties?: Record<string, Node>;
}

/** Describe every field under `node` (the statistics object, or a part of it at `path`) by the forms. */
function describeStatistics(node: Node, path: string): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const at = path === '' ? key : `${path}.${key}`;
    const wording = child.properties ? officialGroupLabel(at) : officialLabel(at);
    if (wording === null) throw new Error(`schema: no form words the statistics ${child.properties ? 'group' : 'field'} "${at}" (src/forms)`);
    child.description = wording;
    describeStatistics(child, at);
  }
}

/** The JSON Schema of one output line: a report record or an error record. */
export function recordJsonSchema(): unknown {
  // A copy: the generator may hand one object to every place a shared zod schema (ApplicantsSchema) stands.
  const schema = structuredClone(z.toJSONSchema(RecordSchema, { target: 'draft-2020-12', unrepresentable: 'any' })) as { anyOf: Node[] };
  const statistics = schema.anyOf.find((record) => record.properties?.['statistics'])?.properties?.['statistics'];
  if (!statistics) throw new Error('schema: the report record has no statistics');
  describeStatistics(statistics, '');
  return schema;
}
