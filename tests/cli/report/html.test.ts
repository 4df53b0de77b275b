import { beforeAll, describe, expect, it } from 'vitest';
import { DOT_PLOT_LIMIT, renderReport, TREND_CHART_LIMIT } from '../../../src/cli/report/html.js';
import type { ReportModel, ReportRow, ReportSection } from '../../../src/cli/report/model.js';
import { FIXTURE, HOSTILE } from './fixture.js';

/** The text of HTML with the five escapes the renderer writes undone. */
const decodeHtml = (html: string): string =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);

/** Each `<svg>...</svg>` of the page. */
const svgs = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

/** The HTML of one section. */
function sectionHtml(html: string, id: string): string {
  const start = html.indexOf(`<section class="report-section" id="section-${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

interface Readback {
  readonly segment: string;
  readonly period: string | null;
  readonly classes: readonly string[];
  readonly fields: Record<string, string>;
}

/** Reads back the rows of a table (`rows` or `trends`) by their data attributes, as the browser test does through the DOM. */
function readRows(html: string, table: 'rows' | 'trends'): Readback[] {
  const start = html.indexOf(`<table class="${table}" data-table="${table}"`);
  if (start < 0) return [];
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr ([^>]*)>([\s\S]*?)<\/tr>/g)].map(([, attributes, cells]) => {
    const attribute = (name: string): string | null => {
      const m = new RegExp(` ?${name}="([^"]*)"`).exec(attributes!);
      return m === null ? null : decodeHtml(m[1]!);
    };
    const fields: Record<string, string> = {};
    for (const [, field, text] of cells!.matchAll(/<td class="num" data-field="(\w+)">([^<]*)<\/td>/g)) fields[field!] = decodeHtml(text!);
    return { segment: attribute('data-segment')!, period: attribute('data-period'), classes: (attribute('class') ?? '').split(' ').filter(Boolean), fields };
  });
}

/** What a row must read back as: counts, values and interval ends as `String(x)`, p-values with three significant digits, a dash for null. */
function expectedFields(row: ReportRow, changes: boolean): Record<string, string> {
  const shown = (x: number | null): string => (x === null ? '—' : String(x));
  const p = (x: number | null): string => (x === null ? '—' : x.toPrecision(3));
  const fields: Record<string, string> = { n: shown(row.n), value: shown(row.value), lower: shown(row.lower), upper: shown(row.upper) };
  if (changes) Object.assign(fields, { p: p(row.p), pAdjusted: p(row.pAdjusted) });
  return fields;
}

const section = (id: string): ReportSection => FIXTURE.sections.find((s) => s.id === id)!;

