import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import {
  COLORS,
  dotPlotOption,
  dotPlotSize,
  type Echarts,
  niceRange,
  plottedNumbers,
  pointStyle,
  renderChart,
  TREND_CHART_SIZE,
  trendChartOption,
} from '../../../src/cli/report/charts.js';
import type { ReportRow } from '../../../src/cli/report/model.js';

const row = (period: string | null, value: number | null, lower: number | null, upper: number | null, more: Partial<ReportRow> = {}): ReportRow => ({
  segment: 'EU',
  key: { region: 'EU' },
  period,
  n: 100,
  value,
  lower,
  upper,
  p: null,
  pAdjusted: null,
  significant: null,
  flags: [],
  ...more,
});

describe('niceRange', () => {
  it('widens the numbers to multiples of a round step', () => {
    expect(niceRange([12.5, 47.3])).toStrictEqual({ min: 10, max: 50, step: 10 });
    expect(niceRange([-48.3, 66.9, 0])).toStrictEqual({ min: -50, max: 100, step: 50 });
    expect(niceRange([0.1, 0.7])).toStrictEqual({ min: 0, max: 0.8, step: 0.2 });
    expect(niceRange([4.7, 7.4])).toStrictEqual({ min: 4, max: 8, step: 1 });
  });

  it('is null without numbers, and opens a range around a single number', () => {
    expect(niceRange([])).toBeNull();
    expect(niceRange([0])).toStrictEqual({ min: -1, max: 1, step: 0.5 });
    expect(niceRange([40, 40])).toStrictEqual({ min: 36, max: 44, step: 2 });
    expect(niceRange([-40])).toStrictEqual({ min: -44, max: -36, step: 2 });
  });

  it('writes no -0 and no floating-point noise', () => {
    // -3 * 0.2 is -0.6000000000000001, and ceil(-0.25) * 0.2 is -0.
    const range = niceRange([-0.5, -0.05])!;
    expect(range).toStrictEqual({ min: -0.6, max: 0, step: 0.2 });
    expect(Object.is(range.max, 0)).toBe(true);
  });
});

describe('plottedNumbers', () => {
  it('lists each value and interval end that exists', () => {
    expect(plottedNumbers([row(null, 40, 30, null)])).toStrictEqual([40, 30]);
    expect(plottedNumbers([row(null, null, null, null), row(null, 1, 0, 2)])).toStrictEqual([1, 0, 2]);
  });
});

describe('pointStyle', () => {
  it('draws a significant change as a diamond before any flag, then below-min-count grey, incomplete hollow, else filled', () => {
    expect(pointStyle(row(null, 1, 0, 2, { significant: true, flags: ['incomplete-period'] })).symbol).toBe('diamond');
    expect(pointStyle(row(null, 1, 0, 2, { flags: ['incomplete-period', 'below-min-count'] }))).toStrictEqual({
      symbol: 'emptyCircle',
      symbolSize: 8,
      itemStyle: { color: COLORS.flagged, borderColor: COLORS.flagged, borderWidth: 2 },
    });
    expect(pointStyle({ ...row(null, 1, 0, 2), significant: null, flags: ['incomplete-period'] }).symbol).toBe('emptyCircle');
    expect(pointStyle(row(null, 1, 0, 2, { significant: false, flags: ['no-baseline'] })).symbol).toBe('circle');
  });
});

describe('trendChartOption', () => {
  const periods = ['2026-01', '2026-02', '2026-03', '2026-04'];
  const rows = [row('2026-01', 10, -5, 20), row('2026-02', 12, null, null), row('2026-04', null, null, null)];
  const option = trendChartOption('EU', periods, rows, 'NPS (points)', { min: -10, max: 30, step: 10 });
  const series = option.series as { name: string; data: unknown[]; stack?: string; stackStrategy?: string }[];

  it('draws the band as the lower end with the width stacked on it, across signs, and gaps where a number is missing', () => {
    expect(series.map((s) => [s.name, s.stack, s.stackStrategy])).toStrictEqual([
      ['lower', 'interval', 'all'],
      ['interval', 'interval', 'all'],
      ['value', undefined, undefined],
    ]);
    expect(series[0]!.data).toStrictEqual([-5, '-', '-', '-']);
    expect(series[1]!.data).toStrictEqual([25, '-', '-', '-']);
    expect(series[2]!.data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d))).toStrictEqual([10, 12, '-', '-']);
  });

  it('puts the periods on x and the shared range on y, named by the value', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: periods });
    expect(option.yAxis).toMatchObject({ type: 'value', min: -10, max: 30, interval: 10, name: 'NPS (points)' });
    expect(option.animation).toBe(false);
  });
});

