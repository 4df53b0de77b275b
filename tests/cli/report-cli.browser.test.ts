/**
 * The HTML report as users make it, end to end: the package built as
 * `npm run build` builds it, the command line run as a subprocess with
 * `--html` (and `--format json` in the same run), and the page opened in a
 * real Chromium. Each table row read back from the page must be the JSON row
 * of the same run as the report formats it; the page loads with no error and
 * no request; its charts are drawn. `cxmetrics report examples/report.yaml`
 * is checked the same way, section by section. Screenshots of the whole pages
 * go to tests/output/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { boxes, findChromium, launchBrowser, openFile, type PageLog, type RowReadback, readTableRows, saveScreenshot } from './browser.js';
import { buildBin, ROOT, type Run, run } from './built-bin.js';

const chromium = findChromium();
if (chromium === null) {
  console.warn("chromium not found: the command line's HTML report browser test is skipped; install Debian's chromium or set CHROMIUM_PATH");
}

const OUTPUT = join(ROOT, 'tests', 'output');
const VIEWPORT = { width: 1440, height: 900 };
const BUILD_TIMEOUT = 180_000;
const TIMEOUT = 60_000;
const DASH = '—';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A row of the command line's JSON output. */
type JsonRow = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** The JSON output: what was asked for and the rows. */
interface JsonOutput {
  readonly metadata: { readonly options: { readonly by?: readonly string[] }; readonly changes: unknown };
  readonly rows: readonly JsonRow[];
}

let bin = '';
let removeBin = (): void => {};
let tmp = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (chromium === null) return;
  ({ bin, remove: removeBin } = buildBin());
  tmp = mkdtempSync(join(tmpdir(), 'cxmetrics-report-cli-'));
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchBrowser(chromium);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  removeBin();
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
}, TIMEOUT);

const numberOf = (cell: JsonRow[string] | undefined): number | null => (typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell) : null);
const shown = (x: number | null): string => (x === null ? DASH : String(x));
const shownP = (x: number | null): string => (x === null ? DASH : x.toPrecision(3));

/**
 * What a JSON row reads back as in the report, written out here from the
 * report's documented rules rather than taken from its code: the segment is
 * the `by` values joined by ' / ' ('all' for none); an MRR series shows its
 * ending MRR as the value and its customers at the end as n; counts, values
 * and interval ends are `String(x)`, p-values `toPrecision(3)`, null a dash;
 * p and adjusted p only when changes were asked for.
 */
function expectedRow(row: JsonRow, by: readonly string[], changes: boolean): RowReadback {
  const segment = by.length === 0 ? 'all' : by.map((d) => (row[d] === null ? 'all' : String(row[d]))).join(' / ');
  const series = 'ending_mrr' in row;
  const fields: Record<string, string> = {
    n: shown(numberOf(series ? row.customers_at_end : row.n) ?? 0),
    value: shown(numberOf(series ? row.ending_mrr : row.value)),
    lower: shown(numberOf(row.lower)),
    upper: shown(numberOf(row.upper)),
  };
  if (changes) Object.assign(fields, { p: shownP(numberOf(row.p)), pAdjusted: shownP(numberOf(row.p_adjusted)) });
  return { segment, period: typeof row.period === 'string' ? row.period : null, fields };
}

function expectedRows(output: JsonOutput): RowReadback[] {
  const by = output.metadata.options.by ?? [];
  return output.rows.map((row) => expectedRow(row, by, output.metadata.changes !== null));
}

