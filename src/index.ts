// Library entry point: `import { parseText, parseFile } from 'disclose-parse'`.

export { parseText, parseBuffer, parseDocument, type ParseOptions } from './pipeline.js';
export { parseFile, type FileOptions } from './file.js';
export { collectInputs, walkInputs, DEFAULT_GLOB, type Inputs, type InputProblem, type WalkOptions } from './input/walk.js';
export { decode, type Encoding, type LineEnding } from './parse/decode.js';
export {
  RecordSchema,
  ReportRecordSchema,
  ErrorRecordSchema,
  SCHEMA_ID,
  type OutputRecord,
  type ReportRecord,
  type ErrorRecord,
  type ErrorCode,
} from './schema.js';
export { recordJsonSchema } from './write/json-schema.js';
export { run, EXIT } from './cli.js';
export { viewPage, indexPage, type ViewOptions, type IndexRow } from './view/index.js';
