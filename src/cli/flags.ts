/**
 * The flags the commands share, declared once: input, output, segments and
 * periods, comparisons, result options. Each command's own flags are in
 * `commands.ts`.
 */
import { PROPORTION_METHODS } from '../core/stats/proportion-intervals.js';
import { PERIOD_UNITS } from '../core/time/periods.js';
import { DIALECTS } from '../sql/dialects.js';
import type { Flag } from './args.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The output formats. */
export const OUTPUT_FORMATS = ['table', 'csv', 'ndjson', 'json', 'markdown'] as const;
/** An output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Reading the input file. */
export const INPUT_FLAGS: readonly Flag[] = [
  {
    name: 'input-format',
    kind: { type: 'choice', choices: ['csv', 'tsv', 'json', 'ndjson'] },
    help: 'the input format (default: from the extension; required for standard input)',
  },
  { name: 'delimiter', kind: { type: 'string' }, value: 'CHAR', help: "CSV/TSV field delimiter, one character (default ',' for CSV, tab for TSV)" },
  {
    name: 'on-invalid',
    kind: { type: 'choice', choices: ['stop', 'skip'] },
    help: 'an invalid row stops the run (default) or is skipped and counted per reason',
  },
];

/** Where the tallies are counted: the command line's own reader, DuckDB, or a SQL engine the query is printed for. */
export const ENGINE_FLAGS: readonly Flag[] = [
  {
    name: 'engine',
    kind: { type: 'choice', choices: ['cxmetrics', 'duckdb'] },
    help: "who reads the file: the command line's own reader (default; DuckDB for .parquet) or DuckDB (install @duckdb/node-api)",
  },
  {
    name: 'sql',
    kind: { type: 'choice', choices: DIALECTS },
    help: 'print the query that tallies the table FILE names (schema.table) in this SQL dialect instead of reading a file',
  },
];

/** Writing the results. */
export const OUTPUT_FLAGS: readonly Flag[] = [
  { name: 'format', kind: { type: 'choice', choices: OUTPUT_FORMATS }, help: 'output format (default: table on a terminal, csv otherwise)' },
  { name: 'out', short: 'o', kind: { type: 'string' }, value: 'FILE', help: 'write the output to FILE (atomically: a failed run leaves no file)' },
  { name: 'html', kind: { type: 'string' }, value: 'FILE', help: 'also write a self-contained HTML report with charts to FILE' },
  { name: 'quiet', short: 'q', kind: { type: 'boolean' }, help: 'no progress line on a terminal' },
  { name: 'help', short: 'h', kind: { type: 'boolean' }, help: 'show this help' },
];

/** Segments and calendar periods. */
export const PERIOD_FLAGS: readonly Flag[] = [
  { name: 'by', kind: { type: 'list' }, value: 'COL,COL', help: 'segment by these columns' },
  { name: 'missing-key', kind: { type: 'string' }, value: 'LABEL', help: 'label for rows whose --by column is empty (default: such a row is invalid)' },
  { name: 'period', kind: { type: 'choice', choices: [...PERIOD_UNITS] }, help: 'calendar periods of the --time column' },
  { name: 'tz', kind: { type: 'string' }, value: 'ZONE', help: "IANA time zone whose calendar cuts the periods (default 'UTC')" },
  { name: 'week-start', kind: { type: 'choice', choices: WEEKDAYS }, help: "first day of a week with --period week (default 'mon', ISO weeks)" },
  { name: 'year-start', kind: { type: 'integer', min: 1, max: 12 }, help: 'first month of a year and its quarters (default 1; another gives fiscal years)' },
  {
    name: 'as-of',
    kind: { type: 'string' },
    value: 'TIME',
    help: 'when the data were exported (ISO 8601 with an offset): its period is flagged incomplete-period',
  },
];