/** Per row of a table: its classes, the text of its "significant" cell (when it has one) and its flag badges. */
function rowMarks(page: Page, selector: string): Promise<{ classes: string[]; significant: string | null; flags: string[] }[]> {
  return page.$$eval(selector, (rows) =>
    rows.map((row) => {
      const headers = [...(row.closest('table')?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
      const column = headers.indexOf('Significant');
      const cell = column < 0 ? null : row.children.item(column);
      return {
        classes: [...row.classList],
        significant: cell === null ? null : (cell.textContent ?? '').trim(),
        flags: [...row.querySelectorAll('[data-flag]')].map((badge) => badge.getAttribute('data-flag') ?? ''),
      };
    }),
  );
}

/** What the marks of a JSON row must be: `significant` and `below-min-count` classes, the marker, 'no' or a dash, the flags as badges. */
function expectedMarks(row: JsonRow, changes: boolean): { classes: string[]; significant: string | null; flags: string[] } {
  const flags = Array.isArray(row.flags) ? [...(row.flags as readonly string[])] : [];
  const classes = [...(row.significant === true ? ['significant'] : []), ...(flags.includes('below-min-count') ? ['below-min-count'] : [])];
  const significant = !changes ? null : row.significant === true ? '◆ significant' : row.significant === false ? 'no' : DASH;
  return { classes, significant, flags };
}

/** Every chart is an SVG of a useful size with marks in it, and the page is no wider than the window. */
async function expectChartsDrawn(page: Page, selector: string, count: number): Promise<void> {
  const charts = await boxes(page, selector);
  expect(charts).toHaveLength(count);
  for (const box of charts) {
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(50);
  }
  const marks = await page.$$eval(selector, (svgs) => svgs.map((svg) => svg.querySelectorAll('path').length));
  for (const n of marks) expect(n).toBeGreaterThan(5);
  expect(await page.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
}

async function expectScreenshot(page: Page, path: `${string}.png`): Promise<void> {
  await saveScreenshot(page, path);
  const png = readFileSync(path);
  expect([...png.subarray(0, 8)]).toStrictEqual(PNG_SIGNATURE);
  expect(png.readUInt32BE(16)).toBe(VIEWPORT.width);
  expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(VIEWPORT.height);
}

/** A metric command run with `--html` and `--format json`, and the checks of its page against its JSON. */
interface MetricCase {
  readonly name: string;
  readonly args: readonly string[];
  /** Trend charts (one per segment, with periods) plus the dot plot. */
  readonly charts: number;
  /** What the run must hold for the test to check what it claims (a significant change, a cell below the minimum count). */
  readonly holds: (rows: readonly JsonRow[]) => void;
}

const CASES: readonly MetricCase[] = [
  {
    name: 'nps',
    // Against the first quarter (the previous one gives no significant change on this data), with a minimum count
    // that leaves APAC out: significant, not significant and not compared rows, and dashes for its null numbers.
    args: [
      'nps',
      'examples/data/responses.csv',
      ...['--value', 'score', '--by', 'region', '--period', 'quarter', '--time', 'answered_at', '--tz', 'Europe/Berlin'],
      ...['--changes', 'first', '--min-count', '200'],
    ],
    charts: 3 + 1,
    holds: (rows) => {
      expect(rows.some((r) => r.significant === true)).toBe(true);
      expect(rows.some((r) => r.significant === false)).toBe(true);
      expect(rows.some((r) => (r.flags as readonly string[]).includes('below-min-count') && r.value === null)).toBe(true);
    },
  },
  {
    name: 'ttr',
    // No periods and no changes: rows without data-period and without p columns.
    args: ['ttr', 'examples/data/tickets.csv', '--opened', 'created_at', '--resolved', 'solved_at', '--by', 'channel'],
    charts: 1,
    holds: (rows) => {
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.every((r) => !('period' in r) && !('p' in r))).toBe(true);
    },
  },
];

for (const c of CASES) {
  describe(`cxmetrics ${c.name} --html, opened in a real browser`, () => {
    const html = (): string => join(tmp, `${c.name}.html`);
    const png = join(OUTPUT, `report-cli-${c.name}.png`) as `${string}.png`;
    let result: Run;
    let output: JsonOutput;
    let page: Page;
    let log: PageLog;

    beforeAll(async () => {
      if (browser === undefined) return;
      result = await run(bin, [...c.args, '--html', html(), '--format', 'json']);
      output = JSON.parse(result.stdout) as JsonOutput;
      ({ page, log } = await openFile(browser, html(), { viewport: VIEWPORT }));
    }, TIMEOUT);

    it.skipIf(chromium === null)(
      'exits 0 with the JSON on standard output and where the report went on standard error',
      () => {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe(`cxmetrics: HTML report written to ${html()}\n`);
        c.holds(output.rows);
      },
      TIMEOUT,
    );

    it.skipIf(chromium === null)(
      'loads with no console error, no page error and no request but the page itself',
      async () => {
        expect(log).toStrictEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], requests: [pathToFileURL(html()).href] });
        expect(await page.title()).toBe(`${c.name}: ${c.args[1]}`);
      },
      TIMEOUT,
    );

    it.skipIf(chromium === null)(
      "reads back every table row as the same run's JSON row: String(x), toPrecision(3) for p, a dash for null",
      async () => {
        expect(await readTableRows(page)).toStrictEqual(expectedRows(output));
      },
      TIMEOUT,
    );

    it.skipIf(chromium === null)(
      'marks significance, the minimum count and the flags of each row as the JSON says',
      async () => {
        const changes = output.metadata.changes !== null;
        expect(await rowMarks(page, 'table[data-table="rows"] tbody tr')).toStrictEqual(output.rows.map((row) => expectedMarks(row, changes)));
      },
      TIMEOUT,
    );

    it.skipIf(chromium === null)(
      'draws every chart visibly, within a page no wider than the window',
      async () => {
        await expectChartsDrawn(page, 'figure svg', c.charts);
      },
      TIMEOUT,
    );

    it.skipIf(chromium === null)(
      `saves a screenshot of the whole page to tests/output/report-cli-${c.name}.png`,
      async () => {
        await expectScreenshot(page, png);
      },
      TIMEOUT,
    );
  });
}

