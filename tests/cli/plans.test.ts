/**
 * What each command's flags make of a run: the plan of a command line, with
 * the library's options, the columns read and their kinds, the periods, the
 * comparisons and the engine, for every metric and flag. The plans are
 * compared whole (a key set to undefined is as one left out), so a flag
 * that reaches the wrong option, or none, fails.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command, type TallyPlan } from '../../src/cli/commands.js';
import { parseCommand } from '../../src/cli/session.js';

/** The plan of a command line: the words of `line`, then `more` (words that hold spaces). */
const plan = (line: string, ...more: string[]) => {
  const [name, ...argv] = [...line.split(' '), ...more];
  const command = COMMANDS.get(name as string) as Command;
  return command.plan(parseCommand(command, argv));
};
/** The library options of a metric command's plan. */
const optionsOf = (line: string, ...more: string[]) => (plan(line, ...more) as TallyPlan).results.options;

/** A metric command's plan: what its flags set, over what a plain run of the file a.csv has. */
function tally(p: {
  command: string;
  metric: string;
  columns: readonly object[];
  value: unknown;
  options: object;
  counts?: object;
  results?: object;
  changes?: object;
  trend?: object;
  time?: object;
  engine?: string;
  sql?: string;
  path?: string;
}) {
  return {
    kind: 'tally',
    command: p.command,
    metric: p.metric,
    input: { path: p.path ?? 'a.csv', onInvalid: 'stop', columns: p.columns },
    counts: { metric: p.metric, value: p.value, options: p.options, ...p.counts },
    results: { options: p.options, totals: false, ...p.results },
    changes: p.changes ?? null,
    trend: p.trend ?? null,
    time: p.time ?? null,
    engine: p.engine ?? 'cxmetrics',
    sql: p.sql ?? null,
  };
}

/** Columns read, written `name:kind ...`. */
const cols = (spec: string) => spec.split(' ').map((c) => ({ name: c.split(':')[0], kind: c.split(':')[1] }));

/** NPS of the answers in column s; a plain run's options. */
const NPS = { command: 'nps', metric: 'nps', columns: cols('s:number'), value: 's' } as const;
const PLAIN = { interval: {}, decimals: 1 } as const;
/** The columns of a change log by default. */
const LOG_COLUMNS = [
  { name: 'customerId', kind: 'text' },
  { name: 'at', kind: 'time' },
  { name: 'mrr', kind: 'text' },
] as const;

/** A revenue command's plan: what its flags set, over what a plain run of the change log a.csv has. */
function revenue(p: { command: string; columns?: readonly object[]; [setting: string]: unknown }) {
  const { command, columns = LOG_COLUMNS, ...settings } = p;
  return {
    kind: 'revenue',
    command,
    input: { path: 'a.csv', onInvalid: 'stop', columns },
    fields: { customerId: 'customerId', at: 'at', mrr: 'mrr' },
    by: [],
    period: { unit: 'month', timeZone: 'UTC' },
    rates: { decimals: 1 },
    interval: {},
    cohorts: null,
    engine: 'cxmetrics',
    sql: null,
    ...settings,
  };
}

