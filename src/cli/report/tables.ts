/**
 * The report's tables: every number a chart shows is also in a table, so
 * nothing is only in a picture. Each number cell carries `data-field` and each
 * row `data-segment` (and `data-period` when it has one), so the table can be
 * read back by a program as well as by a person.
 */
import { DASH, escapeHtml, formatBoolean, formatNumber, formatP } from './format.js';
import type { ReportRow, ReportSection, ReportTrend } from './model.js';
import { hasPeriods } from './shape.js';

/** The marker shown in the "significant" column of a significant change or trend. */
export const SIGNIFICANT_MARKER = '◆ significant';

/** A number cell: right-aligned, named by `data-field` for programs that read the table back. */
function numberCell(field: string, text: string): string {
  return `<td class="num" data-field="${field}">${escapeHtml(text)}</td>`;
}

/** The "significant" cell: the visible marker when significant, else `no` or a dash. */
function significantCell(significant: boolean | null): string {
  return significant === true ? `<td><span class="marker">${SIGNIFICANT_MARKER}</span></td>` : `<td>${formatBoolean(significant)}</td>`;
}

/**
 * A row's flags as badges, each with its code in `data-flag` (escaped like
 * any text: flags are shown as the caller wrote them).
 *
 * @example
 * flagBadges(['below-min-count']) // => '<span class="badge" data-flag="below-min-count">below-min-count</span>'
 */
export function flagBadges(flags: readonly string[]): string {
  return flags.map((flag) => `<span class="badge" data-flag="${escapeHtml(flag)}">${escapeHtml(flag)}</span>`).join('');
}

/** A row's element attributes: its segment and period for read-back, and classes for highlighting. */
function rowAttributes(segment: string, period: string | null, classes: readonly string[]): string {
  const cls = classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
  const periodAttribute = period === null ? '' : ` data-period="${escapeHtml(period)}"`;
  return `data-segment="${escapeHtml(segment)}"${periodAttribute}${cls}`;
}

/** The classes of a row: `significant` for a significant change, `below-min-count` to grey its numbers. */
function rowClasses(row: ReportRow): string[] {
  const classes: string[] = [];
  if (row.significant === true) classes.push('significant');
  if (row.flags.includes('below-min-count')) classes.push('below-min-count');
  return classes;
}

/**
 * The table of a section's rows, in the model's order: segment, period (when
 * the section has periods), n, value, lower, upper, then p, adjusted p and
 * significant (when changes were asked for), then flags. Counts, values and
 * interval ends are shown as `String(x)`, p-values with `toPrecision(3)`,
 * missing numbers as a dash. A row without a period has no `data-period`.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: null, rows: [row], changes: null, trends: null, notes: [] };
 * const lines = rowsTable(section).split('\n');
 * lines[0].startsWith('<table class="rows" data-table="rows" id="rows-nps"><caption>NPS (points) by segment, with the interval (lower, upper)</caption>') // => true
 * lines[1] // => '<tr data-segment="EU"><th scope="row">EU</th><td class="num" data-field="n">120</td><td class="num" data-field="value">40</td><td class="num" data-field="lower">30</td><td class="num" data-field="upper">50</td><td></td></tr>'
 * lines[2] // => '</tbody></table>'
 */
export function rowsTable(section: ReportSection): string {
  const periods = hasPeriods(section);
  const changes = section.changes !== null;
  const head = [
    '<th scope="col">Segment</th>',
    periods ? '<th scope="col">Period</th>' : '',
    '<th scope="col" class="num">n</th>',
    `<th scope="col" class="num">${escapeHtml(section.valueLabel)}</th>`,
    '<th scope="col" class="num">Lower</th>',
    '<th scope="col" class="num">Upper</th>',
    changes ? '<th scope="col" class="num">p</th><th scope="col" class="num">Adjusted p</th><th scope="col">Significant</th>' : '',
    '<th scope="col">Flags</th>',
  ].join('');
  const body = section.rows.map((row) =>
    [
      `<tr ${rowAttributes(row.segment, row.period, rowClasses(row))}>`,
      `<th scope="row">${escapeHtml(row.segment)}</th>`,
      periods ? `<td class="period">${escapeHtml(row.period ?? DASH)}</td>` : '',
      numberCell('n', formatNumber(row.n)),
      numberCell('value', formatNumber(row.value)),
      numberCell('lower', formatNumber(row.lower)),
      numberCell('upper', formatNumber(row.upper)),
      changes ? numberCell('p', formatP(row.p)) + numberCell('pAdjusted', formatP(row.pAdjusted)) + significantCell(row.significant) : '',
      `<td>${flagBadges(row.flags)}</td>`,
      '</tr>',
    ].join(''),
  );
  const caption = `${escapeHtml(section.valueLabel)} by segment${periods ? ' and period' : ''}, with the interval (lower, upper)`;
  return `<table class="rows" data-table="rows" id="rows-${escapeHtml(section.id)}"><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/**
 * The table of a section's trends: segment, slope with its interval (lower,
 * upper) shown as `String(x)`, adjusted p with `toPrecision(3)`, significant,
 * and the slope's unit. Number cells carry `data-field` (`slope`, `lower`,
 * `upper`, `pAdjusted`) and rows `data-segment`.
 *
 * @example
 * const eu = { segment: 'EU', slope: 1.5, lower: 0.5, upper: 2.5, pAdjusted: 0.0123456, significant: true, unit: 'points per month' };
 * const lines = trendsTable([eu], 'nps').split('\n');
 * lines[0].startsWith('<table class="trends" data-table="trends" id="trends-nps">') // => true
 * lines[1] // => '<tr data-segment="EU" class="significant"><th scope="row">EU</th><td class="num" data-field="slope">1.5</td><td class="num" data-field="lower">0.5</td><td class="num" data-field="upper">2.5</td><td class="num" data-field="pAdjusted">0.0123</td><td><span class="marker">◆ significant</span></td><td>points per month</td></tr>'
 */
export function trendsTable(trends: readonly ReportTrend[], sectionId: string): string {
  const head =
    '<th scope="col">Segment</th><th scope="col" class="num">Slope</th><th scope="col" class="num">Lower</th><th scope="col" class="num">Upper</th>' +
    '<th scope="col" class="num">Adjusted p</th><th scope="col">Significant</th><th scope="col">Unit</th>';
  const body = trends.map((trend) =>
    [
      `<tr ${rowAttributes(trend.segment, null, trend.significant === true ? ['significant'] : [])}>`,
      `<th scope="row">${escapeHtml(trend.segment)}</th>`,
      numberCell('slope', formatNumber(trend.slope)),
      numberCell('lower', formatNumber(trend.lower)),
      numberCell('upper', formatNumber(trend.upper)),
      numberCell('pAdjusted', formatP(trend.pAdjusted)),
      significantCell(trend.significant),
      `<td>${escapeHtml(trend.unit)}</td>`,
      '</tr>',
    ].join(''),
  );
  return `<table class="trends" data-table="trends" id="trends-${escapeHtml(sectionId)}"><caption>Trend per segment: slope over the periods, with its interval</caption><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
