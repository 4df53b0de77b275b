import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { Progress } from '../../src/cli/progress.js';
import { data, scratch } from './files.js';
import { cx } from './in-process.js';

// Runs read files and a report loads ECharts: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const { file, path } = scratch('cxmetrics-main-');

const rows = async (...argv: string[]) => {
  const r = await cx(...argv, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).rows as Record<string, unknown>[];
};

const ANSWERS =
  'id,region,at,score,label,w,effort,rec,again,more\n1,EU,2026-01-05T10:00:00Z,10,Very good,1,7,10,9,8\n2,EU,2026-02-05T10:00:00Z,6,Good,2,2,9,9,9\n3,US,2026-01-06T10:00:00Z,9,Bad,1,6,3,4,5\n4,US,2026-02-06T10:00:00Z,3,Very good,0.5,1,8,8,8\n';

describe('each metric’s flags reach its options', () => {
  it('nps: scale, cut-offs, interval method and level, weights, decimals and rounding', async () => {
    const path = file('a.csv', ANSWERS);
    const r = await rows(
      'nps',
      path,
      '--value',
      'score',
      '--scale',
      '0-10',
      '--promoter-min',
      '10',
      '--detractor-max',
      '5',
      '--interval',
      'wald',
      '--level',
      '0.9',
      '--decimals',
      '2',
      '--rounding',
      'half-even',
    );
    expect(r[0]).toMatchObject({ n: 4, value: 0 });
    const weighted = await rows('nps', path, '--value', 'score', '--weight', 'w', '--interval', 'none');
    expect(weighted[0]).toMatchObject({ n: 4, lower: null, upper: null });
  });

  it('csat and ces: labels inline or from a file, satisfied and easy points, direction', async () => {
    const path = file('a.csv', ANSWERS);
    const labels = file('labels.json', '{"Very good": 5, "Good": 4, "Bad": 1}');
    expect((await rows('csat', path, '--value', 'label', '--labels', '{"Very good": 5, "Good": 4, "Bad": 1}'))[0]).toMatchObject({ n: 4, value: 75 });
    expect((await rows('csat', path, '--value', 'label', '--labels', labels, '--satisfied', '5'))[0]).toMatchObject({ value: 50 });
    expect((await rows('ces', path, '--value', 'effort', '--scale', '1-7', '--easy', '1,2', '--direction', 'lower-is-easier'))[0]).toMatchObject({ value: 50 });
  });

  it('loyalty, fcr, repurchase and upsell options', async () => {
    const path = file('a.csv', ANSWERS);
    expect(
      (await rows('loyalty', path, '--recommend', 'rec', '--repurchase', 'again', '--upsell', 'more', '--aggregate', 'mean', '--interval', 'none'))[0],
    ).toMatchObject({ n: 4 });
    const tickets = data('tickets.csv');
    const all = await rows('fcr', tickets, '--contacts', 'contacts', '--resolved', 'resolved', '--denominator', 'all', '--interval', 'jeffreys');
    expect(all[0]?.n).toBe(40);
    const customers = file('c.csv', 'id,purchases,up\n1,3,no\n2,1,yes\n');
    expect((await rows('repurchase', customers, '--value', 'purchases', '--method', 'repurchases'))[0]).toMatchObject({ n: 2 });
    expect((await rows('upsell', customers, '--upgraded', 'up'))[0]).toMatchObject({ n: 2, value: 50 });
  });

  it('ttr and frt: statistic, resolution, time unit, decimals', async () => {
    const tickets = file(
      't.csv',
      'id,opened,first,resolved,replied\n1,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,2026-01-01T03:00:00Z,2026-01-01T00:30:00Z\n2,2026-01-01T00:00:00Z,2026-01-01T02:00:00Z,2026-01-01T02:00:00Z,2026-01-01T00:10:00Z\n',
    );
    expect(
      (await rows('ttr', tickets, '--opened', 'opened', '--resolved', 'resolved', '--statistic', 'mean', '--time-unit', 'min', '--decimals', '0'))[0],
    ).toMatchObject({ value: 150 });
    expect(
      (
        await rows('ttr', tickets, '--opened', 'opened', '--resolved', 'resolved', '--first-resolved', 'first', '--resolution', 'first', '--statistic', 'mean')
      )[0],
    ).toMatchObject({ value: 1.5 });
    expect(
      (await rows('frt', tickets, '--opened', 'opened', '--first-responded', 'replied', '--statistic', 'mean', '--time-unit', 's', '--interval', 'none'))[0],
    ).toMatchObject({ n: 2, value: 1200 });
  });

  it('periods: weeks with their start day, fiscal quarters, labels; totals, a missing-key label, changes against the rest', async () => {
    const path = file('a.csv', ANSWERS);
    const weeks = await rows('nps', path, '--value', 'score', '--period', 'week', '--time', 'at', '--week-start', 'sun');
    // Weeks from Sunday; the empty weeks between are rows too, flagged no-records.
    expect(weeks.map((x) => x.period)).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
    expect(weeks[1]?.flags).toEqual(['no-records']);
    const fiscal = await rows('nps', path, '--value', 'score', '--period', 'quarter', '--time', 'at', '--year-start', '10');
    expect(fiscal.map((x) => x.period)).toEqual(['FY2026-Q2']);
    const labels = await rows('nps', path, '--value', 'score', '--period', 'label', '--time', 'label');
    expect(labels.map((x) => x.period)).toEqual(['Very good', 'Good', 'Bad']);
    const gaps = file('g.csv', 'region,score\nEU,9\n,3\n');
    expect((await rows('nps', gaps, '--value', 'score', '--by', 'region', '--missing-key', 'n/a', '--totals')).map((x) => x.region)).toEqual([
      'EU',
      'n/a',
      null,
    ]);
    const rest = await rows('nps', path, '--value', 'score', '--by', 'region', '--changes', 'rest', '--adjust', 'bh', '--as-of', '2026-03-01T00:00:00Z');
    expect(rest.map((x) => typeof x.p)).toEqual(['number', 'number']);
  });

  it('mrr: definition choices and cohort measure; churn with its denominator', async () => {
    const flags = ['--customer', 'customer_id', '--at', 'at', '--mrr', 'mrr', '--period', 'quarter', '--by', 'plan'];
    const m = await rows(
      'mrr',
      data('billing-changes.csv'),
      ...flags,
      '--joined-and-left',
      'count',
      '--reactivation-within',
      '2',
      '--denominator',
      'start-plus-added',
      '--contraction',
      'exclude',
      '--reactivation-in-rates',
      'exclude',
      '--decimals',
      '1',
      '--rounding',
      'half-even',
      '--year-start',
      '1',
    );
    expect(Object.keys(m[0] as object)).toContain('moved_in_mrr');
    const k = await rows('mrr', data('billing-changes.csv'), ...flags, '--cohorts', '--measure', 'active', '--interval', 'none');
    expect(k[0]).toMatchObject({ age: 0, lower: null });
    const c = await rows('churn', data('billing-changes.csv'), ...flags, '--denominator', 'start-plus-added', '--interval', 'none', '--missing-key', 'none');
    expect(c.every((x) => x.lower === null)).toBe(true);
  });
});

