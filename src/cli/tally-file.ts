/**
 * Reading a file into the tallies of a segment table: batches of rows from
 * the input layer, each tallied by `segmentCounts` (the library's own
 * tallying loop, on the batch's columns) and merged with `mergeCounts`.
 * Memory is the table's tallies plus one batch.
 *
 * A row the library refuses is found by bisecting the batch: the half that
 * holds the first bad row is tallied again until one row is left, so the
 * run stops at the first invalid row in file order, or (`--on-invalid
 * skip`) leaves out exactly the invalid rows, counted per reason.
 */
import { isMetricsError, type MetricsError } from '../core/contract/errors.js';
import { mergeCounts } from '../metrics/merge-counts.js';
import { type SegmentCounts, segmentCounts } from '../segments/segment.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { ByteTally } from './byte-tally.js';
import type { InputPlan } from './commands.js';
import { DistinctTally } from './distinct-tally.js';
import { type Batch, type ReadOptions, type RowCounter, type RowProblem, readBatches } from './input/read.js';
import { cellText, reasonOf } from './problems.js';

/** How many line numbers of skipped rows are kept per reason. */
export const SKIPPED_LINES_KEPT = 10;

/** What reading found: rows read, rows skipped per reason with their first line numbers. */
export interface ReadStats {
  rowsRead: number;
  rowsSkipped: number;
  /** Per reason: how many rows, and the first {@link SKIPPED_LINES_KEPT} line numbers. */
  readonly skipped: Map<string, { count: number; lines: number[] }>;
}

/** A new, empty {@link ReadStats}. */
export function emptyStats(): ReadStats {
  return { rowsRead: 0, rowsSkipped: 0, skipped: new Map() };
}

/** An invalid row that stops the run: where it is, which column, the value and the reason. */
export class RowError extends Error {
  override readonly name = 'RowError';
  readonly problem: RowProblem;
  readonly file: string;
  constructor(file: string, problem: RowProblem) {
    const where = `${file}:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`;
    const what = [
      ...(problem.columnName === null ? [] : [`column ${JSON.stringify(problem.columnName)}`]),
      ...(problem.value === null ? [] : [`value ${JSON.stringify(problem.value)}`]),
    ];
    super(`${where}: ${what.length === 0 ? '' : `${what.join(' ')}: `}${problem.reason}`);
    this.problem = problem;
    this.file = file;
  }
}

/** Records a skipped row, or stops the run at it. */
export function handleProblem(input: InputPlan, stats: ReadStats, problem: RowProblem): void {
  if (input.onInvalid === 'stop') throw new RowError(input.path === '-' ? '<stdin>' : input.path, problem);
  stats.rowsSkipped++;
  let entry = stats.skipped.get(problem.reason);
  if (entry === undefined) {
    entry = { count: 0, lines: [] };
    stats.skipped.set(problem.reason, entry);
  }
  entry.count++;
  if (entry.lines.length < SKIPPED_LINES_KEPT) entry.lines.push(problem.line);
}

/** A row error of the library: `['records', index, field]`, with the index within the batch. */
export function rowIssue(e: unknown): { index: number; field: string | null; error: MetricsError } | null {
  if (!isMetricsError(e)) return null;
  const path = e.issues[0]?.path ?? [];
  if (path[0] !== 'records' && path[0] !== 'changes') return null;
  const index = path[1];
  if (typeof index !== 'number') return null;
  const field = path[2];
  return { index, field: typeof field === 'string' ? field : null, error: e };
}

type Columns = Record<string, unknown[]>;

function sliceColumns(columns: Columns, lo: number, hi: number): Columns {
  const out: Columns = {};
  for (const name of Object.keys(columns)) out[name] = (columns[name] as unknown[]).slice(lo, hi);
  return out;
}

/**
 * Tallies rows `lo` to `hi` of a batch, pushing the tables of the valid
 * parts to `tables`; an invalid row stops the run or is skipped.
 */
function tallyRange(
  columns: Columns,
  lo: number,
  hi: number,
  batch: Batch,
  spec: SegmentCountsSpec,
  input: InputPlan,
  stats: ReadStats,
  tables: SegmentCounts[],
): void {
  const part = lo === 0 && hi === batch.rows ? columns : sliceColumns(columns, lo, hi);
  try {
    tables.push(segmentCounts(part, spec as never) as SegmentCounts);
    return;
  } catch (e) {
    const issue = rowIssue(e);
    if (issue === null) throw e;
    if (hi - lo === 1) {
      const name = issue.field;
      const column = name === null ? null : input.columns.findIndex((c) => c.name === name);
      handleProblem(input, stats, {
        line: batch.lines[lo] as number,
        column: batch.header === undefined || name === null ? null : batch.header.indexOf(name) + 1 || null,
        columnName: name,
        value: column === null || column < 0 ? null : cellText((batch.columns[column] as unknown[])[lo]),
        reason: reasonOf(issue.error),
      });
      return;
    }
  }
  const mid = lo + Math.floor((hi - lo) / 2);
  tallyRange(columns, lo, mid, batch, spec, input, stats, tables);
  tallyRange(columns, mid, hi, batch, spec, input, stats, tables);
}

