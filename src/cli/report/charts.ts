/**
 * The report's charts, drawn by ECharts' server-side SVG renderer: a trend
 * chart per segment (the value as a line, its interval as a shaded band) and a
 * dot plot of the segments with interval whiskers. The option builders are
 * plain functions of the rows; {@link renderChart} is the one place that
 * drives ECharts, which the caller loads lazily and passes in.
 */
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { escapeHtml } from './format.js';
import type { ReportRow } from './model.js';

/** The ECharts module, as `await import('echarts')` gives it. */
export type Echarts = typeof import('echarts');

/** A chart's size in CSS pixels. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** The colours of the charts, shared with the page's legend. */
export const COLORS = {
  value: '#2f5597',
  band: 'rgba(47, 85, 151, 0.18)',
  flagged: '#9aa0a6',
  significant: '#c55a11',
  text: '#1f2328',
} as const;

/** The size of one trend chart (small multiple). */
export const TREND_CHART_SIZE: ChartSize = { width: 360, height: 250 };

/**
 * How a cell's point is drawn: a significant change as an orange diamond; a
 * cell below the minimum count as a hollow grey dot; a cell of an incomplete
 * period as a hollow dot; any other as a filled dot. (ECharts strokes an
 * `emptyCircle` with the item's colour and fills it white.)
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * pointStyle(row).symbol // => 'circle'
 * pointStyle({ ...row, flags: ['incomplete-period'] }).symbol // => 'emptyCircle'
 * pointStyle({ ...row, significant: true, flags: ['below-min-count'] }).symbol // => 'diamond'
 */
export function pointStyle(row: ReportRow): {
  readonly symbol: 'diamond' | 'emptyCircle' | 'circle';
  readonly symbolSize: number;
  readonly itemStyle: { readonly color: string; readonly borderColor: string; readonly borderWidth: number };
} {
  if (row.significant === true)
    return { symbol: 'diamond', symbolSize: 12, itemStyle: { color: COLORS.significant, borderColor: COLORS.significant, borderWidth: 1 } };
  if (row.flags.includes('below-min-count'))
    return { symbol: 'emptyCircle', symbolSize: 8, itemStyle: { color: COLORS.flagged, borderColor: COLORS.flagged, borderWidth: 2 } };
  if (row.flags.includes('incomplete-period'))
    return { symbol: 'emptyCircle', symbolSize: 8, itemStyle: { color: COLORS.value, borderColor: COLORS.value, borderWidth: 2 } };
  return { symbol: 'circle', symbolSize: 7, itemStyle: { color: COLORS.value, borderColor: COLORS.value, borderWidth: 1 } };
}

/** A step of 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Drops the floating-point noise of `k * step` (`0.30000000000000004`), and `-0`. */
const tidy = (x: number): number => Number(x.toPrecision(12)) + 0;

/** A value axis from `min` to `max` with a tick every `step`. */
export interface AxisRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The axis options that fix a value axis to `range` (ticks at its steps), or let ECharts choose without one. */
function axisExtent(range: AxisRange | null): { min?: number; max?: number; interval?: number } {
  return range === null ? {} : { min: range.min, max: range.max, interval: range.step };
}

/**
 * An axis range that holds every number given, widened to multiples of a
 * round step (1, 2 or 5 times a power of ten, about a quarter of the spread),
 * so small multiples share one scale with readable ticks. `null` when there
 * are no numbers; a single number gets a range of 10% of it (or 1 at zero) on
 * each side.
 *
 * @example
 * niceRange([12.5, 47.3]) // => { min: 10, max: 50, step: 10 }
 * niceRange([]) // => null
 */
export function niceRange(xs: readonly number[]): AxisRange | null {
  if (xs.length === 0) return null;
  let lo = xs[0]!;
  let hi = xs[0]!;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    lo -= pad;
    hi += pad;
  }
  const step = tidy(niceStep((hi - lo) / 4));
  return { min: tidy(Math.floor(lo / step) * step), max: tidy(Math.ceil(hi / step) * step), step };
}

/**
 * Every value and interval end of `rows`: what an axis holding their points
 * and intervals must cover.
 *
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: null, n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * plottedNumbers([{ ...row, value: 40, lower: 30, upper: null }, { ...row, value: null, lower: 45, upper: 55 }]) // => [40, 30, 45, 55]
 */