describe('renderReport on the fixture', () => {
  // Each test renders the page itself, so that what it checks is rendered while the test runs (about 50 ms once
  // ECharts is loaded; the first render loads it, seconds on a busy machine).
  beforeAll(() => renderReport(FIXTURE), 60_000);

  it('is one HTML page that names no URL and loads nothing', async () => {
    const html = await renderReport(FIXTURE);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/https?:|ftp:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|\bsrc=|xlink:href/i);
    // The only links are to the page's own anchors, the only url() references to clip paths in the same SVG.
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^#/);
    for (const [, target] of html.matchAll(/url\(([^)]*)\)/g)) expect(target).toMatch(/^#zr\d+-/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('draws every chart with ECharts: a trend chart per segment with periods, and a dot plot per section', async () => {
    const html = await renderReport(FIXTURE);
    const charts = svgs(html);
    // NPS: 4 segments over 6 months and a dot plot; CSAT: a dot plot; time to resolution: 1 segment over 6 weeks and a dot plot.
    expect(charts).toHaveLength(4 + 1 + 1 + 1 + 1);
    for (const svg of charts) {
      // zrender's SSR output: its class names, its data-point metadata, the viewBox it writes; not an SVG written by hand.
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+" width="\d+" height="\d+" version="1\.1" baseProfile="full" viewBox="0 0 \d+ \d+">/);
      expect(svg).toMatch(/class="zr\d+-cls-\d+"/);
      expect(svg).toContain('ecmeta_ssr_type="chart"');
    }
    const nps = svgs(sectionHtml(html, 'nps-region-plan-month'));
    // Each trend chart: the interval band is a filled path in the band colour, the value a line in the value colour.
    for (const svg of nps.slice(0, 4)) {
      expect(svg).toMatch(/fill="rgb\(47,85,151\)" fill-opacity="0\.18"|fill="rgba\(47, ?85, ?151, ?0\.18\)"/);
      expect(svg).toContain('stroke="#2f5597"');
    }
    // The titles and axes name the segment, the periods and the value.
    expect(nps[0]).toContain('>EU / pro</text>');
    expect(nps[0]).toContain('>2026-01</text>');
    expect(nps[0]).toContain('>NPS (points)</text>');
    expect(nps[4]).toContain('>Segments in 2026-06 (incomplete period)</text>');
  });

  it('escapes a hostile segment name and title everywhere: tables, attributes, charts, the page title', async () => {
    const html = await renderReport(FIXTURE);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<title>Customer experience, H1 2026 ${escaped}</title>`);
    expect(html).toContain(`<th scope="row">${escaped} / pro</th>`);
    expect(html).toContain(`data-segment="${escaped} / pro"`);
    const trendOfHostile = svgs(sectionHtml(html, 'nps-region-plan-month'))[3]!;
    expect(trendOfHostile).toContain(`>${escaped} / pro</text>`);
    expect(trendOfHostile).toContain(`aria-label="NPS (points) of ${escaped} / pro per period"`);
  });

  it('writes each row with data-segment, data-period and data-field cells that read back as the model formatted', async () => {
    const html = await renderReport(FIXTURE);
    for (const s of FIXTURE.sections) {
      const rows = readRows(sectionHtml(html, s.id), 'rows');
      expect(rows.map(({ segment, period, fields }) => ({ segment, period, fields }))).toStrictEqual(
        s.rows.map((row) => ({ segment: row.segment, period: row.period, fields: expectedFields(row, s.changes !== null) })),
      );
    }
  });

  it('shows a missing number as a dash, and p-values with three significant digits', async () => {
    const html = await renderReport(FIXTURE);
    const rows = readRows(sectionHtml(html, 'nps-region-plan-month'), 'rows');
    const hostileJune = rows.find((r) => r.segment === `${HOSTILE} / pro` && r.period === '2026-06')!;
    expect(hostileJune.fields).toStrictEqual({ n: '40', value: '—', lower: '—', upper: '—', p: '—', pAdjusted: '—' });
    const euProMay = rows.find((r) => r.segment === 'EU / pro' && r.period === '2026-05')!;
    expect(euProMay.fields).toStrictEqual({ n: '436', value: '58.6', lower: '52.4', upper: '64.8', p: '0.000412', pAdjusted: '0.00825' });
    expect(rows.find((r) => r.segment === 'EU / pro' && r.period === '2026-02')!.fields.pAdjusted).toBe('1.00');
  });

  it('highlights the significant change with a class and a visible marker, and greys the cells below the minimum count', async () => {
    const html = await renderReport(FIXTURE);
    const nps = sectionHtml(html, 'nps-region-plan-month');
    const rows = readRows(nps, 'rows');
    expect(rows.filter((r) => r.classes.includes('significant')).map((r) => [r.segment, r.period])).toStrictEqual([['EU / pro', '2026-05']]);
    expect(nps).toMatch(/<tr data-segment="EU \/ pro" data-period="2026-05" class="significant">[^\n]*<span class="marker">◆ significant<\/span>/);
    expect(rows.filter((r) => r.classes.includes('below-min-count')).map((r) => [r.segment, r.period])).toStrictEqual([
      ['US / free', '2026-04'],
      [`${HOSTILE} / pro`, '2026-02'],
      [`${HOSTILE} / pro`, '2026-06'],
    ]);
    expect(html).toMatch(/tr\.below-min-count td\.num \{ color: #[0-9a-f]{6};/);
  });

  it('keys only the marks a section has', async () => {
    const html = await renderReport(FIXTURE);
    const legend = (id: string): string => /<p class="legend">(.*?)<\/p>/.exec(sectionHtml(html, id))![1]!;
    expect(legend('nps-region-plan-month')).toMatch(/significant change.*incomplete period.*below the minimum count/);
    expect(legend('csat-region')).not.toMatch(/significant|incomplete/);
    expect(legend('csat-region')).toContain('below the minimum count');
    expect(legend('ttr-week')).not.toMatch(/significant|incomplete|minimum/);
  });

  it('shows every flag as a badge', async () => {
    const html = await renderReport(FIXTURE);
    const nps = sectionHtml(html, 'nps-region-plan-month');
    const count = (flag: string): number => nps.split(`<span class="badge" data-flag="${flag}">${flag}</span>`).length - 1;
    expect([count('no-baseline'), count('incomplete-period'), count('below-min-count')]).toStrictEqual([4, 4, 3]);
  });

  it('leaves out the change columns without changes, and the period column without periods', async () => {
    const html = await renderReport(FIXTURE);
    const csat = sectionHtml(html, 'csat-region');
    expect(csat).not.toMatch(/data-field="p|>Adjusted p<|>Significant<|>Period</);
    expect(csat).toContain('>CSAT (% satisfied)</th><th scope="col" class="num">Lower</th>');
    expect(readRows(csat, 'rows').map((r) => r.period)).toStrictEqual([null, null, null]);
    expect(readRows(csat, 'trends')).toStrictEqual([]);
    const ttr = sectionHtml(html, 'ttr-week');
    expect(ttr).toContain('>Period</th>');
    expect(Object.keys(readRows(ttr, 'rows')[0]!.fields)).toStrictEqual(['n', 'value', 'lower', 'upper']);
  });

  it('writes the trends table: slope and interval as given, adjusted p to three digits, the significant one marked', async () => {
    const html = await renderReport(FIXTURE);
    const trends = readRows(sectionHtml(html, 'nps-region-plan-month'), 'trends');
    expect(trends.map(({ segment, period, fields, classes }) => ({ segment, period, fields, classes }))).toStrictEqual([
      { segment: 'EU / pro', period: null, fields: { slope: '2.61', lower: '1.02', upper: '4.2', pAdjusted: '0.00931' }, classes: ['significant'] },
      { segment: 'EU / free', period: null, fields: { slope: '0.51', lower: '-1.4', upper: '2.42', pAdjusted: '1.00' }, classes: [] },
      { segment: 'US / free', period: null, fields: { slope: '0.43', lower: '-1.9', upper: '2.76', pAdjusted: '1.00' }, classes: [] },
      { segment: `${HOSTILE} / pro`, period: null, fields: { slope: '—', lower: '—', upper: '—', pAdjusted: '—' }, classes: [] },
    ]);
  });

  it('states the section facts and the notes', async () => {
    const html = await renderReport(FIXTURE);
    const nps = sectionHtml(html, 'nps-region-plan-month');
    expect(nps).toContain('<dt>Input</dt><dd>responses.csv</dd>');
    expect(nps).toContain('<dt>Segments by</dt><dd>region, plan</dd>');
    expect(nps).toContain('<dt>Changes</dt><dd>against previous period, p adjusted by holm over 17 comparisons</dd>');
    expect(nps).toContain('<li>4 rows skipped: score missing.</li>');
    expect(sectionHtml(html, 'ttr-week')).toContain('<dt>Segments by</dt><dd>none (all rows)</dd>');
    expect(html).toContain('Generated 2026-06-20T08:30:00Z by cxmetrics 0.1.0.');
  });
});

/** A section of `count` segments over two months, every cell complete. */
function manySegments(count: number): ReportSection {
  const rows = Array.from({ length: count }, (_, i) =>
    ['2026-01', '2026-02'].map(
      (period): ReportRow => ({
        segment: `segment ${i + 1}`,
        key: { team: `segment ${i + 1}` },
        period,
        n: 100 + i,
        value: 50 + i,
        lower: 40 + i,
        upper: 60 + i,
        p: null,
        pAdjusted: null,
        significant: null,
        flags: [],
      }),
    ),
  ).flat();
  return { ...FIXTURE.sections[0]!, id: 'many', rows, changes: null, trends: null, notes: [] };
}

const model = (sections: readonly ReportSection[]): ReportModel => ({ ...FIXTURE, title: 'Test', sections });

describe('the page as written', () => {
  // The charts are ECharts' SVG, whose element ids count up through a process: they are checked above, and left out here.
  const withoutCharts = (html: string) => html.replaceAll(/<svg[\s\S]*?<\/svg>/g, '<svg>…</svg>');

  it('holds every section, table, note, legend and caption of the fixture', async () => {
    await expect(withoutCharts(await renderReport(FIXTURE))).toMatchFileSnapshot('./__snapshots__/report.html');
  });

  it('holds one section without periods or changes, whose trends were asked for and are none, without a navigation', async () => {
    const html = await renderReport(model([{ ...section('csat-region'), trends: [] }]));
    expect(html).not.toContain('<nav');
    expect(html).toContain('<p>No trends.</p>');
    // The style sheet is the fixture's page's, checked there.
    await expect(withoutCharts(html).replace(/<style>[\s\S]*?<\/style>/, '<style>…</style>')).toMatchFileSnapshot('./__snapshots__/report-plain.html');
  });
});

describe('renderReport limits and edges', () => {
  it(`draws at most ${TREND_CHART_LIMIT} trend charts and says so; the table keeps every segment`, async () => {
    const html = await renderReport(model([manySegments(TREND_CHART_LIMIT + 3)]));
    expect(svgs(html)).toHaveLength(TREND_CHART_LIMIT + 1);
    expect(html).toContain(
      `<li>Trend charts are drawn for the first ${TREND_CHART_LIMIT} of ${TREND_CHART_LIMIT + 3} segments; the table lists every segment.</li>`,
    );
    expect(readRows(html, 'rows')).toHaveLength(2 * (TREND_CHART_LIMIT + 3));
  });

  it(`plots at most ${DOT_PLOT_LIMIT} segments in the dot plot and says so`, async () => {
    const html = await renderReport(model([manySegments(DOT_PLOT_LIMIT + 1)]));
    const dotPlot = svgs(html).at(-1)!;
    expect(dotPlot).toContain(`>segment ${DOT_PLOT_LIMIT}</text>`);
    expect(dotPlot).not.toContain(`>segment ${DOT_PLOT_LIMIT + 1}</text>`);
    expect(html).toContain(`<li>The segment chart shows the first ${DOT_PLOT_LIMIT} of ${DOT_PLOT_LIMIT + 1} segments; the table lists every segment.</li>`);
  });

  it('shows a section without rows as a note, without charts or tables', async () => {
    const html = await renderReport(model([{ ...FIXTURE.sections[1]!, rows: [], notes: ['all rows skipped'] }]));
    expect(svgs(html)).toStrictEqual([]);
    expect(html).not.toContain('<table');
    expect(html).toContain('<ul class="notes"><li>No rows.</li><li>all rows skipped</li></ul>');
  });

  it('lists the sections in a navigation only when there are several', async () => {
    expect(await renderReport(model([section('csat-region')]))).not.toContain('<nav');
    expect(await renderReport(FIXTURE)).toContain('<nav aria-label="Sections"><ul><li><a href="#section-nps-region-plan-month">');
  });

  it('puts the periods on the x axis in time order whatever the order of the rows', async () => {
    const ttr = section('ttr-week');
    const html = await renderReport(model([{ ...ttr, rows: [...ttr.rows].reverse() }]));
    const trend = svgs(html)[0]!;
    const labels = [...trend.matchAll(/>(2026-W\d\d)<\/text>/g)].map((m) => m[1]);
    expect(labels).toStrictEqual([...labels].sort());
    expect(svgs(html)[1]).toContain('>Segments in 2026-W25</text>');
  });
});