/** Tallies the rows of a batch at `indices` (in file order) with the library's loop. */
function tallyRows(indices: readonly number[], batch: Batch, spec: SegmentCountsSpec, input: InputPlan, stats: ReadStats, tables: SegmentCounts[]): void {
  const sub: Batch = {
    rows: indices.length,
    lines: indices.map((i) => batch.lines[i] as number),
    columns: batch.columns.map((column) => indices.map((i) => column[i])),
    problems: [],
    ...(batch.header === undefined ? {} : { header: batch.header }),
  };
  tallyRange(batchColumns(input, sub), 0, sub.rows, sub, spec, input, stats, tables);
}

/** The columns of a batch, by name. */
export function batchColumns(input: InputPlan, batch: Batch): Columns {
  const columns: Columns = {};
  input.columns.forEach((c, i) => {
    columns[c.name] = batch.columns[i] as unknown[];
  });
  return columns;
}

/** What the input layer is asked to read. */
export function readOptions(input: InputPlan, onProgress?: (bytesRead: number, totalBytes: number | null) => void, counter?: RowCounter): ReadOptions {
  return {
    ...(counter === undefined ? {} : { counter }),
    path: input.path,
    columns: input.columns,
    ...(input.format === undefined ? {} : { format: input.format }),
    ...(input.delimiter === undefined ? {} : { delimiter: input.delimiter }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}

/**
 * The table of tallies of a file: every row read, tallied in batches, the
 * tables merged. The spec is checked on no rows first, so a bad option is
 * reported as such, not as every row invalid.
 *
 * NPS, CSAT, CES and the repurchase rate (unweighted) count distinct
 * answers; from CSV and TSV they count the rows' bytes ({@link ByteTally})
 * unless `countBytes` is `false`, which decodes every row into batches
 * first. Both give the same tallies, stops and skips.
 */
export async function tallyFile(
  input: InputPlan,
  spec: SegmentCountsSpec,
  stats: ReadStats,
  onProgress?: (bytesRead: number, totalBytes: number | null) => void,
  { countBytes = true }: { readonly countBytes?: boolean } = {},
): Promise<SegmentCounts> {
  const empty: Columns = {};
  for (const c of input.columns) empty[c.name] = [];
  let merged = segmentCounts(empty, spec as never) as SegmentCounts;
  const distinct = DistinctTally.of(spec, merged);
  // CSV and TSV rows are counted from their bytes; the rows it leaves to decoding come in the batches.
  const counter = distinct === null || !countBytes || !ByteTally.reads(distinct, input.columns) ? undefined : new ByteTally(distinct, input.columns);
  for await (const batch of readBatches(readOptions(input, onProgress, counter))) {
    stats.rowsRead += batch.rows + batch.problems.length + (batch.counted ?? 0);
    const columns = batchColumns(input, batch);
    const tables: SegmentCounts[] = [];
    const first = batch.problems[0];
    // Stopping at the first invalid row: the rows before the reader's first problem may hold an earlier one.
    let end = batch.rows;
    if (first !== undefined && input.onInvalid === 'stop') {
      end = 0;
      while (end < batch.rows && (batch.lines[end] as number) < first.line) end++;
    }
    if (distinct === null) {
      if (end > 0) tallyRange(columns, 0, end, batch, spec, input, stats, tables);
    } else {
      const slow: number[] = [];
      const tallySlow = () => {
        if (slow.length > 0) tallyRows(slow, batch, spec, input, stats, tables);
        slow.length = 0;
      };
      const value = spec.value as string;
      distinct.add(columns, 0, end, {
        slow: (i) => slow.push(i),
        invalid: (i, error) => {
          if (input.onInvalid === 'stop') tallySlow();
          handleProblem(input, stats, {
            line: batch.lines[i] as number,
            column: batch.header === undefined ? null : batch.header.indexOf(value) + 1 || null,
            columnName: value,
            value: cellText((columns[value] as unknown[])[i]),
            reason: reasonOf(error),
          });
        },
      });
      tallySlow();
    }
    // Stopping, the first problem throws here; skipping, `end` is the whole batch.
    for (const problem of batch.problems) handleProblem(input, stats, problem);
    for (const t of tables) merged = mergeCounts(merged, t);
  }
  if (distinct === null) return merged;
  counter?.finish();
  // With no row tallied in batches, the distinct tally's table is the file's.
  return merged.cells.length === 0 ? distinct.table() : mergeCounts(merged, distinct.table());
}
