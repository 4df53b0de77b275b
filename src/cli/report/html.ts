/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no
 * URL) with, for each section, a trend chart per segment, a dot plot of the
 * segments in the last period, and beside them the tables with the same
 * numbers. ECharts draws the charts and is loaded only when a report is made.
 */
import { dotPlotOption, dotPlotSize, type Echarts, niceRange, plottedNumbers, renderChart, TREND_CHART_SIZE, trendChartOption } from './charts.js';
import { escapeHtml } from './format.js';
import type { ReportModel, ReportSection } from './model.js';
import { hasPeriods, lastPeriodRows, sectionPeriods, sectionSegments } from './shape.js';
import { REPORT_CSS } from './style.js';
import { rowsTable, SIGNIFICANT_MARKER, trendsTable } from './tables.js';

/** At most this many trend charts per section; the table still lists every segment. */
export const TREND_CHART_LIMIT = 12;

/** At most this many segments in a section's dot plot; the table still lists every segment. */
export const DOT_PLOT_LIMIT = 40;

/**
 * What the page allows itself: no script, no request of any kind; only inline
 * styles (the page's stylesheet and the `style` attributes ECharts writes on
 * its text).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The facts of a section as a definition list: input, value, segments, periods, changes. */
function sectionMeta(section: ReportSection): string {
  const items: [string, string][] = [
    ['Input', section.input],
    ['Value', section.valueLabel],
    ['Segments by', section.by.length === 0 ? 'none (all rows)' : section.by.join(', ')],
    ['Periods', section.periodUnit ?? 'none'],
  ];
  if (section.changes !== null) {
    const { against, adjust, comparisons } = section.changes;
    items.push(['Changes', `against ${against}, p adjusted by ${adjust} over ${comparisons} comparison${comparisons === 1 ? '' : 's'}`]);
  }
  return `<dl class="meta">${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

/** The key to the charts' marks, in HTML so it reads like the table's marker; a mark no row has is left out. */
function legend(section: ReportSection, periods: boolean): string {
  const flagged = (flag: string): boolean => section.rows.some((row) => row.flags.includes(flag));
  const parts = [
    '<span><i class="swatch line"></i>value</span>',
    `<span><i class="swatch band"></i>interval${periods ? ' (band)' : ''} and whiskers: lower to upper</span>`,
    section.rows.some((row) => row.significant === true)
      ? `<span><i class="swatch sig">◆</i>significant change (${SIGNIFICANT_MARKER} in the table)</span>`
      : '',
    flagged('incomplete-period') ? '<span><i class="swatch hollow"></i>incomplete period</span>' : '',
    flagged('below-min-count') ? '<span><i class="swatch weak"></i>below the minimum count</span>' : '',
  ];
  return `<p class="legend">${parts.join('')}</p>`;
}

/** A figure holding one chart's SVG and its caption. */
function figure(className: string, svg: string, caption: string): string {
  return `<figure class="${className}">${svg}${caption === '' ? '' : `<figcaption>${caption}</figcaption>`}</figure>`;
}

/** The section's charts: trend small multiples (when it has periods), then the dot plot; and the notes they need. */
function sectionCharts(echarts: Echarts, section: ReportSection): { readonly html: string; readonly notes: readonly string[] } {
  const segments = sectionSegments(section);
  const notes: string[] = [];
  const tableLink = `<a href="#rows-${escapeHtml(section.id)}">the table</a>`;
  const parts: string[] = [];
  if (hasPeriods(section)) {
    const periods = sectionPeriods(section);
    const range = niceRange(plottedNumbers(section.rows));
    const shown = segments.slice(0, TREND_CHART_LIMIT);
    if (segments.length > shown.length) {
      notes.push(`Trend charts are drawn for the first ${shown.length} of ${segments.length} segments; the table lists every segment.`);
    }
    const charts = shown.map((segment) => {
      const rows = section.rows.filter((row) => row.segment === segment && row.period !== null);
      const svg = renderChart(
        echarts,
        trendChartOption(segment, periods, rows, section.valueLabel, range),
        TREND_CHART_SIZE,
        `${section.valueLabel} of ${segment} per period`,
      );
      return figure('trend', svg, '');
    });
    parts.push(
      `<div class="trend-grid">${charts.join('\n')}</div>`,
      `<p class="chart-note">Trend per ${escapeHtml(section.periodUnit ?? 'period')}, one chart per segment on a shared scale; the numbers are in ${tableLink}.</p>`,
    );
  }
  const last = lastPeriodRows(section);
  const plotted = last.rows.slice(0, DOT_PLOT_LIMIT);
  if (last.rows.length > plotted.length) {
    notes.push(`The segment chart shows the first ${plotted.length} of ${last.rows.length} segments; the table lists every segment.`);
  }
  const incomplete = last.rows.length > 0 && last.rows.every((row) => row.flags.includes('incomplete-period'));
  const title = last.period === null ? 'Segments' : `Segments in ${last.period}${incomplete ? ' (incomplete period)' : ''}`;
  const size = dotPlotSize(plotted.length);
  const svg = renderChart(echarts, dotPlotOption(plotted, title, section.valueLabel), size, `${section.valueLabel}: ${title}, with intervals`);
  const caption = `${escapeHtml(title)}: each segment's value with its interval; the numbers are in ${tableLink}.`;
  parts.push(figure('dot-plot', svg, caption));
  return { html: parts.join('\n'), notes };
}

