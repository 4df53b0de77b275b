/**
 * Writing results: the long tables in each output format, and files
 * written atomically (a temporary file in the same folder, renamed over the
 * target once complete).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFormat } from './flags.js';
import type { Cell, OutputTable } from './results.js';

/** What the JSON output's metadata holds besides the rows. */
export interface Metadata {
  readonly cxmetrics: string;
  readonly command: string;
  readonly input: string;
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  readonly skipped: readonly { readonly reason: string; readonly count: number; readonly lines: readonly number[] }[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly changes: { readonly against: string; readonly adjust: string; readonly comparisons: number } | null;
}

/** A cell as CSV or Markdown text: empty for null, flags joined by `;`. */
function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join(';');
  return String(cell);
}

/** A CSV field, quoted when it holds the delimiter, a quote, CR or LF (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(table: OutputTable): string {
  const lines = [table.columns.map(csvField).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(cellText(row[c] ?? null))).join(','));
  return `${lines.join('\n')}\n`;
}

function ndjson(table: OutputTable): string {
  return (
    table.rows.map((row) => JSON.stringify(Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null])))).join('\n') + (table.rows.length > 0 ? '\n' : '')
  );
}

function markdownTable(table: OutputTable): string {
  const esc = (s: string) => s.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [`| ${table.columns.map(esc).join(' | ')} |`, `|${table.columns.map(() => ' --- ').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${table.columns.map((c) => esc(cellText(row[c] ?? null))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/**
 * The terminal table: aligned columns; a value shown with its interval
 * (`23.4 (12.1 to 34.0)`); an adjusted p-value with a `*` when the change
 * survives the correction; flags last.
 */
function terminalTable(table: OutputTable): string {
  const interval = table.columns.includes('value') && table.columns.includes('lower') && table.columns.includes('upper');
  const columns = table.columns.filter((c) => !(interval && (c === 'lower' || c === 'upper')) && c !== 'significant' && c !== 'p');
  const show = (row: Readonly<Record<string, Cell>>, c: string): string => {
    const v = row[c] ?? null;
    if (c === 'value' && interval) {
      if (v === null) return '—';
      const lo = row.lower ?? null;
      const hi = row.upper ?? null;
      return lo === null || hi === null ? String(v) : `${v} (${lo} to ${hi})`;
    }
    if (c === 'p_adjusted') {
      if (v === null) return '';
      const p = Number(v).toPrecision(3);
      return row.significant === true ? `${p} *` : p;
    }
    if (Array.isArray(v)) return v.join(', ');
    return v === null ? '' : String(v);
  };
  const unit = table.unit === undefined ? '' : `, ${table.unit}`;
  const header = columns.map((c) => (c === 'value' && interval ? `value${unit} (interval)` : c));
  const body = table.rows.map((row) => columns.map((c) => show(row, c)));
  const numeric = columns.map((c) => table.rows.some((r) => typeof r[c] === 'number') && c !== 'value');
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((s, i) => (numeric[i] ? s.padStart(widths[i] as number) : s.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}

/** The output of a run in a format: the cell table, and for formats that hold two tables, the trends. */
export function formatOutput(format: OutputFormat, table: OutputTable, trends: OutputTable | null, metadata: Metadata): string {
  switch (format) {
    case 'csv':
      return csv(table);
    case 'ndjson':
      return ndjson(table);
    case 'markdown':
      return trends === null ? markdownTable(table) : `${markdownTable(table)}\n**Trends**\n\n${markdownTable(trends)}`;
    case 'table': {
      const notes: string[] = [];
      if (metadata.changes !== null)
        notes.push(
          `changes against ${metadata.changes.against}: ${metadata.changes.comparisons} comparison${metadata.changes.comparisons === 1 ? '' : 's'}, p-values adjusted by ${metadata.changes.adjust}; * marks a change that survives the correction`,
        );
      if (metadata.rowsSkipped > 0) notes.push(`${metadata.rowsSkipped} invalid rows skipped (see standard error)`);
      const main = terminalTable(table) + notes.map((n) => `\n${n}`).join('') + (notes.length > 0 ? '\n' : '');
      return trends === null ? main : `${main}\nTrends\n${terminalTable(trends)}`;
    }
    case 'json': {
      const rows = (t: OutputTable) => t.rows.map((row) => Object.fromEntries(t.columns.map((c) => [c, row[c] ?? null])));
      return `${JSON.stringify({ metadata, rows: rows(table), ...(trends === null ? {} : { trends: rows(trends) }) }, null, 2)}\n`;
    }
    default: {
      const never: never = format;
      return never;
    }
  }
}

/**
 * Writes a file atomically: the text goes to a temporary file beside the
 * target (its folder made if missing), which is renamed over it once
 * written, so a reader never sees a partial file and a failed run leaves
 * none. An error names the target.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (e) {
    // The temporary file may not exist, or its folder may be a file: the error to report is the first one.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new Error(`cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}