describe('the options given to ECharts', () => {
  it('are as written for a trend and a dot plot with every kind of point', async () => {
    const rows = [
      row('2026-01', 10, -5, 20),
      row('2026-02', 12, null, null, { significant: true }),
      row('2026-03', 14, 10, 18, { flags: ['below-min-count'] }),
      row('2026-04', 9, 5, 13, { flags: ['incomplete-period'] }),
      row('2026-05', null, null, null),
    ];
    const trend = trendChartOption('EU / pro', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], rows, 'NPS (points)', { min: -10, max: 30, step: 10 });
    const dots = dotPlotOption(
      rows.map((r, i) => ({ ...r, segment: `segment ${i}` })),
      'Segments in 2026-05',
      'NPS (points)',
    );
    await expect(`${JSON.stringify({ trend, dots }, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/chart-options.json');
  });
});

describe('the whiskers of a dot plot', () => {
  it('are a line between the interval ends with a cap at each, grey below the minimum count', () => {
    const rows = [
      row(null, 10, 5, 15, { segment: 'a' }),
      row(null, 20, null, null, { segment: 'b' }),
      row(null, 3, 1, 2, { segment: 'c', flags: ['below-min-count'] }),
    ];
    const option = dotPlotOption(rows, 'Segments', 'CSAT (%)');
    const renderItem = (option.series as { renderItem?: (params: { dataIndex: number }, api: { coord: (p: number[]) => number[] }) => unknown }[])[0]!
      .renderItem!;
    const api = { coord: ([x, y]: number[]) => [x! * 10, y! * 100] };
    const line = (x1: number, y1: number, x2: number, y2: number, stroke: string) => ({
      type: 'line',
      shape: { x1, y1, x2, y2 },
      style: { stroke, lineWidth: 1.5 },
    });
    expect(renderItem({ dataIndex: 0 }, api)).toStrictEqual({
      type: 'group',
      children: [line(50, 0, 150, 0, COLORS.value), line(50, -6, 50, 6, COLORS.value), line(150, -6, 150, 6, COLORS.value)],
    });
    // The second whisker is the third row's: the second row has no interval.
    expect(renderItem({ dataIndex: 1 }, api)).toStrictEqual({
      type: 'group',
      children: [line(10, 200, 20, 200, COLORS.flagged), line(10, 194, 10, 206, COLORS.flagged), line(20, 194, 20, 206, COLORS.flagged)],
    });
  });
});

describe('dotPlotOption', () => {
  it('draws a whisker for each row with both interval ends and a dot for each row with a value, by row index', () => {
    const rows = [row(null, 10, 5, 15, { segment: 'a' }), row(null, 20, null, null, { segment: 'b' }), row(null, null, 1, 2, { segment: 'c' })];
    const option = dotPlotOption(rows, 'Segments', 'CSAT (%)');
    const [whiskers, dots] = option.series as { data: unknown[] }[];
    expect(whiskers!.data).toStrictEqual([
      [5, 15, 0],
      [1, 2, 2],
    ]);
    expect((dots!.data as { value: number[] }[]).map((d) => d.value)).toStrictEqual([
      [10, 0],
      [20, 1],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['a', 'b', 'c'] });
    expect(option.xAxis).toMatchObject({ min: 0, max: 20, interval: 5, name: 'CSAT (%)' });
  });

  it('grows with the number of segments', () => {
    expect(dotPlotSize(0)).toStrictEqual(dotPlotSize(1));
    expect(dotPlotSize(10).height - dotPlotSize(9).height).toBe(30);
  });
});

describe('renderChart', () => {
  it('returns ECharts SVG with no namespace URL, labelled for screen readers', () => {
    const option = trendChartOption('EU', ['2026-01', '2026-02'], [row('2026-01', 10, 5, 15), row('2026-02', 12, 6, 18)], 'NPS', null);
    const svg = renderChart(echarts, option, TREND_CHART_SIZE, 'a "chart" <of> EU');
    expect(svg.startsWith('<svg role="img" aria-label="a &quot;chart&quot; &lt;of&gt; EU" width="360" height="250" version="1.1"')).toBe(true);
    expect(svg).not.toContain('http');
    expect(svg).not.toMatch(/<style|CDATA/);
    expect(svg).toMatch(/class="zr\d+-cls-\d+"/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('disposes the chart even when drawing throws, and refuses output that is not an <svg>', () => {
    let disposed = 0;
    const fake = (setOption: () => void, svg: string): Echarts =>
      ({ init: () => ({ setOption, renderToSVGString: () => svg, dispose: () => disposed++ }) }) as unknown as Echarts;
    const boom = (): void => {
      throw new Error('boom');
    };
    expect(() => renderChart(fake(boom, ''), {}, TREND_CHART_SIZE, 'x')).toThrow('boom');
    expect(() =>
      renderChart(
        fake(() => {}, '<div></div>'),
        {},
        TREND_CHART_SIZE,
        'x',
      ),
    ).toThrow('ECharts did not return an <svg> element');
    expect(disposed).toBe(2);
  });
});