export function plottedNumbers(rows: readonly ReportRow[]): number[] {
  return rows.flatMap((row) => [row.value, row.lower, row.upper].filter((x): x is number => x !== null));
}

/** ECharts' mark for a missing point: the line breaks there. */
const GAP = '-';

/**
 * The option of one segment's trend chart: the periods on x, the value as a
 * line with its points, and the interval as a band (a transparent line at the
 * lower end with the band's width stacked on it and filled). A period without
 * a row, a value or an interval leaves a gap. `range` is the y axis shared by
 * the section's small multiples.
 *
 * @param rows - The segment's rows; periods not in `periods` are not drawn.
 * @example
 * const row = { segment: 'EU / pro', key: { region: 'EU', plan: 'pro' }, period: '2026-01', n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const rows = [row, { ...row, period: '2026-02', value: 45, lower: null, upper: null }];
 * const option = trendChartOption('EU / pro', ['2026-01', '2026-02', '2026-03'], rows, 'NPS (points)', { min: 0, max: 60, step: 20 });
 * option.xAxis.data // => ['2026-01', '2026-02', '2026-03']
 * option.series.map((s) => s.name) // => ['lower', 'interval', 'value']
 * option.series[1].data // => [20, '-', '-']
 * option.series[2].data.map((point) => (point === '-' ? point : point.value)) // => [40, 45, '-']
 * [option.yAxis.min, option.yAxis.max, option.yAxis.interval] // => [0, 60, 20]
 */
export function trendChartOption(
  segment: string,
  periods: readonly string[],
  rows: readonly ReportRow[],
  valueLabel: string,
  range: AxisRange | null,
): EChartsOption {
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  const cells = periods.map((period) => byPeriod.get(period) ?? null);
  const hasBand = (row: ReportRow | null): row is ReportRow & { lower: number; upper: number } => row !== null && row.lower !== null && row.upper !== null;
  // The band is stacked on its lower end; 'all' stacks across signs, so a band below zero is drawn where it is.
  const band = { type: 'line', stack: 'interval', stackStrategy: 'all', symbol: 'none', silent: true, lineStyle: { opacity: 0 } } as const;
  return {
    animation: false,
    textStyle: { fontFamily: 'sans-serif', color: COLORS.text },
    title: { text: segment, left: 8, top: 6, textStyle: { fontSize: 13, width: TREND_CHART_SIZE.width - 16, overflow: 'truncate' } },
    grid: { left: 64, right: 18, top: 38, bottom: 34 },
    xAxis: { type: 'category', data: [...periods], boundaryGap: false, axisLabel: { fontSize: 10, hideOverlap: true } },
    yAxis: {
      type: 'value',
      scale: true,
      ...axisExtent(range),
      name: valueLabel,
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { fontSize: 10 },
      nameTruncate: { maxWidth: TREND_CHART_SIZE.height - 72 },
      axisLabel: { fontSize: 10 },
    },
    series: [
      { ...band, name: 'lower', data: cells.map((row) => (hasBand(row) ? row.lower : GAP)) },
      { ...band, name: 'interval', areaStyle: { color: COLORS.band, opacity: 1 }, data: cells.map((row) => (hasBand(row) ? row.upper - row.lower : GAP)) },
      {
        type: 'line',
        name: 'value',
        lineStyle: { color: COLORS.value, width: 2 },
        itemStyle: { color: COLORS.value },
        data: cells.map((row) => (row === null || row.value === null ? GAP : { value: row.value, ...pointStyle(row) })),
      },
    ],
  };
}

/** The height of a dot plot of `count` segments. */
export function dotPlotSize(count: number): ChartSize {
  return { width: 640, height: 96 + 30 * Math.max(count, 1) };
}

/**
 * The option of a dot plot: one line per segment (first at the top), its
 * value as a dot and its interval as a whisker with end caps. A segment
 * without a value has no dot, one without both interval ends no whisker.
 *
 * @param rows - One row per segment, in the order shown.
 * @param title - The chart's title, e.g. `'Segments in 2026-06'`.
 * @example
 * const row = { segment: 'EU', key: { region: 'EU' }, period: '2026-06', n: 120, value: 40, lower: 30, upper: 50, p: null, pAdjusted: null, significant: null, flags: [] };
 * const option = dotPlotOption([row, { ...row, segment: 'US', value: 12.5, lower: 2.5, upper: 22.5 }], 'Segments in 2026-06', 'NPS (points)');
 * option.yAxis.data // => ['EU', 'US']
 * option.series[0].data // => [[30, 50, 0], [2.5, 22.5, 1]]
 * option.series[1].data.map((point) => point.value) // => [[40, 0], [12.5, 1]]
 * [option.xAxis.min, option.xAxis.max, option.xAxis.interval] // => [0, 60, 20]
 */
