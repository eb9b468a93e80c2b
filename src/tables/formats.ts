// Every table shape the extractor knows, tried in this order at each line. Adding a shape is one
// module with the TableFormat interface and one entry here.
//   html first: its markup is unambiguous (pandoc leaves complex tables as raw HTML).
//   grid before pipe: `|` also starts the rows of a grid table, whose top border `+---` or
//     `┌──` is what tells them apart.
//   official text last: aligned and one-cell-per-line tables have no delimiter of their own, so
//     they are tried only where no drawn table starts.

import { gridFormat } from './grid.js';
import { htmlFormat } from './html.js';
import { pipeFormat } from './pipe.js';
import { tabFormat } from './tab.js';
import { tsvFormat } from './tsv.js';
import { formLinesFormat } from './form-lines.js';
import { officialTextFormat } from './text.js';
import type { TableFormat } from './types.js';

export const TABLE_FORMATS: readonly TableFormat[] = [htmlFormat, gridFormat, pipeFormat, tabFormat, tsvFormat, formLinesFormat, officialTextFormat];
