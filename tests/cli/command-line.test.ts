/**
 * The `cxmetrics` command line, built and run as a subprocess on real
 * files: a command on the sample data checked against the library's own
 * functions, the exit codes, usage errors, the first invalid row with its
 * line and column, standard input, gzip, quoted CSV, BOM and CRLF, atomic
 * `--out`, the version from the package, no progress output in a pipe and a
 * report. The other commands, the formats and merging run in process in
 * `commands.test.ts`.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { segment } from '../../src/index.js';
import { buildBin, ROOT, type Run, run } from './built-bin.js';
import { data, NPS_FLAGS, rowsOf, sample, scratch } from './files.js';

// Every test starts Node processes; on a busy machine a few of them take seconds.
vi.setConfig({ testTimeout: 60_000 });

let bin = '';
let remove = () => {};
beforeAll(() => {
  ({ bin, remove } = buildBin());
}, 120_000);
afterAll(() => remove());

const { file, path } = scratch('cxmetrics-cli-');
const cx = (...args: string[]): Promise<Run> => run(bin, args);

describe('metric commands against the library', () => {
  it('nps by region and month equals segment() on the same records', async () => {
    const r = await cx('nps', data('responses.csv'), ...NPS_FLAGS, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const { responses } = sample('responses.json');
    const table = segment(responses, {
      metric: 'nps',
      value: 'score',
      by: 'region',
      period: { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' },
      options: { interval: {}, decimals: 1 },
    });
    const expected = table.rows.map((row) => ({
      region: row.key.region,
      period: row.period?.label,
      n: row.result.total,
      value: row.result.value,
      lower: row.result.interval?.lower ?? null,
      upper: row.result.interval?.upper ?? null,
      // The result's warnings follow the cell's flags.
      flags: [...row.flags, ...row.result.warnings.map((w) => w.code)],
    }));
    expect(rowsOf(r)).toEqual(expected);
    expect(expected.some((row) => row.flags.includes('small-sample'))).toBe(true);
    const meta = JSON.parse(r.stdout).metadata;
    expect(meta).toMatchObject({
      command: 'nps',
      rowsRead: 2441,
      rowsSkipped: 0,
      skipped: [],
      options: { value: 'score', by: ['region'], period: 'month', tz: 'Europe/Berlin' },
    });
    expect(meta.cxmetrics).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('usage errors (exit 2)', () => {
  it.each([
    [['nps', 'x.csv', '--value', 'score', '--bye', 'region'], '--bye (did you mean --by?)'],
    [['nps', 'x.csv', '--value', 'score', '--level', 'high'], '--level expects a number, received "high"'],
    [
      ['nps', 'x.csv', '--value', 'score', '--period', 'fortnight', '--time', 't'],
      '--period expects one of day, week, month, quarter, year, label, received "fortnight"',
    ],
    [['nps', 'x.csv'], '--value is required'],
    [['nps', '--value', 'score'], 'the input file is missing'],
    [['nope'], 'unknown command "nope"'],
    [['nps', 'x.csv', '--value', 'score', '--trend'], '--trend needs periods'],
  ])('%j', async (args, message) => {
    const r = await cx(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('an option the library refuses names its flag', async () => {
    const r = await cx('nps', data('responses.csv'), '--value', 'score', '--promoter-min', '11');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxmetrics nps: --promoter-min: /);
  });

  it('a column not in the header lists the header', async () => {
    const r = await cx('nps', data('responses.csv'), '--value', 'rating', '--by', 'region');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rating');
    expect(r.stderr).toContain('"id", "answered_at", "region", "plan", "score", "satisfaction"');
  });

  it('--help on every command shows an example; --version', async () => {
    for (const c of ['nps', 'csat', 'ces', 'loyalty', 'fcr', 'ttr', 'frt', 'churn', 'mrr', 'repurchase', 'upsell', 'merge', 'report', 'counts']) {
      const r = await cx(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('Example:');
    }
    const v = await cx('--version');
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect((await cx()).code).toBe(2);
  });
});

describe('invalid rows', () => {
  const bad = 'id,region,score\n1,EU,9\n2,EU,11\n3,US,x\n4,US,\n5,EU,10\n';
  it('the first invalid row stops the run with file:line:column, column, value and reason (exit 1)', async () => {
    const path = file('bad.csv', bad);
    const r = await cx('nps', path, '--value', 'score', '--by', 'region');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cxmetrics nps: ${path}:3:3: column "score" value "11": expected an integer from 0 to 10, received 11\n`);
    expect(r.stdout).toBe('');
  });

  it('--out is atomic: a failing run leaves no file and no temporary file', async () => {
    const out = join(path('atomic'), 'out.csv');
    rmSync(path('atomic'), { recursive: true, force: true });
    writeFileSync(file('x', ''), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path('atomic'));
    const failed = await cx('nps', file('bad.csv', bad), '--value', 'score', '--out', out);
    expect(failed.code).toBe(1);
    expect(readdirSync(path('atomic'))).toEqual([]);
    const ok = await cx('nps', data('responses.csv'), '--value', 'score', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readdirSync(path('atomic'))).toEqual(['out.csv']);
    expect(readFileSync(out, 'utf8')).toMatch(/^n,value,lower,upper,flags\n2441,/);
  });
});

describe('input', () => {
  const expected = async () => (await cx('nps', data('responses.csv'), '--value', 'score', '--by', 'region,plan', '--format', 'csv')).stdout;
  it('standard input, gzip files and gzip on standard input give the same table', async () => {
    const want = await expected();
    const text = readFileSync(data('responses.csv'));
    expect((await run(bin, ['nps', '-', '--input-format', 'csv', '--value', 'score', '--by', 'region,plan'], { input: text })).stdout).toBe(want);
    expect((await cx('nps', file('responses.csv.gz', gzipSync(text)), '--value', 'score', '--by', 'region,plan')).stdout).toBe(want);
    expect((await run(bin, ['nps', '-', '--input-format', 'csv', '--value', 'score', '--by', 'region,plan'], { input: gzipSync(text) })).stdout).toBe(want);
    const { responses } = sample('responses.json');
    expect((await cx('nps', file('responses.json', JSON.stringify(responses)), '--value', 'score', '--by', 'region,plan')).stdout).toBe(want);
    expect(
      (await cx('nps', file('responses.ndjson', responses.map((x: object) => JSON.stringify(x)).join('\n')), '--value', 'score', '--by', 'region,plan')).stdout,
    ).toBe(want);
  });

  it('quoted fields with delimiters, quotes and newlines; a BOM and CRLF; another delimiter', async () => {
    const text = '\uFEFFid,region,score\r\n1,"Paris, ""FR""",9\r\n2,"Line\r\nbreak",3\r\n3,"Paris, ""FR""",10\r\n';
    const r = await cx('nps', file('quoted.csv', text), '--value', 'score', '--by', 'region', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(rowsOf(r).map((x) => [x.region, x.n])).toEqual([
      ['Line\r\nbreak', 1],
      ['Paris, "FR"', 2],
    ]);
    const semi = await cx(
      'nps',
      file('semi.csv', 'id;region;score\n1;"a;b";9\n'),
      '--value',
      'score',
      '--by',
      'region',
      '--delimiter',
      ';',
      '--format',
      'json',
    );
    expect(rowsOf(semi).map((x) => x.region)).toEqual(['a;b']);
    const tsv = await cx('nps', file('t.tsv', 'id\tregion\tscore\n1\tEU\t9\n'), '--value', 'score', '--by', 'region', '--format', 'json');
    expect(rowsOf(tsv).map((x) => x.region)).toEqual(['EU']);
  });

  it('no progress output in a pipe', async () => {
    const r = await cx('nps', data('responses.csv'), '--value', 'score');
    expect(r.stderr).toBe('');
  });
});

describe('report', () => {
  it('a YAML config runs several metrics into one self-contained HTML file', async () => {
    const config = file(
      'report.yaml',
      [
        'title: Sample report',
        'out: sample-report.html',
        'sections:',
        `  - { command: nps, input: ${JSON.stringify(data('responses.csv'))}, value: score, by: region, period: quarter, time: answered_at, changes: previous }`,
        `  - { command: mrr, input: ${JSON.stringify(data('billing-changes.csv'))}, customer: customer_id, at: at, mrr: mrr, period: quarter }`,
      ].join('\n'),
    );
    const r = await cx('report', config);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sample-report.html');
    const html = readFileSync(path('sample-report.html'), 'utf8');
    expect(html).toContain('Sample report');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