export function dotPlotOption(rows: readonly ReportRow[], title: string, valueLabel: string): EChartsOption {
  const range = niceRange(plottedNumbers(rows));
  const whiskers = rows.flatMap((row, index) => (row.lower !== null && row.upper !== null ? [{ index, lower: row.lower, upper: row.upper, row }] : []));
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const whisker = whiskers[params.dataIndex]!;
    const [x1, y] = api.coord([whisker.lower, whisker.index]) as [number, number];
    const [x2] = api.coord([whisker.upper, whisker.index]) as [number, number];
    const style = { stroke: whisker.row.flags.includes('below-min-count') ? COLORS.flagged : COLORS.value, lineWidth: 1.5 };
    const cap = 6;
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
        { type: 'line', shape: { x1, y1: y - cap, x2: x1, y2: y + cap }, style },
        { type: 'line', shape: { x1: x2, y1: y - cap, x2, y2: y + cap }, style },
      ],
    };
  };
  return {
    animation: false,
    textStyle: { fontFamily: 'sans-serif', color: COLORS.text },
    title: { text: title, left: 8, top: 6, textStyle: { fontSize: 13 } },
    grid: { left: 180, right: 28, top: 40, bottom: 52 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.segment),
      axisTick: { show: false },
      axisLabel: { width: 160, overflow: 'truncate', fontSize: 11 },
      splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
    },
    xAxis: {
      type: 'value',
      scale: true,
      ...axisExtent(range),
      name: valueLabel,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { fontSize: 11 },
      axisLabel: { fontSize: 10 },
    },
    series: [
      { type: 'custom', name: 'interval', silent: true, renderItem, encode: { x: [0, 1], y: 2 }, data: whiskers.map((w) => [w.lower, w.upper, w.index]) },
      {
        type: 'scatter',
        name: 'value',
        data: rows.flatMap((row, index) => (row.value === null ? [] : [{ value: [row.value, index], ...pointStyle(row) }])),
      },
    ],
  };
}

/**
 * Draws one chart with ECharts' server-side SVG renderer and returns the SVG
 * markup, ready to inline in HTML: the namespace declarations are dropped (an
 * HTML parser puts `<svg>` in the SVG namespace itself, and the page then
 * names no URL at all); the `<style>` of `:hover` rules ECharts writes for
 * interactive pages is dropped (a static report has no hover states, and its
 * CDATA section trips CSS tools); and the SVG gets `role="img"` and
 * `aria-label`. The chart instance is disposed even when drawing throws.
 * Animation is always off: the picture is the final state.
 *
 * @param echarts - The ECharts module, loaded by the caller.
 * @param label - What the chart shows, for screen readers (escaped here).
 * @example
 * // The caller passes the module, `await import('echarts')`; here a stand-in returns SVG as ECharts writes it:
 * const svg = '<svg width="360" height="250" xmlns="http://www.w3.org/2000/svg"><style>path:hover{opacity:0.8}</style><rect width="360" height="250"></rect></svg>';
 * const echarts = { init: () => ({ setOption: () => {}, renderToSVGString: () => svg, dispose: () => {} }) };
 * renderChart(echarts, {}, TREND_CHART_SIZE, 'NPS of EU / pro') // => '<svg role="img" aria-label="NPS of EU / pro" width="360" height="250"><rect width="360" height="250"></rect></svg>'
 */
export function renderChart(echarts: Echarts, option: EChartsOption, size: ChartSize, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    chart.setOption({ ...option, animation: false });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const open = svg.indexOf('>');
  if (!svg.startsWith('<svg ') || open < 0) throw new Error('report: ECharts did not return an <svg> element');
  const tag = svg.slice(0, open).replace(/ xmlns(:xlink)?="[^"]*"/g, '');
  // Text from the data reaches the SVG only escaped (`&lt;style`), so this matches ECharts' own element alone.
  const body = svg.slice(open).replace(/<style\b[^>]*>[\s\S]*?<\/style>\n?/g, '');
  return `<svg role="img" aria-label="${escapeHtml(label)}" ${tag.slice('<svg '.length)}${body}`;
}
