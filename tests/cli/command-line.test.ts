/**
 * The `cxmetrics` command line, built and run as a subprocess on real
 * files: every command on the sample data (checked against the library's
 * own functions on the same records), the formats, the exit codes, invalid
 * rows with their line and column, skipping, standard input, gzip, quoted
 * CSV, BOM and CRLF, atomic `--out`, tallies merged from shards, and no
 * progress output in a pipe.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cohorts, customerChurn, mrrSeries, segment, trend } from '../../src/index.js';
import { buildBin, ROOT, type Run, run } from './built-bin.js';

// Every test starts Node processes; on a busy machine a few of them take seconds.
vi.setConfig({ testTimeout: 60_000 });

let bin = '';
let remove = () => {};
let dir = '';

beforeAll(() => {
  ({ bin, remove } = buildBin());
  dir = mkdtempSync(join(tmpdir(), 'cxmetrics-cli-'));
}, 120_000);

afterAll(() => {
  remove();
  rmSync(dir, { recursive: true, force: true });
});

const data = (name: string) => join(ROOT, 'examples', 'data', name);
const json = (name: string) => JSON.parse(readFileSync(data(name), 'utf8'));
const cx = (...args: string[]): Promise<Run> => run(bin, args);
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rowsOf = (r: Run) => (JSON.parse(r.stdout) as { rows: Record<string, unknown>[] }).rows;

const NPS_FLAGS = ['--value', 'score', '--by', 'region', '--period', 'month', '--time', 'answered_at', '--tz', 'Europe/Berlin'];

describe('metric commands against the library', () => {
  it('nps by region and month equals segment() on the same records', async () => {
    const r = await cx('nps', data('responses.csv'), ...NPS_FLAGS, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const { responses } = json('responses.json');
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

  it('csat with changes and Holm: p, adjusted p and significance per cell as changes() gives them', async () => {
    const r = await cx(
      'csat',
      data('responses.csv'),
      '--value',
      'satisfaction',
      '--scale',
      '1-5',
      '--by',
      'region',
      '--period',
      'quarter',
      '--time',
      'answered_at',
      '--tz',
      'Europe/Berlin',
      '--changes',
      'previous',
      '--adjust',
      'holm',
      '--format',
      'json',
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = rowsOf(r);
    expect(Object.keys(rows[0] as object)).toEqual(['region', 'period', 'n', 'value', 'lower', 'upper', 'p', 'p_adjusted', 'significant', 'flags']);
    expect(rows[0]).toMatchObject({ region: 'APAC', period: '2026-Q1', p: null, p_adjusted: null, significant: null, flags: ['no-baseline'] });
    expect(rows.filter((x) => typeof x.p === 'number')).toHaveLength(9);
    expect(JSON.parse(r.stdout).metadata.changes).toEqual({ against: 'previous', adjust: 'holm', comparisons: 9 });
  });

  it('a trend is a second table: in JSON and the terminal table, refused in CSV', async () => {
    const r = await cx('nps', data('responses.csv'), ...NPS_FLAGS, '--trend', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const trends = JSON.parse(r.stdout).trends as Record<string, unknown>[];
    const { responses } = json('responses.json');
    const expected = trend(
      segment(responses, { metric: 'nps', value: 'score', by: 'region', period: { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' } }),
    );
    // The slope is rounded as the values are (1 decimal, half-up); the p-values are not.
    const rounded = (x: number | null) => (x === null ? null : new Decimal(x).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber());
    expect(trends.map((t) => [t.region, t.slope, t.p_adjusted])).toEqual(expected.rows.map((t) => [t.key.region, rounded(t.slope), t.pAdjusted]));
    const csv = await cx('nps', data('responses.csv'), ...NPS_FLAGS, '--trend', '--format', 'csv');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--trend writes a second table');
  });

  it('ttr with business hours, censoring and a time unit', async () => {
    const { tickets, asOf } = json('tickets.json');
    const r = await cx(
      'ttr',
      data('tickets.csv'),
      '--opened',
      'created_at',
      '--resolved',
      'solved_at',
      '--business-hours',
      data('business-hours.json'),
      '--open',
      'censor',
      '--as-of',
      asOf,
      '--by',
      'channel',
      '--time-unit',
      'min',
      '--format',
      'json',
    );
    expect(r.code, r.stderr).toBe(0);
    const table = segment(tickets, {
      metric: 'timeToResolution',
      by: 'channel',
      options: { open: 'censor', asOf, businessHours: json('tickets.json').businessHours, interval: {} },
    });
    const rows = rowsOf(r);
    expect(rows.map((x) => x.channel)).toEqual(table.rows.map((x) => x.key.channel));
    for (const [i, row] of table.rows.entries()) {
      const v = row.result.value;
      expect(rows[i]?.value).toBe(v === null ? null : Math.round((v / 60_000) * 100) / 100);
      expect(rows[i]?.n).toBe(row.result.resolved + row.result.open);
    }
  });

  it('fcr, upsell and repurchase read booleans and counts', async () => {
    const fcr = await cx(
      'fcr',
      data('tickets.csv'),
      '--contacts',
      'contacts',
      '--resolved',
      'resolved',
      '--reopened',
      'reopened',
      '--by',
      'channel',
      '--format',
      'json',
    );
    expect(fcr.code, fcr.stderr).toBe(0);
    const { tickets } = json('tickets.json');
    const t = segment(tickets, { metric: 'firstContactResolution', by: 'channel', options: { interval: {}, decimals: 1 } });
    expect(rowsOf(fcr).map((x) => [x.channel, x.n, x.value])).toEqual(t.rows.map((x) => [x.key.channel, x.result.total, x.result.value]));
    const customers = file('customers.csv', 'id,plan,purchases,upgraded\n1,pro,3,yes\n2,pro,1,no\n3,basic,2,TRUE\n4,basic,1,0\n');
    const up = await cx('upsell', customers, '--upgraded', 'upgraded', '--by', 'plan', '--format', 'json');
    expect(rowsOf(up).map((x) => [x.plan, x.n, x.value])).toEqual([
      ['basic', 2, 50],
      ['pro', 2, 50],
    ]);
    const re = await cx('repurchase', customers, '--value', 'purchases', '--format', 'json');
    expect(rowsOf(re).map((x) => [x.n, x.value])).toEqual([[4, 50]]);
  });

  it('ces, loyalty and frt', async () => {
    const answers = file(
      'answers.csv',
      'id,channel,effort,recommend,again,more,opened,replied\n1,chat,7,10,9,8,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z\n2,chat,6,9,9,9,2026-01-01T00:00:00Z,2026-01-01T03:00:00Z\n3,mail,2,3,4,5,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z\n',
    );
    const ces = await cx('ces', answers, '--value', 'effort', '--scale', '1-7', '--by', 'channel', '--format', 'json');
    expect(rowsOf(ces).map((x) => [x.channel, x.value])).toEqual([
      ['chat', 100],
      ['mail', 0],
    ]);
    const loyalty = await cx('loyalty', answers, '--recommend', 'recommend', '--repurchase', 'again', '--upsell', 'more', '--format', 'json');
    expect(loyalty.code, loyalty.stderr).toBe(0);
    // The sum of the three answers, averaged over respondents: (27 + 27 + 12) / 3.
    expect(rowsOf(loyalty)[0]).toMatchObject({ n: 3, value: 22 });
    const frt = await cx('frt', answers, '--opened', 'opened', '--first-responded', 'replied', '--format', 'json', '--interval', 'none');
    expect(rowsOf(frt)[0]).toMatchObject({ n: 3, value: 3, lower: null });
  });

  it('mrr, churn and cohorts from the billing change log equal the library', async () => {
    const { changes, asOf } = json('billing-changes.json');
    const flags = ['--customer', 'customer_id', '--at', 'at', '--mrr', 'mrr', '--period', 'quarter', '--tz', 'Europe/Berlin', '--as-of', asOf];
    // Rates are rounded to 1 decimal by default on the command line.
    const series = mrrSeries(changes, { period: { unit: 'quarter', timeZone: 'Europe/Berlin' }, asOf, rates: { decimals: 1 } });
    const m = await cx('mrr', data('billing-changes.csv'), ...flags, '--format', 'json');
    expect(m.code, m.stderr).toBe(0);
    expect(rowsOf(m).map((x) => [x.period, x.ending_mrr, x.net_mrr_churn, x.flags])).toEqual(
      series.rows.map((x) => [x.period.label, x.endingMrr, x.netMrrChurn, [...x.flags]]),
    );
    const c = await cx('churn', data('billing-changes.csv'), ...flags, '--format', 'json');
    expect(rowsOf(c).map((x) => [x.period, x.n, x.value, x.lower])).toEqual(
      series.rows.map((x) => {
        const r = customerChurn(x.movements, { interval: {}, decimals: 1 });
        return [x.period.label, r.customersAtStart, r.value, r.interval?.lower ?? null];
      }),
    );
    const k = await cx('mrr', data('billing-changes.csv'), ...flags, '--cohorts', '--horizon', '2', '--format', 'json');
    const table = cohorts(changes, { period: { unit: 'quarter', timeZone: 'Europe/Berlin' }, asOf, horizon: 2, interval: {}, decimals: 1 });
    expect(rowsOf(k).map((x) => [x.cohort, x.age, x.percent, x.lower])).toEqual(
      table.rows.flatMap((row) => row.cells.map((cell) => [row.cohort.label, cell.age, cell.percent, cell.interval?.lower ?? null])),
    );
  });
});

describe('formats', () => {
  const flags = ['--value', 'score', '--by', 'region'];
  it('csv: the long format with a header, flags joined by ;', async () => {
    const r = await cx('nps', data('responses.csv'), ...flags, '--min-count', '800', '--format', 'csv');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('region,n,value,lower,upper,flags');
    expect(lines).toHaveLength(4);
    // A cell below the minimum count has no value.
    expect(lines[1]).toMatch(/^APAC,\d+,,,,below-min-count$/);
    expect(lines[2]).toMatch(/^EU,\d+,[-\d.]+,[-\d.]+,[-\d.]+,$/);
  });
  it('csv is the default in a pipe; ndjson, markdown and table', async () => {
    expect((await cx('nps', data('responses.csv'), ...flags)).stdout).toBe((await cx('nps', data('responses.csv'), ...flags, '--format', 'csv')).stdout);
    const nd = (await cx('nps', data('responses.csv'), ...flags, '--format', 'ndjson')).stdout.trimEnd().split('\n');
    expect(nd.map((l) => JSON.parse(l).region)).toEqual(['APAC', 'EU', 'US']);
    const md = (await cx('nps', data('responses.csv'), ...flags, '--format', 'markdown')).stdout.split('\n');
    expect(md[0]).toBe('| region | n | value | lower | upper | flags |');
    expect(md[1]).toBe('| --- | --- | --- | --- | --- | --- |');
    const table = (await cx('nps', data('responses.csv'), ...flags, '--format', 'table')).stdout.split('\n');
    expect(table[0]).toMatch(/^region\s+n\s+value \(interval\)\s+flags$/);
    expect(table[1]).toMatch(/^APAC\s+\d+\s+[-\d.]+ \([-\d.]+ to [-\d.]+\)$/);
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

  it('--on-invalid skip goes on and counts the skipped rows per reason, on stderr and in the metadata', async () => {
    const path = file('bad.csv', bad);
    const r = await cx('nps', path, '--value', 'score', '--by', 'region', '--on-invalid', 'skip', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('3 of 5 rows');
    const meta = JSON.parse(r.stdout).metadata;
    expect(meta.rowsRead).toBe(5);
    expect(meta.rowsSkipped).toBe(3);
    expect(meta.skipped).toEqual([
      { reason: 'expected an integer from 0 to 10, received 11', count: 1, lines: [3] },
      { reason: expect.stringContaining('"x"'), count: 1, lines: [4] },
      { reason: expect.stringContaining('missing'), count: 1, lines: [5] },
    ]);
    expect(rowsOf(r).map((x) => [x.region, x.n])).toEqual([['EU', 2]]);
  });

  it('a row with a wrong number of fields is an invalid row', async () => {
    const r = await cx('nps', file('short.csv', 'id,region,score\n1,EU,9\n2,EU\n'), '--value', 'score');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/short\.csv:3.*expected 3 fields/);
  });

  it('--out is atomic: a failing run leaves no file and no temporary file', async () => {
    const out = join(dir, 'atomic', 'out.csv');
    rmSync(join(dir, 'atomic'), { recursive: true, force: true });
    writeFileSync(file('x', ''), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'atomic'));
    const failed = await cx('nps', file('bad.csv', bad), '--value', 'score', '--out', out);
    expect(failed.code).toBe(1);
    expect(readdirSync(join(dir, 'atomic'))).toEqual([]);
    const ok = await cx('nps', data('responses.csv'), '--value', 'score', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['out.csv']);
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
    const { responses } = json('responses.json');
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

describe('tallies merged from shards', () => {
  it('counts on two halves, merged, equal the run on the whole file', async () => {
    const lines = readFileSync(data('responses.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0] as string;
    const half = Math.floor(lines.length / 2);
    const a = file('part-1.csv', [header, ...lines.slice(1, half)].join('\n'));
    const b = file('part-2.csv', [header, ...lines.slice(half)].join('\n'));
    const flags = [...NPS_FLAGS, '--changes', 'previous', '--min-count', '30'];
    const pa = await cx('counts', 'nps', a, ...flags, '--out', join(dir, 'part-1.json'));
    const pb = await cx('counts', 'nps', b, ...flags, '--out', join(dir, 'part-2.json'));
    expect([pa.code, pb.code]).toEqual([0, 0]);
    const merged = await cx('merge', join(dir, 'part-1.json'), join(dir, 'part-2.json'), '--format', 'csv');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe((await cx('nps', data('responses.csv'), ...flags, '--format', 'csv')).stdout);
    const other = await cx('counts', 'nps', a, '--value', 'score', '--out', join(dir, 'part-3.json'));
    expect(other.code).toBe(0);
    const refused = await cx('merge', join(dir, 'part-1.json'), join(dir, 'part-3.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('parts must share the command and flags');
  });

  it('mrr tallies merge too', async () => {
    const flags = ['--customer', 'customer_id', '--at', 'at', '--mrr', 'mrr', '--period', 'quarter'];
    const counted = await cx('counts', 'mrr', data('billing-changes.csv'), ...flags, '--out', join(dir, 'mrr.json'));
    expect(counted.code, counted.stderr).toBe(0);
    const merged = await cx('merge', join(dir, 'mrr.json'), '--format', 'csv');
    expect(merged.stdout).toBe((await cx('mrr', data('billing-changes.csv'), ...flags, '--format', 'csv')).stdout);
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
    const html = readFileSync(join(dir, 'sample-report.html'), 'utf8');
    expect(html).toContain('Sample report');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('a bad config is a usage error', async () => {
    const r = await cx('report', file('bad.json', '{"sections": [{"command": "nope", "input": "x.csv"}]}'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sections[0].command');
  });
});