/** One section: heading, facts, legend, charts beside tables, notes. */
function renderSection(echarts: Echarts, section: ReportSection): string {
  const heading = `<h2>${escapeHtml(section.title)}</h2>${sectionMeta(section)}`;
  if (section.rows.length === 0) {
    const notes = ['No rows.', ...section.notes];
    return `<section class="report-section" id="section-${escapeHtml(section.id)}">${heading}<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>`;
  }
  const charts = sectionCharts(echarts, section);
  const tables = [rowsTable(section)];
  if (section.trends !== null) tables.push(section.trends.length === 0 ? '<p>No trends.</p>' : trendsTable(section.trends, section.id));
  const notes = [...charts.notes, ...section.notes];
  return [
    `<section class="report-section" id="section-${escapeHtml(section.id)}">`,
    heading,
    legend(section, hasPeriods(section)),
    `<div class="section-body"><div class="charts">${charts.html}</div><div class="tables">${tables.join('\n')}</div></div>`,
    notes.length === 0 ? '' : `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/**
 * Renders a report as one self-contained HTML page: inline CSS, inline SVG
 * charts drawn by ECharts' server-side renderer, no script, and no URL other
 * than links to its own sections (a Content-Security-Policy forbids every
 * request). All text is escaped.
 *
 * Each section shows, when it has periods, a trend chart per segment (the
 * value as a line, its interval as a shaded band; at most
 * {@link TREND_CHART_LIMIT}, with a note when there are more), then a dot plot
 * of the segments with interval whiskers for the last period (or for the only
 * cell without periods; at most {@link DOT_PLOT_LIMIT} segments). Beside the
 * charts, the table with the same numbers: segment, period, n, value, lower,
 * upper, and p, adjusted p and significant when changes were asked for, and
 * flags as badges. Significant rows are highlighted and marked
 * `◆ significant`; rows flagged `below-min-count` have their numbers greyed.
 * A trends table follows when `trends` is not `null`.
 *
 * Counts, values and interval ends appear exactly as `String(x)` (the caller
 * rounds them), p-values as `p.toPrecision(3)`, missing numbers as `—`. Number
 * cells carry `data-field` (`n`, `value`, `lower`, `upper`, `p`,
 * `pAdjusted`), rows `data-segment` and `data-period`.
 *
 * Periods are ordered in time for calendar units and by first appearance for
 * `'label'` periods; rows are listed in the model's order.
 *
 * @param model - The report; its numbers already rounded for display.
 * @returns The page's HTML, starting with `<!doctype html>`.
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: '2026-06', n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const section = { id: 'nps', title: 'NPS by region', input: 'answers.csv', valueLabel: 'NPS (points)', by: ['region'], periodUnit: 'month', rows: [row], changes: null, trends: null, notes: [] };
 * const page = renderReport({ title: 'NPS', generatedAt: '2026-07-01T00:00:00Z', version: '0.1.0', sections: [section] });
 * page instanceof Promise // => true
 * // `await page` is the HTML, starting with '<!doctype html>'.
 */
export async function renderReport(model: ReportModel): Promise<string> {
  // Loaded here, not at the top: the command line pays for ECharts only when a report is asked for.
  const echarts = await import('echarts');
  const sections = model.sections.map((section) => renderSection(echarts, section));
  const nav =
    model.sections.length > 1
      ? `<nav aria-label="Sections"><ul>${model.sections.map((s) => `<li><a href="#section-${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ul></nav>`
      : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="cxmetrics ${escapeHtml(model.version)}">`,
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(model.title)}</h1><p>Generated ${escapeHtml(model.generatedAt)} by cxmetrics ${escapeHtml(model.version)}.</p>${nav}</header>`,
    '<main>',
    ...sections,
    '</main>',
    `<footer>Charts drawn with Apache ECharts ${escapeHtml(echarts.version)}. Every number in a chart is also in the table beside it.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
