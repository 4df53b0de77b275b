/**
 * The shape of a section's rows: which segments and periods it has, in which
 * order, and which rows belong to its last period. The charts and the tables
 * read the rows through these, so both show them in the same order.
 */
import type { ReportRow, ReportSection } from './model.js';

/** The units whose period labels this library writes as zero-padded calendar labels (`'2026-03'`, `'2026-W09'`, `'FY2026-Q1'`). */
const CALENDAR_UNITS: ReadonlySet<string> = new Set(['day', 'week', 'month', 'quarter', 'year']);

/** A calendar label: an optional fiscal `FY`, a year of 4 digits or a signed 6-digit extended year, then the rest. */
const CALENDAR_LABEL = /^(FY)?([+-]\d{6}|\d{4})(.*)$/;

/**
 * Whether a section has periods: its `periodUnit` is set or some row has a period.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: null, rows: [row], changes: null, trends: null, notes: [] };
 * hasPeriods(section) // => false
 * hasPeriods({ ...section, rows: [{ ...row, period: '2026-03' }] }) // => true
 */
export function hasPeriods(section: ReportSection): boolean {
  return section.periodUnit !== null || section.rows.some((row) => row.period !== null);
}

/**
 * The segments of a section, each once, in the order they first appear in its rows.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: null, rows: [row], changes: null, trends: null, notes: [] };
 * const us = { ...row, segment: 'US', key: { region: 'US' } };
 * sectionSegments({ ...section, rows: [{ ...row, period: '2026-01' }, { ...us, period: '2026-01' }, { ...row, period: '2026-02' }] }) // => ['EU', 'US']
 */
export function sectionSegments(section: ReportSection): string[] {
  return [...new Set(section.rows.map((row) => row.segment))];
}

/**
 * The periods of a section, each once, in time order. Calendar labels
 * (`periodUnit` day to year) sort by year, then by the rest of the label,
 * which this library zero-pads so text order is time order; any other labels
 * (`'label'` periods, or a label that is not a calendar one) keep the order in
 * which they first appear in the rows. Rows without a period are left out.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: null, rows: [row], changes: null, trends: null, notes: [] };
 * const rows = ['2026-02', '2025-12', '2026-01', '2026-02'].map((period) => ({ ...row, period }));
 * sectionPeriods({ ...section, periodUnit: 'month', rows }) // => ['2025-12', '2026-01', '2026-02']
 * sectionPeriods({ ...section, periodUnit: 'label', rows }) // => ['2026-02', '2025-12', '2026-01']
 */
export function sectionPeriods(section: ReportSection): string[] {
  const periods = [...new Set(section.rows.flatMap((row) => (row.period === null ? [] : [row.period])))];
  if (section.periodUnit === null || !CALENDAR_UNITS.has(section.periodUnit)) return periods;
  const keys = periods.map((label) => CALENDAR_LABEL.exec(label));
  if (keys.some((m) => m === null)) return periods;
  const order = periods.map((label, i) => ({ label, year: Number(keys[i]![2]), rest: keys[i]![3]! }));
  order.sort((a, b) => a.year - b.year || (a.rest < b.rest ? -1 : a.rest > b.rest ? 1 : 0));
  return order.map((o) => o.label);
}

/**
 * The rows a section's segment chart shows: those of its last period, or all
 * rows when it has no periods.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: null, rows: [row], changes: null, trends: null, notes: [] };
 * const january = { ...row, period: '2026-01' };
 * const february = { ...row, period: '2026-02' };
 * lastPeriodRows({ ...section, periodUnit: 'month', rows: [february, january] }) // => { period: '2026-02', rows: [february] }
 * lastPeriodRows(section) // => { period: null, rows: [row] }
 */
export function lastPeriodRows(section: ReportSection): { readonly period: string | null; readonly rows: readonly ReportRow[] } {
  if (!hasPeriods(section)) return { period: null, rows: section.rows };
  const period = sectionPeriods(section).at(-1) ?? null;
  return { period, rows: section.rows.filter((row) => row.period === period) };
}
