/**
 * A real browser for the tests of the HTML report: find a Chromium on this
 * machine, open a page from a file, record what went wrong while loading it
 * (console errors, page errors, requests), read its tables back and save a
 * screenshot. puppeteer-core drives the browser; it downloads nothing, so the
 * browser must be installed (Debian: `apt-get install chromium`).
 */
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where a Chromium is looked for when `CHROMIUM_PATH` is not set, in this order. */
export const CHROMIUM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a Chromium to drive: `CHROMIUM_PATH` when set, else the first
 * executable of {@link CHROMIUM_CANDIDATES}, else `null` (the browser tests
 * are then skipped).
 *
 * @throws Error when `CHROMIUM_PATH` is set but is not an executable file: a
 *   path asked for explicitly is not silently replaced by another.
 * @example
 * findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }) // => '/opt/chrome/chrome' (when executable)
 * findChromium({}) // => '/usr/bin/chromium' on Debian with chromium installed, else null
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const wanted = env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '') {
    if (!isExecutable(wanted)) throw new Error(`CHROMIUM_PATH is ${JSON.stringify(wanted)}, which is not an executable file`);
    return wanted;
  }
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/**
 * Starts a headless Chromium (`--no-sandbox` so it runs as root in a
 * container, `--disable-gpu` as there is no GPU). Close it with
 * `browser.close()`.
 *
 * @example
 * const browser = await launchBrowser(findChromium()!);
 */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** What happened while a page loaded: the problems a test expects none of, and every request made. */
export interface PageLog {
  /** `console.error` messages, and the browser's own errors reported on the console (e.g. a blocked resource). */
  readonly consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** Requests that failed, or answered with status 400 or more: `"<url> <reason>"`. */
  readonly failedRequests: string[];
  /** The URL of every request, the page itself included. */
  readonly requests: string[];
}

/** Options of {@link openFile}. */
export interface OpenOptions {
  /** The window's size in CSS pixels; default 1440 × 900. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/**
 * Opens a file in a new tab through its `file://` URL, waits until it has
 * loaded and the network is idle, and returns the tab with the log of what
 * went wrong while loading (listeners are attached before navigating, so
 * nothing is missed).
 *
 * @example
 * const { page, log } = await openFile(browser, 'tests/output/report.html');
 * log.consoleErrors // => []
 */
export async function openFile(browser: Browser, path: string, options: OpenOptions = {}): Promise<{ readonly page: Page; readonly log: PageLog }> {
  const page = await browser.newPage();
  await page.setViewport(options.viewport ?? { width: 1440, height: 900 });
  const log: PageLog = { consoleErrors: [], pageErrors: [], failedRequests: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    log.pageErrors.push(error instanceof Error ? error.message : String(error));
  });
  page.on('request', (request) => {
    log.requests.push(request.url());
  });
  page.on('requestfailed', (request) => {
    log.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.url()} status ${response.status()}`);
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: ['load', 'networkidle0'] });
  return { page, log };
}

/** A table row as read back from the page: its `data-segment`, `data-period` (`null` when absent) and the text of each `data-field` cell. */
export interface RowReadback {
  readonly segment: string;
  readonly period: string | null;
  readonly fields: Record<string, string>;
}

/** The rows of the report's main tables (segment by period), in every section. */
export const REPORT_ROWS = 'table[data-table="rows"] tbody tr';

/**
 * Reads back every row that `selector` matches (default: the rows of every
 * report table, {@link REPORT_ROWS}), in page order: `data-segment`,
 * `data-period` and, for each cell with `data-field`, its text as shown
 * (trimmed).
 *
 * @example
 * await readTableRows(page, '#section-nps table[data-table="rows"] tbody tr')
 * // => [{ segment: 'EU / pro', period: '2026-01', fields: { n: '412', value: '42', ... } }, ...]
 */
export function readTableRows(page: Page, selector: string = REPORT_ROWS): Promise<RowReadback[]> {
  return page.$$eval(selector, (rows) =>
    rows.map((row) => {
      const fields: Record<string, string> = {};
      for (const cell of row.querySelectorAll('[data-field]')) fields[cell.getAttribute('data-field')!] = (cell.textContent ?? '').trim();
      return { segment: row.getAttribute('data-segment') ?? '', period: row.getAttribute('data-period'), fields };
    }),
  );
}

/** The rendered size of an element, in CSS pixels. */
export interface Box {
  readonly width: number;
  readonly height: number;
}

/**
 * The rendered size of every element `selector` matches (default: every
 * `<svg>`), in page order; zero for one that is not displayed.
 *
 * @example
 * await boxes(page) // => [{ width: 346, height: 221 }, ...]
 */
export function boxes(page: Page, selector = 'svg'): Promise<Box[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    }),
  );
}

/**
 * Saves a screenshot of the whole page (not only the window) as PNG.
 *
 * @param path - Where to write it; the folder must exist.
 * @example
 * await saveScreenshot(page, 'tests/output/report.png');
 */
export async function saveScreenshot(page: Page, path: `${string}.png`): Promise<void> {
  await page.screenshot({ path, fullPage: true, type: 'png' });
}