describe('the plans of command lines', () => {
  it('nps with no flags: an interval by the default method, one decimal', () => {
    expect(plan('nps a.csv --value s')).toEqual(tally({ ...NPS, options: PLAIN }));
  });

  it('nps: scale, cut-offs, missing answers, no interval, rounding', () => {
    expect(plan('nps a.csv --value s --scale 1-10 --promoter-min 10 --detractor-max 5 --missing exclude --interval none --rounding half-even')).toEqual(
      tally({ ...NPS, options: { decimals: 1, rounding: 'half-even', scale: { min: 1, max: 10 }, promoterMin: 10, detractorMax: 5, missing: 'exclude' } }),
    );
  });

  it('csat: scale, satisfied points, labels, missing answers, interval method and level', () => {
    expect(plan('csat a.csv --value s --scale 1-5 --satisfied 4,5 --missing exclude --interval wilson --level 0.9 --labels', '{"good": 5}')).toEqual(
      tally({
        command: 'csat',
        metric: 'csat',
        columns: cols('s:number'),
        value: 's',
        options: {
          interval: { method: 'wilson', level: 0.9 },
          decimals: 1,
          scale: { min: 1, max: 5 },
          satisfied: [4, 5],
          labels: { good: 5 },
          missing: 'exclude',
        },
      }),
    );
  });

  it('ces: scale, direction, easy points, decimals', () => {
    expect(plan('ces a.csv --value s --scale 1-7 --direction higher-is-easier --easy 6,7 --missing exclude --decimals 0')).toEqual(
      tally({
        command: 'ces',
        metric: 'ces',
        columns: cols('s:number'),
        value: 's',
        options: { interval: {}, decimals: 0, scale: { min: 1, max: 7 }, direction: 'higher-is-easier', easy: [6, 7], missing: 'exclude' },
      }),
    );
  });

  it('loyalty: its three columns, scale, aggregate', () => {
    expect(plan('loyalty a.csv --recommend r --repurchase p --upsell u --scale 0-10 --aggregate mean --missing exclude')).toEqual(
      tally({
        command: 'loyalty',
        metric: 'loyaltyIndex',
        columns: cols('r:number p:number u:number'),
        value: { recommend: 'r', repurchase: 'p', upsell: 'u' },
        options: { interval: {}, decimals: 1, scale: { min: 0, max: 10 }, aggregate: 'mean', missing: 'exclude' },
      }),
    );
  });

  it('fcr: contacts, resolved and reopened columns, denominator', () => {
    expect(plan('fcr a.csv --contacts c --resolved r --reopened o --denominator all')).toEqual(
      tally({
        command: 'fcr',
        metric: 'firstContactResolution',
        columns: cols('c:number r:boolean o:boolean'),
        value: { contacts: 'c', resolved: 'r', reopened: 'o' },
        options: { interval: {}, decimals: 1, denominator: 'all' },
      }),
    );
  });

  it('ttr: the mean, censored open tickets as of a time, first resolution, hours to three decimals', () => {
    expect(
      plan('ttr a.csv --opened o --resolved r --statistic mean --open censor --as-of 2026-01-01T00:00:00Z --resolution first --time-unit h --decimals 3'),
    ).toEqual(
      tally({
        command: 'ttr',
        metric: 'timeToResolution',
        columns: cols('o:time r:time'),
        value: { openedAt: 'o', resolvedAt: 'r' },
        options: { statistic: 'mean', open: 'censor', asOf: '2026-01-01T00:00:00Z', resolution: 'first' },
        results: { asOf: '2026-01-01T00:00:00Z' },
        time: { unit: 'h', milliseconds: 3600000, decimals: 3, rounding: 'half-up' },
      }),
    );
  });

  it('frt: no interval; hours to two decimals by default', () => {
    expect(plan('frt a.csv --opened o --first-responded f --interval none')).toEqual(
      tally({
        command: 'frt',
        metric: 'firstResponseTime',
        columns: cols('o:time f:time'),
        value: { openedAt: 'o', firstRespondedAt: 'f' },
        options: {},
        time: { unit: 'h', milliseconds: 3600000, decimals: 2, rounding: 'half-up' },
      }),
    );
  });

  it('repurchase counting repeat purchases: no interval', () => {
    expect(plan('repurchase a.csv --value p --method repurchases')).toEqual(
      tally({
        command: 'repurchase',
        metric: 'repurchaseRate',
        columns: cols('p:number'),
        value: 'p',
        options: { decimals: 1, method: 'repurchases' },
      }),
    );
  });

  it('upsell: interval method', () => {
    expect(plan('upsell a.csv --upgraded u --interval wilson')).toEqual(
      tally({
        command: 'upsell',
        metric: 'upsellRatio',
        columns: cols('u:boolean'),
        value: { upgraded: 'u' },
        options: { interval: { method: 'wilson' }, decimals: 1 },
      }),
    );
  });

  it('segments, a missing-key label, weeks from Sunday in a zone, changes against the rest, minimum count, totals, a weight', () => {
    expect(
      plan(
        'nps a.csv --value s --weight w --by region,plan --missing-key (none) --period week --week-start sun --time t --tz Europe/Berlin --changes rest --adjust bh --level 0.9 --min-count 30 --totals',
      ),
    ).toEqual(
      tally({
        ...NPS,
        columns: cols('s:number w:number region:key plan:key t:time'),
        options: { interval: { level: 0.9 }, decimals: 1 },
        counts: {
          weight: 'w',
          by: ['region', 'plan'],
          period: { field: 't', unit: 'week', timeZone: 'Europe/Berlin', weekStart: 'sun' },
          missingKey: '(none)',
        },
        results: { minCount: 30, totals: true },
        changes: { against: 'rest', adjust: 'bh', level: 0.9 },
      }),
    );
  });

  it('fiscal quarters, a trend, as of a time', () => {
    expect(plan('nps a.csv --value s --period quarter --year-start 4 --time t --trend --as-of 2026-01-01T00:00:00Z')).toEqual(
      tally({
        ...NPS,
        columns: cols('s:number t:time'),
        options: PLAIN,
        counts: { period: { field: 't', unit: 'quarter', timeZone: 'UTC', yearStart: 4 } },
        results: { asOf: '2026-01-01T00:00:00Z' },
        trend: { adjust: 'holm', level: 0.95 },
      }),
    );
  });

  it('label periods: the period column is text', () => {
    expect(plan('nps a.csv --value s --period label --time wave')).toEqual(
      tally({
        ...NPS,
        columns: cols('s:number wave:text'),
        options: PLAIN,
        counts: { period: { field: 'wave' } },
      }),
    );
  });

  it('mrr with no flags: the default columns, monthly in UTC', () => {
    expect(plan('mrr a.csv')).toEqual(revenue({ command: 'mrr' }));
  });

  it('mrr: every rate and definition choice', () => {
    expect(
      plan(
        'mrr a.csv --customer c --at when --mrr m --by plan --missing-key none --period quarter --tz Europe/Berlin --as-of 2025-01-01T00:00:00Z --decimals 2 --rounding half-even --reactivation-within 3 --denominator start-plus-added --contraction exclude --joined-and-left count --reactivation-in-rates exclude --interval none',
      ),
    ).toEqual(
      revenue({
        command: 'mrr',
        columns: cols('c:text when:time m:text plan:key'),
        fields: { customerId: 'c', at: 'when', mrr: 'm' },
        by: ['plan'],
        missingKey: 'none',
        period: { unit: 'quarter', timeZone: 'Europe/Berlin' },
        asOf: '2025-01-01T00:00:00Z',
        joinedAndLeft: 'count',
        reactivation: { within: 3 },
        rates: { denominator: 'start-plus-added', contraction: 'exclude', reactivation: 'exclude', decimals: 2, rounding: 'half-even' },
        interval: false,
      }),
    );
  });

  it('mrr --cohorts: horizon, measure, interval', () => {
    expect(plan('mrr a.csv --cohorts --horizon 4 --measure active --level 0.9 --interval wilson')).toEqual(
      revenue({ command: 'mrr', interval: { method: 'wilson', level: 0.9 }, cohorts: { horizon: 4, measure: 'active' } }),
    );
  });

  it('churn: weeks from Sunday', () => {
    expect(plan('churn a.csv --period week --week-start sun')).toEqual(
      revenue({ command: 'churn', period: { unit: 'week', timeZone: 'UTC', weekStart: 'sun' } }),
    );
  });

  it('a Parquet file is read by DuckDB', () => {
    expect(plan('nps a.parquet --value s')).toEqual(tally({ ...NPS, options: PLAIN, engine: 'duckdb', path: 'a.parquet' }));
  });

  it('--sql names a table and a dialect', () => {
    expect(plan('nps x.t --value s --sql postgres')).toEqual(tally({ ...NPS, options: PLAIN, sql: 'postgres', path: 'x.t' }));
  });

  it('the input flags: the format, the delimiter, what to do with an invalid row', () => {
    expect(plan('nps a.txt --value s --input-format tsv --delimiter ; --on-invalid skip').input).toStrictEqual({
      path: 'a.txt',
      format: 'tsv',
      delimiter: ';',
      onInvalid: 'skip',
      columns: cols('s:number'),
    });
  });

  it('a column named twice is read once', () => {
    expect(plan('nps a.csv --value s --weight s --by s').input.columns).toStrictEqual([{ name: 's', kind: 'number' }]);
  });

  it('reads scales and points of integers, labels inline or from a file, and refuses other text', () => {
    expect(optionsOf('nps a.csv --value s --scale -1-9')).toMatchObject({ scale: { min: -1, max: 9 } });
    expect(optionsOf('csat a.csv --value s --scale -5--1 --satisfied -2,-1')).toMatchObject({
      scale: { min: -5, max: -1 },
      satisfied: [-2, -1],
    });
    expect(optionsOf('csat a.csv --value s --labels', '  {"ok": 5}')).toMatchObject({ labels: { ok: 5 } });
    for (const scale of ['x1-5', '1-5x', '1.5-5', '15', '1..5', '12-34-5'])
      expect(() => plan('nps', 'a.csv', '--value', 's', '--scale', scale)).toThrow(
        `--scale expects MIN-MAX with integers (e.g. 1-5), received ${JSON.stringify(scale)}`,
      );
    for (const points of ['4,x5', '4,5x', '4.5'])
      expect(() => plan('csat', 'a.csv', '--value', 's', '--satisfied', points)).toThrow(
        `--satisfied expects a comma-separated list of integers, received ${JSON.stringify(points)}`,
      );
    expect(() => plan('csat a.csv --value s --labels nowhere.json')).toThrow(
      '--labels expects a JSON object or a readable JSON file, could not read "nowhere.json": ',
    );
    expect(() => plan('ttr a.csv --opened o --resolved r --business-hours', '{"timeZone": "UTC"}')).toThrow(
      '--business-hours expects a readable JSON file, could not read "{\\"timeZone\\": \\"UTC\\"}": ',
    );
    expect(() => plan('csat a.csv --value s --labels {bad')).toThrow('--labels expects JSON, "{bad" is not: ');
  });
});