/** A section of examples/report.yaml: the command, its input (relative to the config) and its flags by name. */
type ConfigSection = Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;

/** The command line a config section stands for, as its documentation describes: paths relative to the config, `true` a bare flag, a list joined by commas. */
function sectionArgv(section: ConfigSection, base: string): string[] {
  const argv = [String(section.command), resolve(base, String(section.input))];
  for (const [k, v] of Object.entries(section)) {
    if (k === 'command' || k === 'input' || v === false) continue;
    if (v === true) argv.push(`--${k}`);
    else if (Array.isArray(v)) argv.push(`--${k}`, v.join(','));
    else argv.push(`--${k}`, k === 'business-hours' ? resolve(base, String(v)) : String(v));
  }
  return argv;
}

describe('cxmetrics report examples/report.yaml, opened in a real browser', () => {
  const configPath = join(ROOT, 'examples', 'report.yaml');
  const config = parse(readFileSync(configPath, 'utf8')) as { title: string; sections: readonly ConfigSection[] };
  const html = (): string => join(tmp, 'report.html');
  let result: Run;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    if (browser === undefined) return;
    result = await run(bin, ['report', 'examples/report.yaml', '--out', html()]);
    ({ page, log } = await openFile(browser, html(), { viewport: VIEWPORT }));
  }, TIMEOUT);

  it.skipIf(chromium === null)(
    'exits 0 and writes the report where --out says, not to the config’s out',
    () => {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe(`cxmetrics: HTML report written to ${html()}\n`);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'loads with no console error, no page error and no request but the page itself',
    async () => {
      expect(log).toStrictEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], requests: [pathToFileURL(html()).href] });
      expect(await page.title()).toBe(config.title);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'has one section per config section, in order, each linked from the navigation',
    async () => {
      const sections = await page.$$eval('main > section.report-section', (all) => all.map((s) => ({ id: s.id, title: s.querySelector('h2')?.textContent })));
      expect(sections).toHaveLength(config.sections.length);
      const links = await page.$$eval('nav a', (all) => all.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
      expect(links).toStrictEqual(sections.map((s) => ({ href: `#${s.id}`, text: s.title })));
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'shows in each section the rows the same command gives as JSON',
    async () => {
      const ids = await page.$$eval('main > section.report-section', (all) => all.map((s) => s.id));
      for (const [i, section] of config.sections.entries()) {
        const r = await run(bin, [...sectionArgv(section, dirname(configPath)), '--format', 'json']);
        expect(r.code, r.stderr).toBe(0);
        const output = JSON.parse(r.stdout) as JsonOutput;
        expect(output.rows.length, `section ${i + 1} has rows`).toBeGreaterThan(0);
        expect(await readTableRows(page, `#${ids[i]} table[data-table="rows"] tbody tr`), `section ${i + 1} (${section.command})`).toStrictEqual(
          expectedRows(output),
        );
      }
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'draws every chart visibly, within a page no wider than the window',
    async () => {
      const count = await page.$$eval('figure svg', (svgs) => svgs.length);
      expect(count).toBeGreaterThanOrEqual(config.sections.length);
      await expectChartsDrawn(page, 'figure svg', count);
      const perSection = await page.$$eval('main > section.report-section', (all) => all.map((s) => s.querySelectorAll('figure svg').length));
      for (const n of perSection) expect(n).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'saves a screenshot of the whole page to tests/output/report-sample.png',
    async () => {
      await expectScreenshot(page, join(OUTPUT, 'report-sample.png') as `${string}.png`);
    },
    TIMEOUT,
  );
});
