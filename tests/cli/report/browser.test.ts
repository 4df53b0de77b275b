/**
 * The fixture report opened in a real Chromium: it loads without an error or a
 * request, its tables read back as the model's numbers, its charts are drawn,
 * and a screenshot of the whole page is saved to tests/output/report.png (the
 * page itself to tests/output/report.html) for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/cli/report/html.js';
import type { ReportRow } from '../../../src/cli/report/model.js';
import { boxes, CHROMIUM_CANDIDATES, findChromium, launchBrowser, openFile, type PageLog, readTableRows, saveScreenshot } from '../browser.js';
import { FIXTURE, HOSTILE } from './fixture.js';

const chromium = findChromium();
if (chromium === null) {
  console.warn("chromium not found: the HTML report browser test is skipped; install Debian's chromium or set CHROMIUM_PATH");
}

const OUTPUT = fileURLToPath(new URL('../../output/', import.meta.url));
const HTML_PATH = `${OUTPUT}report.html`;
const PNG_PATH = `${OUTPUT}report.png` as const;
const VIEWPORT = { width: 1440, height: 900 };
const TIMEOUT = 60_000;

/** What a row must read back as: counts, values and interval ends as `String(x)`, p-values with three significant digits, a dash for null. */
function expectedRow(row: ReportRow, changes: boolean): { segment: string; period: string | null; fields: Record<string, string> } {
  const shown = (x: number | null): string => (x === null ? '—' : String(x));
  const p = (x: number | null): string => (x === null ? '—' : x.toPrecision(3));
  const fields: Record<string, string> = { n: shown(row.n), value: shown(row.value), lower: shown(row.lower), upper: shown(row.upper) };
  if (changes) Object.assign(fields, { p: p(row.p), pAdjusted: p(row.pAdjusted) });
  return { segment: row.segment, period: row.period, fields };
}

describe('the HTML report in a real browser', () => {
  let browser: Browser | undefined;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    if (chromium === null) return;
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(HTML_PATH, await renderReport(FIXTURE));
    browser = await launchBrowser(chromium);
    ({ page, log } = await openFile(browser, HTML_PATH, { viewport: VIEWPORT }));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it.skipIf(chromium === null)(
    'loads with no console error, no page error and no request but the page itself',
    () => {
      expect(log).toStrictEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], requests: [pathToFileURL(HTML_PATH).href] });
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'reads back every table row as the model formatted: String(x), toPrecision(3), a dash for null',
    async () => {
      for (const section of FIXTURE.sections) {
        const rows = await readTableRows(page, `#section-${section.id} table[data-table="rows"] tbody tr`);
        expect(rows).toStrictEqual(section.rows.map((row) => expectedRow(row, section.changes !== null)));
      }
      const trends = await readTableRows(page, '#section-nps-region-plan-month table[data-table="trends"] tbody tr');
      expect(trends.map((t) => [t.segment, t.fields.slope, t.fields.pAdjusted])).toStrictEqual([
        ['EU / pro', '2.61', '0.00931'],
        ['EU / free', '0.51', '1.00'],
        ['US / free', '0.43', '1.00'],
        [`${HOSTILE} / pro`, '—', '—'],
      ]);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'shows the hostile segment name as text, runs no script',
    async () => {
      const shown = await page.$$eval('#section-nps-region-plan-month table[data-table="rows"] tbody th', (cells) => cells.map((c) => c.textContent));
      expect(shown.filter((text) => text === `${HOSTILE} / pro`)).toHaveLength(6);
      expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0);
      expect(await page.title()).toBe(`Customer experience, H1 2026 ${HOSTILE}`);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'marks the significant change visibly and greys the numbers below the minimum count',
    async () => {
      const marked = await page.$$eval('table[data-table="rows"] tr.significant', (rows) =>
        rows.map((row) => [row.getAttribute('data-segment'), row.getAttribute('data-period'), (row.textContent ?? '').includes('◆ significant')]),
      );
      expect(marked).toStrictEqual([['EU / pro', '2026-05', true]]);
      const color = (selector: string): Promise<string> => page.$eval(selector, (cell) => cell.ownerDocument.defaultView!.getComputedStyle(cell).color);
      const grey = await color('tr[data-segment="US / free"][data-period="2026-04"] td[data-field="value"]');
      const normal = await color('tr[data-segment="US / free"][data-period="2026-03"] td[data-field="value"]');
      expect(grey).not.toBe(normal);
      const background = (selector: string): Promise<string> =>
        page.$eval(selector, (row) => row.ownerDocument.defaultView!.getComputedStyle(row).backgroundColor);
      expect(await background('tr[data-segment="EU / pro"][data-period="2026-05"]')).not.toBe(
        await background('tr[data-segment="EU / pro"][data-period="2026-04"]'),
      );
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'draws every chart visibly, within a page no wider than the window',
    async () => {
      const charts = await boxes(page, 'figure svg');
      expect(charts).toHaveLength(8);
      for (const box of charts) {
        expect(box.width).toBeGreaterThan(100);
        expect(box.height).toBeGreaterThan(50);
      }
      // The charts are ECharts drawings with their marks, not empty frames.
      const marks = await page.$$eval('figure svg', (svgs) => svgs.map((svg) => svg.querySelectorAll('path').length));
      for (const count of marks) expect(count).toBeGreaterThan(5);
      expect(await page.$eval('html', (html) => html.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
    },
    TIMEOUT,
  );

  it.skipIf(chromium === null)(
    'saves a screenshot of the whole page',
    async () => {
      await saveScreenshot(page, PNG_PATH);
      const png = readFileSync(PNG_PATH);
      expect([...png.subarray(0, 8)]).toStrictEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The PNG's height (IHDR, bytes 20-23) is the whole page, taller than the window.
      expect(png.readUInt32BE(16)).toBe(VIEWPORT.width);
      expect(png.readUInt32BE(20)).toBeGreaterThan(VIEWPORT.height);
    },
    TIMEOUT,
  );
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is an executable file, and refuses one that is not rather than look elsewhere', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow('CHROMIUM_PATH is "/nonexistent/chromium", which is not an executable file');
  });

  it('otherwise takes the first usual path that exists, or null', () => {
    const found = findChromium({ CHROMIUM_PATH: '' });
    expect(found === null || CHROMIUM_CANDIDATES.includes(found)).toBe(true);
  });
});
