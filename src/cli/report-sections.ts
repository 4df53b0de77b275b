/**
 * A run's results as a section of the HTML report: the rows with a
 * segment label, value, interval, comparison and flags, whatever the
 * command.
 */
import type { ReportRow, ReportSection, ReportTrend } from './report/model.js';
import { type Cell, type OutputTable, segmentLabel } from './results.js';
import type { Outcome } from './run.js';

const num = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : typeof c === 'string' && c !== '' ? Number(c) : null);
const flagsOf = (c: Cell | undefined): string[] => (Array.isArray(c) ? [...c] : []);

function keyOf(row: Readonly<Record<string, Cell>>, by: readonly string[]): Record<string, string | number | boolean | null> {
  const key: Record<string, string | number | boolean | null> = {};
  for (const d of by) key[d] = (row[d] ?? null) as string | number | boolean | null;
  return key;
}

/** The rows of a section, by the kind of table the command wrote. */
function reportRows(outcome: Outcome): ReportRow[] {
  const t: OutputTable = outcome.table;
  const cohorts = t.columns.includes('cohort');
  const series = t.columns.includes('ending_mrr');
  return t.rows.map((row) => {
    const key = keyOf(row, t.by);
    const base = segmentLabel(key, t.by);
    const segment = cohorts ? `${t.by.length === 0 ? '' : `${base} / `}cohort ${row.cohort}` : base;
    const value = series ? num(row.ending_mrr) : cohorts ? num(row.percent) : num(row.value);
    return {
      segment,
      key,
      period: (row.period ?? null) as string | null,
      n: (series ? num(row.customers_at_end) : cohorts ? num(row.customers) : num(row.n)) ?? 0,
      value,
      lower: num(row.lower),
      upper: num(row.upper),
      p: num(row.p),
      pAdjusted: num(row.p_adjusted),
      significant: typeof row.significant === 'boolean' ? row.significant : null,
      flags: flagsOf(row.flags),
    };
  });
}

function reportTrends(outcome: Outcome): ReportTrend[] | null {
  const t = outcome.trends;
  if (t === null) return null;
  const unit = outcome.periodUnit === null ? 'period' : outcome.periodUnit;
  return t.rows.map((row) => ({
    segment: segmentLabel(keyOf(row, t.by), t.by),
    slope: num(row.slope),
    lower: num(row.lower),
    upper: num(row.upper),
    pAdjusted: num(row.p_adjusted),
    significant: typeof row.significant === 'boolean' ? row.significant : null,
    unit: `per ${unit}`,
  }));
}

/** A section of the report from a run's outcome. */
export function reportSection(outcome: Outcome, id: string, notes: readonly string[]): ReportSection {
  const by = outcome.table.by;
  const periods = outcome.periodUnit === null ? '' : outcome.periodUnit === 'label' ? ', per period label' : `, per ${outcome.periodUnit}`;
  return {
    id,
    title: `${outcome.valueLabel}${by.length === 0 ? '' : ` by ${by.join(', ')}`}${periods}`,
    input: outcome.input,
    valueLabel: outcome.valueLabel,
    by,
    periodUnit: outcome.periodUnit,
    rows: reportRows(outcome),
    changes: outcome.changes,
    trends: reportTrends(outcome),
    notes,
  };
}
