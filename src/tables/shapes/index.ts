// Every table shape the finder knows, tried in this order at a line whose kind can start it.
// Adding a shape is one module with the TableShape interface and one entry here.
//   html first: its markup is unambiguous (pandoc leaves complex tables as raw HTML).
//   grid before pipe: `|` also starts the rows of a drawn grid, whose top border tells them apart.
//   simple (pandoc's dash rules) before flow: its rule gives the columns exactly.
//   tsv before tab: a Calc row may start with tabs for its empty first cells.
//   flow last: aligned and one-cell-per-line tables have no delimiter of their own, so they are
//     read only where no drawn table starts.

import type { TableShape } from '../types.js';
import { flowShape } from './flow.js';
import { gridShape } from './grid.js';
import { htmlShape } from './html.js';
import { pipeShape } from './pipe.js';
import { simpleShape } from './simple.js';
import { tabShape } from './tab.js';
import { tsvShape } from './tsv.js';

export const SHAPES: readonly TableShape[] = [htmlShape, gridShape, simpleShape, pipeShape, tsvShape, tabShape, flowShape];