/** Segment tables of the survey and support metrics: periods by a time or label column, and the comparisons. */
export const SEGMENT_FLAGS: readonly Flag[] = [
  ...PERIOD_FLAGS.map((f) =>
    f.name === 'period'
      ? {
          ...f,
          kind: { type: 'choice' as const, choices: [...PERIOD_UNITS, 'label'] },
          help: 'calendar periods of the --time column, or label: the --time column holds period labels (campaigns)',
        }
      : f,
  ),
  { name: 'time', kind: { type: 'string' }, value: 'COLUMN', help: 'the column holding each row’s instant (or label, with --period label)' },
  {
    name: 'min-count',
    kind: { type: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER },
    help: 'flag cells with fewer rows (below-min-count) and leave them out of comparisons',
  },
  { name: 'totals', kind: { type: 'boolean' }, help: 'add total rows, each dimension rolled up in turn' },
  {
    name: 'changes',
    kind: { type: 'choice', choices: ['previous', 'first', 'rest', 'total'] },
    help: 'compare each cell with a baseline: the previous or first period, the other segments, or the total',
  },
  { name: 'adjust', kind: { type: 'choice', choices: ['holm', 'bh', 'none'] }, help: "correction of p-values for many comparisons (default 'holm')" },
  { name: 'trend', kind: { type: 'boolean' }, help: 'fit and test a straight line through each segment’s periods' },
];

/** The rounding and interval options every metric takes. */
export const RESULT_FLAGS: readonly Flag[] = [
  { name: 'decimals', kind: { type: 'integer', min: 0, max: 15 }, help: 'decimal places of values and intervals (default 1; 2 for times)' },
  { name: 'rounding', kind: { type: 'choice', choices: ['half-up', 'half-even'] }, help: "how ties round (default 'half-up')" },
  { name: 'level', kind: { type: 'number' }, value: '0.95', help: 'confidence level of intervals, comparisons and trends (default 0.95)' },
];

/** `--interval` for metrics whose intervals are proportion intervals. */
export const PROPORTION_INTERVAL: Flag = {
  name: 'interval',
  kind: { type: 'choice', choices: [...PROPORTION_METHODS, 'none'] },
  help: "interval method, or none (default 'wilson')",
};

/** `--scale MIN-MAX`. */
export const SCALE: Flag = { name: 'scale', kind: { type: 'string' }, value: 'MIN-MAX', help: 'the answer scale, e.g. 1-5' };

/** `--missing`. */
export const MISSING: Flag = {
  name: 'missing',
  kind: { type: 'choice', choices: ['error', 'exclude'] },
  help: "an empty answer is invalid (default 'error') or excluded and counted in excluded",
};

/** `--weight COLUMN`. */
export const WEIGHT: Flag = { name: 'weight', kind: { type: 'string' }, value: 'COLUMN', help: 'the column holding each answer’s survey weight' };

/** `--labels`: text answers to scores. */
export const LABELS: Flag = {
  name: 'labels',
  kind: { type: 'string' },
  value: 'JSON|FILE',
  help: 'text answers to scores: a JSON object ({"Satisfied": 4}) or a file holding one',
};

/** The time flags of the ticket metrics. */
export const TICKET_FLAGS: readonly Flag[] = [
  { name: 'statistic', kind: { type: 'choice', choices: ['median', 'mean'] }, help: "the headline statistic (default 'median')" },
  {
    name: 'open',
    kind: { type: 'choice', choices: ['exclude', 'censor'] },
    help: "open tickets are left out (default 'exclude') or censored at --as-of (Kaplan-Meier)",
  },
  { name: 'business-hours', kind: { type: 'string' }, value: 'FILE', help: 'count only business hours: a JSON file { timeZone, days, holidays }' },
  { name: 'interval', kind: { type: 'choice', choices: ['order-statistics', 'none'] }, help: "interval of the median, or none (default 'order-statistics')" },
  { name: 'time-unit', kind: { type: 'choice', choices: ['ms', 's', 'min', 'h', 'd'] }, help: "unit of the durations shown (default 'h')" },
];
