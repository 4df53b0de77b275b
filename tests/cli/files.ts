/**
 * What the command-line tests read and write: the sample data shipped in
 * `examples/data`, a scratch folder per test file, and the rows of a JSON
 * output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, type Run } from './built-bin.js';

/** The path of a sample data file. */
export const data = (name: string): string => join(ROOT, 'examples', 'data', name);
/** A sample JSON file's content. */
// biome-ignore lint/suspicious/noExplicitAny: the samples' shapes are the tests' to read.
export const sample = (name: string): any => JSON.parse(readFileSync(data(name), 'utf8'));
/** The rows of a run's JSON output. */
export const rowsOf = (r: Run) => (JSON.parse(r.stdout) as { rows: Record<string, unknown>[] }).rows;
/** NPS of the sample answers by region and month in Berlin. */
export const NPS_FLAGS = ['--value', 'score', '--by', 'region', '--period', 'month', '--time', 'answered_at', '--tz', 'Europe/Berlin'];

/**
 * A scratch folder for the tests of one file, made before them and removed
 * after: `file` writes a file into it and returns its path, `path` names one.
 */
export function scratch(prefix: string): { file: (name: string, text: string | Buffer) => string; path: (name: string) => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => join(dir, name);
  return {
    path,
    file: (name, text) => {
      writeFileSync(path(name), text);
      return path(name);
    },
  };
}
