/**
 * The metric commands in process on the sample data and small files: each
 * command's table against the library's own functions on the same records,
 * the formats, skipped rows, tallies merged from shards and report configs.
 * What needs the built bin (standard input, exit codes of the process, the
 * version from the package) is in `command-line.test.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { cohorts, customerChurn, mrrSeries, segment, trend } from '../../src/index.js';
import { ROOT } from './built-bin.js';
import { data, NPS_FLAGS, rowsOf, sample, scratch } from './files.js';
import { cx } from './in-process.js';

// Runs read the sample files: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const { file, path } = scratch('cxmetrics-commands-');

describe('metric commands against the library', () => {
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
    const { responses } = sample('responses.json');
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
    const { tickets, asOf } = sample('tickets.json');
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
      options: { open: 'censor', asOf, businessHours: sample('tickets.json').businessHours, interval: {} },
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
    const { tickets } = sample('tickets.json');
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
    const { changes, asOf } = sample('billing-changes.json');
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
  it('--html writes the report of the run beside its output, to standard output or --out', async () => {
    const r = await cx('nps', data('responses.csv'), ...flags, '--format', 'csv', '--html', path('run.html'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await cx('nps', data('responses.csv'), ...flags, '--format', 'csv')).stdout);
    expect(r.stderr).toBe(`cxmetrics: HTML report written to ${path('run.html')}\n`);
    const html = readFileSync(path('run.html'), 'utf8');
    expect(html).toContain(`<title>nps: ${data('responses.csv')}</title>`);
    expect(html).toContain('id="section-nps-1"');
    expect(html).toContain('<li>2,441 rows read from');
    const out = await cx('nps', data('responses.csv'), ...flags, '--out', path('run.csv'), '--html', path('run2.html'));
    expect(out.stdout).toBe('');
    expect(readFileSync(path('run.csv'), 'utf8')).toBe(r.stdout);
    expect(readFileSync(path('run2.html'), 'utf8')).toContain('id="section-nps-1"');
  });

  it('the long format’s columns, in the order the command-line guide gives', async () => {
    const header = async (...argv: string[]) => {
      const r = await cx(...argv, '--format', 'csv');
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.slice(0, r.stdout.indexOf('\n')).split(',');
    };
    const months = ['--period', 'month', '--time', 'answered_at'];
    expect(await header('nps', data('responses.csv'), '--value', 'score')).toStrictEqual(['n', 'value', 'lower', 'upper', 'flags']);
    expect(await header('nps', data('responses.csv'), ...flags, ...months, '--changes', 'previous')).toStrictEqual([
      'region',
      'period',
      'n',
      'value',
      'lower',
      'upper',
      'p',
      'p_adjusted',
      'significant',
      'flags',
    ]);
    const trends = await cx('nps', data('responses.csv'), ...flags, ...months, '--trend', '--format', 'json');
    expect(Object.keys(JSON.parse(trends.stdout).trends[0])).toStrictEqual([
      'region',
      'periods',
      'slope',
      'lower',
      'upper',
      'p',
      'p_adjusted',
      'significant',
      'test',
      'flags',
    ]);
    const billing = ['--customer', 'customer_id', '--at', 'at', '--mrr', 'mrr', '--period', 'quarter'];
    expect(await header('churn', data('billing-changes.csv'), ...billing, '--by', 'plan')).toStrictEqual([
      'plan',
      'period',
      'n',
      'lost',
      'value',
      'lower',
      'upper',
      'flags',
    ]);
    const movements = ['starting_mrr', 'new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'];
    const ends = [
      'ending_mrr',
      'customers_at_start',
      'customers_at_end',
      'customer_churn',
      'mrr_churn',
      'net_mrr_churn',
      'nrr',
      'grr',
      'expansion_revenue',
      'flags',
    ];
    expect(await header('mrr', data('billing-changes.csv'), ...billing)).toStrictEqual(['period', ...movements, ...ends]);
    expect(await header('mrr', data('billing-changes.csv'), ...billing, '--by', 'plan')).toStrictEqual([
      'plan',
      'period',
      'starting_mrr',
      'new_mrr',
      'expansion_mrr',
      'reactivation_mrr',
      'moved_in_mrr',
      'contraction_mrr',
      'churned_mrr',
      'moved_out_mrr',
      ...ends,
    ]);
    const cohortColumns = ['cohort', 'age', 'period', 'customers', 'percent', 'lower', 'upper', 'mrr', 'nrr', 'grr', 'flags'];
    expect(await header('mrr', data('billing-changes.csv'), ...billing, '--cohorts')).toStrictEqual(cohortColumns);
  });

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

describe('invalid rows', () => {
  const bad = 'id,region,score\n1,EU,9\n2,EU,11\n3,US,x\n4,US,\n5,EU,10\n';
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
});

describe('tallies merged from shards', () => {
  it('counts writes its tallies as JSON with the flags to replay, sorted, and without the output flags', async () => {
    const path = file('c.csv', 'region,score\nEU,9\nEU,11\nUS,3\n');
    const r = await cx('counts', 'nps', path, '--value', 'score', '--scale', '0-10', '--on-invalid', 'skip', '--by', 'region', '--format', 'json', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const counts = JSON.parse(r.stdout);
    expect(counts).toMatchObject({
      kind: 'cxmetricsCounts',
      command: 'nps',
      args: ['--by', 'region', '--on-invalid', 'skip', '--scale', '0-10', '--value', 'score'],
      input: path,
      rowsRead: 3,
      rowsSkipped: 1,
      skipped: [{ reason: 'expected an integer from 0 to 10, received 11', count: 1, lines: [3] }],
    });
    expect(r.stderr).toContain(`cxmetrics: 1 of 3 rows of ${path} skipped as invalid`);
    expect(counts.cxmetrics).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('counts: its help, a metric’s help, an unknown metric, and the flags that do not apply', async () => {
    for (const argv of [['--help'], ['-h']]) {
      const r = await cx('counts', ...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: cxmetrics counts <metric> FILE \[the metric command’s flags\]\n\n.*\n\nExample:\n {2}cxmetrics counts nps /s);
    }
    const nps = await cx('counts', 'nps', '--help');
    expect(nps.code).toBe(0);
    expect(nps.stdout).toMatch(/^Usage: cxmetrics counts nps FILE \[flags\]\n/);
    expect(nps.stdout).toContain('--value COLUMN');
    const unknown = await cx('counts', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`cxmetrics counts: unknown metric "nope": one of ${[...COMMANDS.keys()].join(', ')}\nSee 'cxmetrics counts --help'.\n`);
    const csv = await cx('counts', 'nps', 'a.csv', '--value', 'score', '--format', 'csv');
    expect(csv.stderr).toContain('counts writes JSON; --format does not apply');
  });

  it('merge: its help; files that are not counts files; parts of another command or flags; tallies that do not merge', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await cx('merge', flag);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: cxmetrics merge PART\.json\.\.\. \[flags\]\n\nMerges the tallies written by cxmetrics counts/);
      expect(help.stdout).toContain('Example:\n  cxmetrics merge part-1.json part-2.json --format csv\n');
    }
    const notCounts = [
      'null',
      '[]',
      '{"kind": "other", "command": "nps", "args": [], "counts": {}}',
      '{"kind": "cxmetricsCounts", "command": 1, "args": [], "counts": {}}',
      '{"kind": "cxmetricsCounts", "command": "nps", "args": "--value", "counts": {}}',
      '{"kind": "cxmetricsCounts", "command": "nps", "args": [], "counts": 3}',
    ];
    for (const text of notCounts) {
      const path = file('n.json', text);
      const r = await cx('merge', path);
      expect(r.code, text).toBe(1);
      expect(r.stderr, text).toBe(
        `cxmetrics merge: ${path}: not a counts file: expected the JSON that cxmetrics counts writes ({ "kind": "cxmetricsCounts", ... })\n`,
      );
    }
    const a = file('ma.csv', 'region,score\nEU,9\nEU,x\n');
    const b = file('mb.csv', 'region,score\nEU,3\nUS,y\nUS,z\n');
    const flags = ['--value', 'score', '--by', 'region', '--on-invalid', 'skip', '--quiet'];
    expect((await cx('counts', 'nps', a, ...flags, '--out', path('ma.json'))).code).toBe(0);
    expect((await cx('counts', 'nps', b, ...flags, '--out', path('mb.json'))).code).toBe(0);
    expect((await cx('counts', 'nps', b, '--value', 'score', '--out', path('mc.json'))).code).toBe(1);
    expect((await cx('counts', 'nps', file('mc.csv', 'score\n9\n'), '--value', 'score', '--out', path('mc.json'))).code).toBe(0);
    const refused = await cx('merge', path('ma.json'), path('mc.json'));
    expect(refused.stderr).toBe(
      `cxmetrics merge: ${path('mc.json')} was counted by \`cxmetrics counts nps --value score\`, ${path('ma.json')} by \`cxmetrics counts nps --by region --on-invalid skip --value score\`: parts must share the command and flags\nSee 'cxmetrics merge --help'.\n`,
    );
    // The rows read and skipped add up over the parts, per reason.
    const merged = await cx('merge', path('ma.json'), path('mb.json'), '--format', 'json');
    expect(merged.code, merged.stderr).toBe(0);
    const meta = JSON.parse(merged.stdout).metadata;
    expect(meta).toMatchObject({ command: 'nps', input: `${a}, ${b}`, rowsRead: 5, rowsSkipped: 3 });
    expect(meta.skipped.map((s: { count: number }) => s.count).reduce((x: number, y: number) => x + y)).toBe(3);
    // US had no valid answer in either part, so it has no cell.
    expect(JSON.parse(merged.stdout).rows).toMatchObject([{ region: 'EU', n: 2 }]);
    // Tallies edited to a negative count do not merge: the error names both parts.
    const edited = JSON.parse(readFileSync(path('mb.json'), 'utf8'));
    const tampered = JSON.stringify(edited).replace('"promoters":0', '"promoters":-1');
    expect(tampered).not.toBe(JSON.stringify(edited));
    const bad = file('bad-part.json', tampered);
    const failed = await cx('merge', path('ma.json'), bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^cxmetrics merge: ${bad}: cannot merge with ${path('ma.json')}: `));
    const unknown = file('unknown.json', JSON.stringify({ ...edited, command: 'zzz' }));
    expect((await cx('merge', unknown)).stderr).toBe(`cxmetrics merge: ${unknown}: unknown command "zzz"\n`);
  });

  it('merge with --trend replayed writes the trends, and refuses a format of one table', async () => {
    const answers = file('tr.csv', 'at,score\n2026-01-05T10:00:00Z,9\n2026-02-05T10:00:00Z,3\n2026-03-05T10:00:00Z,10\n2026-03-06T10:00:00Z,10\n');
    const flags = ['--value', 'score', '--period', 'month', '--time', 'at', '--trend'];
    expect((await cx('counts', 'nps', answers, ...flags, '--out', path('tr.json'))).code).toBe(0);
    const json = await cx('merge', path('tr.json'), '--format', 'json');
    expect(JSON.parse(json.stdout).trends).toStrictEqual(JSON.parse((await cx('nps', answers, ...flags, '--format', 'json')).stdout).trends);
    const csv = await cx('merge', path('tr.json'), '--format', 'csv');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--trend writes a second table, which csv cannot hold');
    expect(csv.stderr).toContain("See 'cxmetrics merge --help'.");
  });

  it('counts on two halves, merged, equal the run on the whole file', async () => {
    const lines = readFileSync(data('responses.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0] as string;
    const half = Math.floor(lines.length / 2);
    const a = file('part-1.csv', [header, ...lines.slice(1, half)].join('\n'));
    const b = file('part-2.csv', [header, ...lines.slice(half)].join('\n'));
    const flags = [...NPS_FLAGS, '--changes', 'previous', '--min-count', '30'];
    const pa = await cx('counts', 'nps', a, ...flags, '--out', path('part-1.json'));
    const pb = await cx('counts', 'nps', b, ...flags, '--out', path('part-2.json'));
    expect([pa.code, pb.code]).toEqual([0, 0]);
    const merged = await cx('merge', path('part-1.json'), path('part-2.json'), '--format', 'csv');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe((await cx('nps', data('responses.csv'), ...flags, '--format', 'csv')).stdout);
    const other = await cx('counts', 'nps', a, '--value', 'score', '--out', path('part-3.json'));
    expect(other.code).toBe(0);
    const refused = await cx('merge', path('part-1.json'), path('part-3.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('parts must share the command and flags');
  });

  it('mrr tallies merge too', async () => {
    const flags = ['--customer', 'customer_id', '--at', 'at', '--mrr', 'mrr', '--period', 'quarter'];
    const counted = await cx('counts', 'mrr', data('billing-changes.csv'), ...flags, '--out', path('mrr.json'));
    expect(counted.code, counted.stderr).toBe(0);
    const merged = await cx('merge', path('mrr.json'), '--format', 'csv');
    expect(merged.stdout).toBe((await cx('mrr', data('billing-changes.csv'), ...flags, '--format', 'csv')).stdout);
  });
});

describe('report', () => {
  it('a bad config is a usage error that says what is wrong where', async () => {
    const cases: [string, string][] = [
      ['{"sections": [{"command": "nope", "input": "x.csv"}]}', 'sections[0].command must be one of nps, csat, '],
      ['{"sections": [{"command": 3, "input": "x.csv"}]}', 'sections[0].command must be one of'],
      ['{"sections": [null]}', 'sections[0] must be an object { command, input, ...flags }'],
      ['{"sections": [[]]}', 'sections[0] must be an object'],
      ['{"sections": [{"command": "nps", "input": "x.csv"}, 7]}', 'sections[1] must be an object'],
      ['{"out": 3, "sections": [{"command": "nps", "input": "x.csv"}]}', 'out must be a file name'],
      ['{"sections": {"command": "nps"}}', 'sections must be a non-empty list'],
      ['null', 'expected an object { title, out, sections }'],
      ['"text"', 'expected an object'],
    ];
    for (const [text, message] of cases) {
      const path = file('bad.json', text);
      const r = await cx('report', path);
      expect(r.code, text).toBe(2);
      expect(r.stderr.startsWith(`cxmetrics report: report config ${path}: ${message}`), r.stderr).toBe(true);
    }
    const missing = await cx('report', path('none.yml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read the report config ${path('none.yml')}: `);
    expect((await cx('report', file('bad.yml', 'title: [\n'))).stderr).toContain('bad.yml is not valid YAML');
    expect((await cx('report', file('bad.yaml.json', 'title: x\n'))).stderr).toContain('is not valid JSON');
    expect((await cx('report', 'a.json', 'b.json')).stderr).toContain('expected one report config (JSON or YAML)');
  });

  it('--help shows the config and an example', async () => {
    const r = await cx('report', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cxmetrics report CONFIG.(json|yaml) [flags]');
    expect(r.stdout).toContain('sections: [{ command, input, ...flags }]');
    expect(r.stdout).toContain('Example:\n  cxmetrics report examples/report.yaml --out report.html');
  });

  it('reads inputs, label and business-hours files relative to the config; flags by name, lists and true; the title, out and section ids', async () => {
    const sub = path('cfg');
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, 'answers.csv'),
      'region,at,label,score\nEU,2026-01-05T10:00:00Z,good,10\nEU,2026-02-05T10:00:00Z,bad,3\nUS,2026-01-06T10:00:00Z,good,9\n',
    );
    writeFileSync(join(sub, 'labels.json'), '{"bad": 1, "good": 5}');
    writeFileSync(join(sub, 'hours.json'), readFileSync(data('business-hours.json')));
    writeFileSync(join(sub, 'tickets.csv'), readFileSync(data('tickets.csv')));
    const config = join(sub, 'r.yml');
    writeFileSync(
      config,
      [
        'title: Quarterly review',
        'sections:',
        '  - { command: nps, input: answers.csv, value: score, by: [region], period: month, time: at, trend: true, totals: false, min-count: 1 }',
        '  - { command: csat, input: answers.csv, value: label, labels: labels.json, scale: 1-5 }',
        '  - { command: csat, input: answers.csv, value: label, labels: \'{"bad": 4, "good": 5}\', scale: 1-5 }',
        '  - { command: ttr, input: tickets.csv, opened: created_at, resolved: solved_at, business-hours: hours.json, open: censor, as-of: 2026-04-07T18:00:00+02:00 }',
      ].join('\n'),
    );
    const r = await cx('report', config, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    // Without --out or an out in the config, the report goes beside the config with its name.
    const out = join(sub, 'r.html');
    expect(r.stderr).toBe(`cxmetrics: HTML report written to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Quarterly review</title>');
    for (const id of ['nps-1', 'csat-2', 'csat-3', 'ttr-4']) expect(html).toContain(`id="section-${id}"`);
    expect(html).toContain('NPS (points) by region, per month');
    expect(html).toContain('<dt>Input</dt><dd>answers.csv</dd>');
    expect(html).toContain('<dt>Input</dt><dd>tickets.csv</dd>');
    const section = (id: string): string => {
      const start = html.indexOf(`id="section-${id}"`);
      const next = html.indexOf('id="section-', start + 1);
      return html.slice(start, next === -1 ? undefined : next);
    };
    // The trend asked for with `true` has its table; with `totals: false` every row is a region's.
    expect(section('nps-1')).toContain('data-field="slope"');
    expect(section('nps-1')).toContain('data-segment="EU"');
    expect(section('nps-1')).not.toContain('data-segment="all"');
    // The labels from the file: good = 5 is satisfied on 1 to 5, so 2 of 3 answers.
    expect(section('csat-2')).toContain('<td class="num" data-field="value">66.7</td>');
    // The labels given inline: bad = 4 is satisfied too.
    expect(section('csat-3')).toContain('<td class="num" data-field="value">100</td>');

    const named = join(sub, 'named.json');
    writeFileSync(named, JSON.stringify({ out: 'deeper/named-out.html', sections: [{ command: 'nps', input: 'answers.csv', value: 'score' }] }));
    const second = await cx('report', named, '--quiet');
    expect(second.stderr).toBe(`cxmetrics: HTML report written to ${join(sub, 'deeper', 'named-out.html')}\n`);
    // A config without a title is named by its file.
    expect(readFileSync(join(sub, 'deeper', 'named-out.html'), 'utf8')).toContain('<title>named.json</title>');
    const third = await cx('report', named, '--out', join(sub, 'given.html'), '--quiet');
    expect(third.stderr).toContain(join(sub, 'given.html'));
  });

  it('skipped rows of a section are reported on standard error and noted under it', async () => {
    const answers = file('skip.csv', 'score\n9\n11\n10\n');
    const config = file('skip.json', JSON.stringify({ sections: [{ command: 'nps', input: answers, value: 'score', 'on-invalid': 'skip' }] }));
    const r = await cx('report', config, '--out', path('skip.html'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`cxmetrics: 1 of 3 rows of ${answers} skipped as invalid:\n  1 × expected an integer from 0 to 10, received 11 (lines 3)\n`);
    expect(readFileSync(path('skip.html'), 'utf8')).toContain('<li>1 invalid rows skipped: 1 × expected an integer from 0 to 10, received 11</li>');
  });
});

describe('from-rows', () => {
  it('computes what the command computes on the records the rows were counted from, weights and periods included', async () => {
    const records = file(
      'fr-records.csv',
      'region,at,score,w\nEU,2026-01-05T10:00:00Z,9,2\nEU,2026-01-06T10:00:00Z,9,2\nEU,2026-01-07T10:00:00Z,9,2\nEU,2026-01-08T10:00:00Z,3,1\nEU,2026-02-02T10:00:00Z,10,1\nEU,2026-02-03T10:00:00Z,10,1\nUS,2026-02-03T10:00:00Z,0,1\n',
    );
    const rows = file('fr-rows.csv', 'k1,p,v1,w,n\nEU,2026-01-01,9,2,3\nEU,2026-01-01,3,1,1\nEU,2026-02-01,10,1,2\nUS,2026-02-01,0,1,1\n');
    const flags = ['--value', 'score', '--weight', 'w', '--by', 'region', '--period', 'month', '--time', 'at', '--format', 'csv'];
    const direct = await cx('nps', records, ...flags);
    const fromRows = await cx('from-rows', rows, '--metric', 'nps', ...flags);
    expect(fromRows.code, fromRows.stderr).toBe(0);
    expect(fromRows.stdout).toBe(direct.stdout);
    expect(fromRows.stdout.split('\n')).toHaveLength(5);
    const json = JSON.parse((await cx('from-rows', rows, '--metric=nps', ...flags.slice(0, -2), '--format', 'json')).stdout);
    expect(json.metadata).toMatchObject({ command: 'from-rows', input: rows, rowsRead: 4 });
  });

  it('its help; the metric required and known; no engine; a refused row named by its column', async () => {
    const help = await cx('from-rows');
    expect(help).toMatchObject({ code: 2, stdout: '' });
    expect(help.stderr).toMatch(/^Usage: cxmetrics from-rows ROWS --metric <metric> \[the metric command’s flags\]\n/);
    for (const flag of ['-h', '--help']) expect(await cx('from-rows', flag)).toStrictEqual({ code: 0, stdout: help.stderr, stderr: '' });
    const rows = file('fr-bad.csv', 'v1,n\n9,1\nx,2\n');
    expect((await cx('from-rows', rows, '--value', 'score')).stderr).toContain('--metric is required');
    expect((await cx('from-rows', rows, '--metric', 'nope')).stderr).toBe(
      `cxmetrics from-rows: unknown metric "nope": one of ${[...COMMANDS.keys()].join(', ')}\nSee 'cxmetrics from-rows --help'.\n`,
    );
    for (const [flag, value] of [
      ['--engine', 'duckdb'],
      ['--sql', 'postgres'],
    ])
      expect((await cx('from-rows', rows, '--metric', 'nps', '--value', 'score', flag as string, value as string)).stderr).toContain(
        `${flag} does not apply: from-rows reads rows a SQL engine returned`,
      );
    const bad = await cx('from-rows', rows, '--metric', 'nps', '--value', 'score');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^cxmetrics from-rows: ${rows}: column "score" value "x" \\(2 rows\\): `));
    const short = await cx('from-rows', file('fr-short.csv', 'v1,n\n9\n'), '--metric', 'nps', '--value', 'score');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/fr-short\.csv:2: expected 2 fields/);
    const trend = await cx('from-rows', rows, '--metric', 'nps', '--value', 'score', '--period', 'month', '--time', 'at', '--trend', '--format', 'ndjson');
    expect(trend.code).toBe(2);
    expect(trend.stderr).toContain('which ndjson cannot hold');
  });
});