describe('errors', () => {
  it.each([
    [['nps', 'a.csv', '--value', 's', '--tz', 'UTC'], '--tz needs periods'],
    [['nps', 'a.csv', '--value', 's', '--period', 'month'], '--period goes with --time'],
    [['nps', 'a.csv', '--value', 's', '--time', 't'], '--time goes with --period'],
    [['nps', 'a.csv', '--value', 's', '--period', 'label', '--time', 't', '--tz', 'UTC'], '--tz applies to calendar periods'],
    [['nps', 'a.csv', '--value', 's', '--adjust', 'bh'], '--adjust goes with --changes or --trend'],
    [['nps', 'a.csv', '--value', 's', '--time-unit', 'h'], 'unknown flag --time-unit'],
    [['nps', 'a.csv', '--value', 's', '--scale', '1..5'], '--scale expects MIN-MAX'],
    [['csat', 'a.csv', '--value', 's', '--satisfied', '4,x'], '--satisfied expects a comma-separated list of integers'],
    [['csat', 'a.csv', '--value', 's', '--labels', '{bad'], '--labels expects JSON'],
    [['ttr', 'a.csv', '--opened', 'o', '--resolved', 'r', '--business-hours', 'nowhere.json'], '--business-hours expects a readable JSON file'],
    [['mrr', 'a.csv', '--horizon', '3'], '--horizon and --measure go with --cohorts'],
    [['nps', 'a.csv', 'b.csv', '--value', 's'], 'expected one input file, received 2'],
    [['nps', 'a.csv', '--value', 's', '--quiet', '--quiet'], '--quiet is given twice'],
    [['nps', 'a.csv', '--value'], '--value expects a value (COLUMN), received nothing'],
    [['nps', 'a.csv', '--quiet=yes'], '--quiet takes no value'],
    [['nps', 'a.csv', '-z'], 'unknown flag -z'],
    [['nps', 'a.csv', '--min-count', '1.5'], '--min-count expects an integer'],
    [['nps', 'a.csv', '--by', 'a,,b'], '--by expects a comma-separated list'],
    [['counts'], 'Usage: cxmetrics counts'],
    [['counts', 'nope'], 'unknown metric "nope"'],
    [['counts', 'nps', 'a.csv', '--value', 's', '--html', 'x.html'], 'counts writes JSON; --html does not apply'],
    [['counts', 'mrr', 'a.csv', '--cohorts'], 'cohorts are computed from the whole change log'],
    [['merge'], 'no counts files given'],
    [['report'], 'expected one report config'],
    [['nps', 'a.csv', '--value', 's', '--by', 'region,value'], '--by value: the output has a column of that name'],
    [['ttr', 'a.csv', '--opened', 'o', '--resolved', 'r', '--changes', 'rest'], 'unknown flag --changes'],
  ])('%j', async (argv, message) => {
    const r = await cx(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(message);
  });

  it('each kind of error word for word, with its exit code and the help it points to', async () => {
    const answers = file('a.csv', ANSWERS);
    expect(await cx('nope')).toStrictEqual({ code: 2, stdout: '', stderr: `cxmetrics nope: unknown command "nope"\nSee 'cxmetrics --help'.\n` });
    const level = await cx('nps', answers, '--value', 'score', '--level', '2');
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/^cxmetrics nps: --level: expected .*\nSee 'cxmetrics nps --help'\.\n$/);
    const counted = await cx('counts', 'nps', answers, '--value', 'score', '--promoter-min', '11');
    expect(counted.code).toBe(2);
    expect(counted.stderr).toMatch(/^cxmetrics counts: --promoter-min: .*\nSee 'cxmetrics nps --help'\.\n$/);
    const column = await cx('nps', answers, '--value', 'rating');
    expect(column.code).toBe(2);
    expect(column.stderr).toMatch(/^cxmetrics nps: .*"rating".*"id", "region", "at", "score"/);
    expect(column.stderr).not.toContain('See ');
    const row = await cx('nps', file('r.csv', 'region,score\nEU,9\nEU,11\n'), '--value', 'score');
    expect(row).toStrictEqual({
      code: 1,
      stdout: '',
      stderr: `cxmetrics nps: ${path('r.csv')}:3:2: column "score" value "11": expected an integer from 0 to 10, received 11\n`,
    });
    const missing = await cx('nps', path('none.csv'), '--value', 'score');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(new RegExp(`^cxmetrics nps: ${path('none.csv')}: cannot open the file: ENOENT`));
  });

  it('an option the library refuses names its flag; a bad time zone names --tz', async () => {
    const path = file('a.csv', ANSWERS);
    expect((await cx('nps', path, '--value', 'score', '--level', '2')).stderr).toContain('--level: ');
    expect((await cx('nps', path, '--value', 'score', '--period', 'month', '--time', 'at', '--tz', 'Mars/Olympus')).stderr).toMatch(/--tz: /);
  });

  it('an unreadable file, a bad JSON file and a wrong time are exit 1 with where', async () => {
    const missing = await cx('nps', path('none.csv'), '--value', 'score');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('none.csv');
    const json = await cx('nps', file('bad.json', '[{"score": 9},'), '--value', 'score');
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/bad\.json:\d+/);
    const time = await cx('nps', file('t.csv', 'score,at\n9,2026-01-01\n'), '--value', 'score', '--period', 'month', '--time', 'at');
    expect(time.code).toBe(1);
    expect(time.stderr).toContain('t.csv:2:2: column "at" value "2026-01-01": expected an ISO-8601 time with an offset');
  });

  it('a refused value in JSON input is placed by its line and named by its key; the first ten lines of a reason are kept', async () => {
    const ndjson = file('a.ndjson', '{"score": 9}\n{"score": 11}\n');
    expect((await cx('nps', ndjson, '--value', 'score')).stderr).toBe(
      `cxmetrics nps: ${ndjson}:2: column "score" value "11": expected an integer from 0 to 10, received 11\n`,
    );
    // Valid rows around invalid ones, in one batch: the invalid are found among them and skipped, the valid counted.
    const scores = Array.from({ length: 1000 }, (_, i) => (i % 97 === 5 ? 11 : i % 11));
    const many = file('many.csv', `score\n${scores.join('\n')}\n`);
    const r = await rows('nps', many, '--value', 'score', '--on-invalid', 'skip', '--interval', 'none');
    const valid = scores.filter((x) => x <= 10);
    const expected = Math.round((1000 * (valid.filter((x) => x >= 9).length - valid.filter((x) => x <= 6).length)) / valid.length) / 10;
    expect(r).toMatchObject([{ n: valid.length, value: expected }]);
    const meta = JSON.parse((await cx('nps', many, '--value', 'score', '--on-invalid', 'skip', '--format', 'json')).stdout).metadata;
    const invalidLines = scores.flatMap((x, i) => (x > 10 ? [i + 2] : []));
    expect(meta.skipped).toStrictEqual([
      { reason: 'expected an integer from 0 to 10, received 11', count: invalidLines.length, lines: invalidLines.slice(0, 10) },
    ]);
    expect(invalidLines.length).toBeGreaterThan(10);
  });

  it('an invalid change in a change log is skipped and the log computed again', async () => {
    const log = file('log.csv', 'customer,at,mrr\na,2026-01-01T00:00:00Z,10\nb,2026-01-02T00:00:00Z,-5\nb,2026-02-02T00:00:00Z,5\n');
    const stop = await cx('mrr', log, '--customer', 'customer');
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain(':3: column "mrr" value "-5"');
    const skip = await cx('mrr', log, '--customer', 'customer', '--on-invalid', 'skip', '--format', 'json');
    expect(skip.code).toBe(0);
    expect(JSON.parse(skip.stdout).metadata.skipped).toEqual([{ reason: expect.any(String), count: 1, lines: [3] }]);
  });

  it('a whole-row problem has no column; an empty cell shows no value', async () => {
    const short = await cx('nps', file('short.csv', 'region,score\nEU\n'), '--value', 'score');
    expect(short.stderr).toMatch(/short\.csv:2: expected 2 fields as in the header, found 1\n$/);
    const empty = await cx('nps', file('empty.csv', 'region,score\nEU,\n'), '--value', 'score');
    expect(empty.stderr).toMatch(/empty\.csv:2:2: column "score": /);
  });

  it('a comparison whose baseline is below the minimum count flags it as the baseline’s', async () => {
    const path = file('m.csv', 'region,at,score\nEU,2026-01-01T00:00:00Z,9\nEU,2026-02-01T00:00:00Z,9\nEU,2026-02-02T00:00:00Z,3\n');
    const r = await rows('nps', path, '--value', 'score', '--by', 'region', '--period', 'month', '--time', 'at', '--changes', 'previous', '--min-count', '2');
    expect(r.map((x) => x.flags)).toEqual([
      ['below-min-count', 'small-sample', 'no-baseline'],
      ['small-sample', 'baseline-below-min-count'],
    ]);
  });

  it('merge refuses a file that is not a counts file, and parts that do not merge', async () => {
    expect((await cx('merge', file('x.json', '{"rows": []}'))).code).toBe(1);
    expect((await cx('merge', file('y.json', 'not json'))).stderr).toContain('not a counts file');
    const a = file('a.csv', 'region,score\nEU,9\n');
    const b = file('b.csv', 'region,score\nEU,3\n');
    await cx('counts', 'nps', a, '--value', 'score', '--by', 'region', '--scale', '0-10', '--out', path('pa.json'));
    // The same flags in another order and spelling.
    await cx('counts', 'nps', b, '--scale=0-10', '--by', 'region', '--value', 'score', '-o', path('pb.json'));
    const merged = await cx('merge', path('pa.json'), path('pb.json'), '--format', 'json');
    expect(JSON.parse(merged.stdout).rows).toMatchObject([{ region: 'EU', n: 2, value: 0 }]);
    expect(JSON.parse(merged.stdout).metadata).toMatchObject({ rowsRead: 2, input: `${a}, ${b}` });
  });

  it('report configs: unknown keys, output flags in a section, bad values', async () => {
    const cases: [string, string][] = [
      ['{"title": 1, "sections": [{"command": "nps", "input": "a.csv"}]}', 'title must be text'],
      ['{"extra": 1, "sections": [{"command": "nps", "input": "a.csv"}]}', 'unknown key "extra"'],
      ['{"sections": []}', 'sections must be a non-empty list'],
      ['{"sections": [{"command": "nps"}]}', 'sections[0].input must be the data file'],
      ['{"sections": [{"command": "nps", "input": "a.csv", "format": "csv"}]}', 'output flags do not apply'],
      ['{"sections": [{"command": "nps", "input": "a.csv", "by": {"x": 1}}]}', 'expected text, a number, true or a list'],
      ['[1]', 'expected an object'],
      ['{', 'is not valid JSON'],
    ];
    for (const [text, message] of cases) {
      const r = await cx('report', file('r.json', text));
      expect(r.code, text).toBe(2);
      expect(r.stderr, text).toContain(message);
    }
    expect((await cx('report', file('r.yaml', 'sections: [\n'))).stderr).toContain('is not valid YAML');
  });

  it('a report from a config with false flags left out, written to --out', async () => {
    file('a.csv', ANSWERS);
    const config = file(
      'r.json',
      JSON.stringify({ sections: [{ command: 'nps', input: 'a.csv', value: 'score', by: ['region'], totals: false, 'min-count': 1 }] }),
    );
    const r = await cx('report', config, '--out', path('r.html'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('r.html');
  });
});

describe('output', () => {
  it('--trend in table and markdown adds a second table; no rows in ndjson is empty', async () => {
    const path = file('a.csv', ANSWERS);
    const flags = ['nps', path, '--value', 'score', '--by', 'region', '--period', 'month', '--time', 'at', '--trend', '--changes', 'previous'];
    expect((await cx(...flags, '--format', 'table')).stdout).toMatch(/\nTrends\nregion\s+periods\s+slope/);
    expect((await cx(...flags, '--format', 'markdown')).stdout).toContain('**Trends**');
    expect((await cx('nps', file('e.csv', 'score\n'), '--value', 'score', '--format', 'ndjson')).stdout).toBe('');
  });

  it('skipped rows are counted in the terminal table', async () => {
    const r = await cx('nps', file('s.csv', 'score\n9\n11\n'), '--value', 'score', '--on-invalid', 'skip', '--format', 'table');
    expect(r.stdout).toContain('1 invalid rows skipped');
  });

  it('--help and --version in process', async () => {
    expect((await cx('--help')).stdout).toContain('Metric commands:');
    expect((await cx('merge', '--help')).stdout).toContain('Example:');
    expect((await cx('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cx('-V')).stdout).toBe((await cx('--version')).stdout);
  });

  it('the help pages as written: the program’s, on standard output for --help, -h and help, on standard error without a command', async () => {
    const program = await cx('--help');
    for (const argv of [['-h'], ['help']]) expect(await cx(...argv)).toStrictEqual(program);
    expect(await cx()).toStrictEqual({ code: 2, stdout: '', stderr: program.stdout });
    const pages = [`$ cxmetrics --help\n${program.stdout}`];
    for (const name of [...COMMANDS.keys(), 'counts', 'merge', 'report', 'from-rows']) {
      const r = await cx(name, '--help');
      expect(r.code, name).toBe(0);
      pages.push(`$ cxmetrics ${name} --help\n${r.stdout}`);
    }
    await expect(pages.join('\n')).toMatchFileSnapshot('./__snapshots__/help.txt');
  });
});

describe('progress line', () => {
  const terminal = (columns: number | undefined) => {
    const written: string[] = [];
    return { stream: { isTTY: true, ...(columns === undefined ? {} : { columns }), write: (t: string) => written.push(t) }, written };
  };
  it('is drawn on a terminal, at most every 250 ms, cut to its width, whole when the width is 0, and cleared', () => {
    let now = 0;
    const wide = terminal(0);
    const p = new Progress(wide.stream, false, () => now);
    now = 2000;
    p.update(50e6, 200e6, 1_000_000);
    p.update(60e6, 200e6, 1_100_000);
    expect(wide.written).toEqual(['\r\x1b[2Kread 50 MB of 200 MB (25%), 500,000 rows/s, 6 s left']);
    now = 2300;
    p.update(200e6, 200e6, 4_000_000);
    p.done();
    expect(wide.written.at(-1)).toBe('\r\x1b[2K');
    const narrow = terminal(12);
    const q = new Progress(narrow.stream, false, () => now);
    q.update(1e6, null, 10);
    expect(narrow.written[0]).toBe('\r\x1b[2Kread 1.0 MB');
    expect(q.line(120e6, 0, 0)).toContain('(100%)');
  });
  it('is silent in a pipe and with --quiet', () => {
    const pipe = { write: () => expect.fail('written') };
    new Progress(pipe, false).update(1, 2, 3);
    const quiet = terminal(80);
    new Progress(quiet.stream, true).update(1, 2, 3);
    expect(quiet.written).toEqual([]);
  });
  it('writes the line word for word: megabytes, the share read, rows per second and the time left', () => {
    let now = 0;
    const p = new Progress(terminal(0).stream, false, () => now);
    now = 2000;
    expect(p.line(9_999_999, 20_000_000, 1000)).toBe('read 10.0 MB of 20 MB (49%), 500 rows/s, 3 s left');
    expect(p.line(10_000_000, 20_000_000, 1000)).toBe('read 10 MB of 20 MB (50%), 500 rows/s, 2 s left');
    expect(p.line(0, 20_000_000, 0)).toBe('read 0.0 MB of 20 MB (0%), 0 rows/s');
    expect(p.line(20_000_000, 20_000_000, 3_000_000)).toBe('read 20 MB of 20 MB (100%), 1,500,000 rows/s');
    expect(p.line(0, 0, 0)).toBe('read 0.0 MB of 0.0 MB (100%), 0 rows/s');
    expect(p.line(5_000_000, null, 10)).toBe('read 5.0 MB, 5 rows/s');
    // 59.5 s left rounds up to a minute's worth of seconds; exactly 60 s is a minute.
    expect(p.line(1, 30.75, 0)).toBe('read 0.0 MB of 0.0 MB (3%), 0 rows/s, 60 s left');
    expect(p.line(1, 31, 0)).toBe('read 0.0 MB of 0.0 MB (3%), 0 rows/s, 1 min 0 s left');
    expect(p.line(1, 46, 0)).toBe('read 0.0 MB of 0.0 MB (2%), 0 rows/s, 1 min 30 s left');
  });

  it('redraws only 250 ms after the last draw, and cuts the line to one less than the width', () => {
    let now = 0;
    const t = terminal(20);
    const p = new Progress(t.stream, false, () => now);
    p.update(1, null, 0);
    now = 249;
    p.update(2, null, 0);
    now = 250;
    p.update(3, null, 0);
    expect(t.written).toStrictEqual(['\r\x1b[2Kread 0.0 MB, 0 rows', '\r\x1b[2Kread 0.0 MB, 0 rows']);
    const narrow = terminal(24);
    new Progress(narrow.stream, false, () => 1000).update(1e6, null, 0);
    expect(narrow.written).toStrictEqual(['\r\x1b[2Kread 1.0 MB, 0 rows/s']);
    const exact = terminal(22);
    new Progress(exact.stream, false, () => 1000).update(1e6, null, 0);
    expect(exact.written).toStrictEqual(['\r\x1b[2Kread 1.0 MB, 0 rows/s']);
    const one = terminal(1);
    new Progress(one.stream, false, () => 1000).update(1e6, null, 0);
    expect(one.written).toStrictEqual(['\r\x1b[2Kread 1.0 MB, 0 rows/s']);
    const cut = terminal(21);
    new Progress(cut.stream, false, () => 1000).update(1e6, null, 0);
    expect(cut.written).toStrictEqual(['\r\x1b[2Kread 1.0 MB, 0 rows/']);
    // Nothing drawn, nothing to clear.
    const idle = terminal(80);
    new Progress(idle.stream, false).done();
    expect(idle.written).toStrictEqual([]);
  });

  it('time left in minutes', () => {
    let now = 0;
    const p = new Progress(terminal(0).stream, false, () => now);
    now = 60_000;
    expect(p.line(10, 100, 5)).toContain('9 min 0 s left');
  });
});
