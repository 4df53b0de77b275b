/**
 * What each command's flags make of a run: the plan of a command line, with
 * the library's options, the columns read and their kinds, the periods, the
 * comparisons and the engine, for every metric and flag. The plans are
 * compared whole (a key set to undefined is as one left out), so a flag that reaches the wrong option, or none, fails.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command, type TallyPlan } from '../../src/cli/commands.js';
import { parseCommand } from '../../src/cli/session.js';

const plan = (name: string, ...argv: string[]) => {
  const command = COMMANDS.get(name) as Command;
  return command.plan(parseCommand(command, argv));
};
/** The library options of a metric command's plan. */
const optionsOf = (name: string, ...argv: string[]) => (plan(name, ...argv) as TallyPlan).results.options;

describe('the plans of command lines', () => {
  it('nps with no flags: an interval by the default method, one decimal', () => {
    expect(plan('nps', 'a.csv', '--value', 's')).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: { metric: 'nps', value: 's', options: { interval: {}, decimals: 1 } },
      results: { options: { interval: {}, decimals: 1 }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('nps: scale, cut-offs, missing answers, no interval, rounding', () => {
    expect(
      plan(
        'nps',
        'a.csv',
        '--value',
        's',
        '--scale',
        '1-10',
        '--promoter-min',
        '10',
        '--detractor-max',
        '5',
        '--missing',
        'exclude',
        '--interval',
        'none',
        '--rounding',
        'half-even',
      ),
    ).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: {
        metric: 'nps',
        value: 's',
        options: { decimals: 1, rounding: 'half-even', scale: { min: 1, max: 10 }, promoterMin: 10, detractorMax: 5, missing: 'exclude' },
      },
      results: {
        options: { decimals: 1, rounding: 'half-even', scale: { min: 1, max: 10 }, promoterMin: 10, detractorMax: 5, missing: 'exclude' },
        totals: false,
      },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('csat: scale, satisfied points, labels, missing answers, interval method and level', () => {
    expect(
      plan(
        'csat',
        'a.csv',
        '--value',
        's',
        '--scale',
        '1-5',
        '--satisfied',
        '4,5',
        '--labels',
        '{"good": 5}',
        '--missing',
        'exclude',
        '--interval',
        'wilson',
        '--level',
        '0.9',
      ),
    ).toEqual({
      kind: 'tally',
      command: 'csat',
      metric: 'csat',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: {
        metric: 'csat',
        value: 's',
        options: {
          interval: { method: 'wilson', level: 0.9 },
          decimals: 1,
          scale: { min: 1, max: 5 },
          satisfied: [4, 5],
          labels: { good: 5 },
          missing: 'exclude',
        },
      },
      results: {
        options: {
          interval: { method: 'wilson', level: 0.9 },
          decimals: 1,
          scale: { min: 1, max: 5 },
          satisfied: [4, 5],
          labels: { good: 5 },
          missing: 'exclude',
        },
        totals: false,
      },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('ces: scale, direction, easy points, decimals', () => {
    expect(
      plan('ces', 'a.csv', '--value', 's', '--scale', '1-7', '--direction', 'higher-is-easier', '--easy', '6,7', '--missing', 'exclude', '--decimals', '0'),
    ).toEqual({
      kind: 'tally',
      command: 'ces',
      metric: 'ces',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: {
        metric: 'ces',
        value: 's',
        options: { interval: {}, decimals: 0, scale: { min: 1, max: 7 }, direction: 'higher-is-easier', easy: [6, 7], missing: 'exclude' },
      },
      results: {
        options: { interval: {}, decimals: 0, scale: { min: 1, max: 7 }, direction: 'higher-is-easier', easy: [6, 7], missing: 'exclude' },
        totals: false,
      },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('loyalty: its three columns, scale, aggregate', () => {
    expect(
      plan('loyalty', 'a.csv', '--recommend', 'r', '--repurchase', 'p', '--upsell', 'u', '--scale', '0-10', '--aggregate', 'mean', '--missing', 'exclude'),
    ).toEqual({
      kind: 'tally',
      command: 'loyalty',
      metric: 'loyaltyIndex',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'r', kind: 'number' },
          { name: 'p', kind: 'number' },
          { name: 'u', kind: 'number' },
        ],
      },
      counts: {
        metric: 'loyaltyIndex',
        value: { recommend: 'r', repurchase: 'p', upsell: 'u' },
        options: { interval: {}, decimals: 1, scale: { min: 0, max: 10 }, aggregate: 'mean', missing: 'exclude' },
      },
      results: { options: { interval: {}, decimals: 1, scale: { min: 0, max: 10 }, aggregate: 'mean', missing: 'exclude' }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('fcr: contacts, resolved and reopened columns, denominator', () => {
    expect(plan('fcr', 'a.csv', '--contacts', 'c', '--resolved', 'r', '--reopened', 'o', '--denominator', 'all')).toEqual({
      kind: 'tally',
      command: 'fcr',
      metric: 'firstContactResolution',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'c', kind: 'number' },
          { name: 'r', kind: 'boolean' },
          { name: 'o', kind: 'boolean' },
        ],
      },
      counts: {
        metric: 'firstContactResolution',
        value: { contacts: 'c', resolved: 'r', reopened: 'o' },
        options: { interval: {}, decimals: 1, denominator: 'all' },
      },
      results: { options: { interval: {}, decimals: 1, denominator: 'all' }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('ttr: the mean, censored open tickets as of a time, first resolution, hours to three decimals', () => {
    expect(
      plan(
        'ttr',
        'a.csv',
        '--opened',
        'o',
        '--resolved',
        'r',
        '--statistic',
        'mean',
        '--open',
        'censor',
        '--as-of',
        '2026-01-01T00:00:00Z',
        '--resolution',
        'first',
        '--time-unit',
        'h',
        '--decimals',
        '3',
      ),
    ).toEqual({
      kind: 'tally',
      command: 'ttr',
      metric: 'timeToResolution',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'o', kind: 'time' },
          { name: 'r', kind: 'time' },
        ],
      },
      counts: {
        metric: 'timeToResolution',
        value: { openedAt: 'o', resolvedAt: 'r' },
        options: { statistic: 'mean', open: 'censor', asOf: '2026-01-01T00:00:00Z', resolution: 'first' },
      },
      results: {
        options: { statistic: 'mean', open: 'censor', asOf: '2026-01-01T00:00:00Z', resolution: 'first' },
        totals: false,
        asOf: '2026-01-01T00:00:00Z',
      },
      changes: null,
      trend: null,
      time: { unit: 'h', milliseconds: 3600000, decimals: 3, rounding: 'half-up' },
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('frt: no interval; hours to two decimals by default', () => {
    expect(plan('frt', 'a.csv', '--opened', 'o', '--first-responded', 'f', '--interval', 'none')).toEqual({
      kind: 'tally',
      command: 'frt',
      metric: 'firstResponseTime',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'o', kind: 'time' },
          { name: 'f', kind: 'time' },
        ],
      },
      counts: { metric: 'firstResponseTime', value: { openedAt: 'o', firstRespondedAt: 'f' }, options: {} },
      results: { options: {}, totals: false },
      changes: null,
      trend: null,
      time: { unit: 'h', milliseconds: 3600000, decimals: 2, rounding: 'half-up' },
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('repurchase counting repeat purchases: no interval', () => {
    expect(plan('repurchase', 'a.csv', '--value', 'p', '--method', 'repurchases')).toEqual({
      kind: 'tally',
      command: 'repurchase',
      metric: 'repurchaseRate',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 'p', kind: 'number' }] },
      counts: { metric: 'repurchaseRate', value: 'p', options: { decimals: 1, method: 'repurchases' } },
      results: { options: { decimals: 1, method: 'repurchases' }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('upsell: interval method', () => {
    expect(plan('upsell', 'a.csv', '--upgraded', 'u', '--interval', 'wilson')).toEqual({
      kind: 'tally',
      command: 'upsell',
      metric: 'upsellRatio',
      input: { path: 'a.csv', onInvalid: 'stop', columns: [{ name: 'u', kind: 'boolean' }] },
      counts: { metric: 'upsellRatio', value: { upgraded: 'u' }, options: { interval: { method: 'wilson' }, decimals: 1 } },
      results: { options: { interval: { method: 'wilson' }, decimals: 1 }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('segments, a missing-key label, weeks from Sunday in a zone, changes against the rest, minimum count, totals, a weight', () => {
    expect(
      plan(
        'nps',
        'a.csv',
        '--value',
        's',
        '--weight',
        'w',
        '--by',
        'region,plan',
        '--missing-key',
        '(none)',
        '--period',
        'week',
        '--week-start',
        'sun',
        '--time',
        't',
        '--tz',
        'Europe/Berlin',
        '--changes',
        'rest',
        '--adjust',
        'bh',
        '--level',
        '0.9',
        '--min-count',
        '30',
        '--totals',
      ),
    ).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 's', kind: 'number' },
          { name: 'w', kind: 'number' },
          { name: 'region', kind: 'key' },
          { name: 'plan', kind: 'key' },
          { name: 't', kind: 'time' },
        ],
      },
      counts: {
        metric: 'nps',
        value: 's',
        options: { interval: { level: 0.9 }, decimals: 1 },
        weight: 'w',
        by: ['region', 'plan'],
        period: { field: 't', unit: 'week', timeZone: 'Europe/Berlin', weekStart: 'sun' },
        missingKey: '(none)',
      },
      results: { options: { interval: { level: 0.9 }, decimals: 1 }, totals: true, minCount: 30 },
      changes: { against: 'rest', adjust: 'bh', level: 0.9 },
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('fiscal quarters, a trend, as of a time', () => {
    expect(
      plan('nps', 'a.csv', '--value', 's', '--period', 'quarter', '--year-start', '4', '--time', 't', '--trend', '--as-of', '2026-01-01T00:00:00Z'),
    ).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 's', kind: 'number' },
          { name: 't', kind: 'time' },
        ],
      },
      counts: { metric: 'nps', value: 's', options: { interval: {}, decimals: 1 }, period: { field: 't', unit: 'quarter', timeZone: 'UTC', yearStart: 4 } },
      results: { options: { interval: {}, decimals: 1 }, totals: false, asOf: '2026-01-01T00:00:00Z' },
      changes: null,
      trend: { adjust: 'holm', level: 0.95 },
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('label periods: the period column is text', () => {
    expect(plan('nps', 'a.csv', '--value', 's', '--period', 'label', '--time', 'wave')).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 's', kind: 'number' },
          { name: 'wave', kind: 'text' },
        ],
      },
      counts: { metric: 'nps', value: 's', options: { interval: {}, decimals: 1 }, period: { field: 'wave' } },
      results: { options: { interval: {}, decimals: 1 }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('mrr with no flags: the default columns, monthly in UTC', () => {
    expect(plan('mrr', 'a.csv')).toEqual({
      kind: 'revenue',
      command: 'mrr',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'customerId', kind: 'text' },
          { name: 'at', kind: 'time' },
          { name: 'mrr', kind: 'text' },
        ],
      },
      fields: { customerId: 'customerId', at: 'at', mrr: 'mrr' },
      by: [],
      period: { unit: 'month', timeZone: 'UTC' },
      rates: { decimals: 1 },
      interval: {},
      cohorts: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('mrr: every rate and definition choice', () => {
    expect(
      plan(
        'mrr',
        'a.csv',
        '--customer',
        'c',
        '--at',
        'when',
        '--mrr',
        'm',
        '--by',
        'plan',
        '--missing-key',
        'none',
        '--period',
        'quarter',
        '--tz',
        'Europe/Berlin',
        '--as-of',
        '2025-01-01T00:00:00Z',
        '--decimals',
        '2',
        '--rounding',
        'half-even',
        '--reactivation-within',
        '3',
        '--denominator',
        'start-plus-added',
        '--contraction',
        'exclude',
        '--joined-and-left',
        'count',
        '--reactivation-in-rates',
        'exclude',
        '--interval',
        'none',
      ),
    ).toEqual({
      kind: 'revenue',
      command: 'mrr',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'c', kind: 'text' },
          { name: 'when', kind: 'time' },
          { name: 'm', kind: 'text' },
          { name: 'plan', kind: 'key' },
        ],
      },
      fields: { customerId: 'c', at: 'when', mrr: 'm' },
      by: ['plan'],
      missingKey: 'none',
      period: { unit: 'quarter', timeZone: 'Europe/Berlin' },
      asOf: '2025-01-01T00:00:00Z',
      joinedAndLeft: 'count',
      reactivation: { within: 3 },
      rates: { denominator: 'start-plus-added', contraction: 'exclude', reactivation: 'exclude', decimals: 2, rounding: 'half-even' },
      interval: false,
      cohorts: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('mrr --cohorts: horizon, measure, interval', () => {
    expect(plan('mrr', 'a.csv', '--cohorts', '--horizon', '4', '--measure', 'active', '--level', '0.9', '--interval', 'wilson')).toEqual({
      kind: 'revenue',
      command: 'mrr',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'customerId', kind: 'text' },
          { name: 'at', kind: 'time' },
          { name: 'mrr', kind: 'text' },
        ],
      },
      fields: { customerId: 'customerId', at: 'at', mrr: 'mrr' },
      by: [],
      period: { unit: 'month', timeZone: 'UTC' },
      rates: { decimals: 1 },
      interval: { method: 'wilson', level: 0.9 },
      cohorts: { horizon: 4, measure: 'active' },
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('churn: weeks from Sunday', () => {
    expect(plan('churn', 'a.csv', '--period', 'week', '--week-start', 'sun')).toEqual({
      kind: 'revenue',
      command: 'churn',
      input: {
        path: 'a.csv',
        onInvalid: 'stop',
        columns: [
          { name: 'customerId', kind: 'text' },
          { name: 'at', kind: 'time' },
          { name: 'mrr', kind: 'text' },
        ],
      },
      fields: { customerId: 'customerId', at: 'at', mrr: 'mrr' },
      by: [],
      period: { unit: 'week', timeZone: 'UTC', weekStart: 'sun' },
      rates: { decimals: 1 },
      interval: {},
      cohorts: null,
      engine: 'cxmetrics',
      sql: null,
    });
  });

  it('a Parquet file is read by DuckDB', () => {
    expect(plan('nps', 'a.parquet', '--value', 's')).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: { path: 'a.parquet', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: { metric: 'nps', value: 's', options: { interval: {}, decimals: 1 } },
      results: { options: { interval: {}, decimals: 1 }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'duckdb',
      sql: null,
    });
  });

  it('--sql names a table and a dialect', () => {
    expect(plan('nps', 'x.t', '--value', 's', '--sql', 'postgres')).toEqual({
      kind: 'tally',
      command: 'nps',
      metric: 'nps',
      input: { path: 'x.t', onInvalid: 'stop', columns: [{ name: 's', kind: 'number' }] },
      counts: { metric: 'nps', value: 's', options: { interval: {}, decimals: 1 } },
      results: { options: { interval: {}, decimals: 1 }, totals: false },
      changes: null,
      trend: null,
      time: null,
      engine: 'cxmetrics',
      sql: 'postgres',
    });
  });

  it('the input flags: the format, the delimiter, what to do with an invalid row', () => {
    expect(plan('nps', 'a.txt', '--value', 's', '--input-format', 'tsv', '--delimiter', ';', '--on-invalid', 'skip').input).toStrictEqual({
      path: 'a.txt',
      format: 'tsv',
      delimiter: ';',
      onInvalid: 'skip',
      columns: [{ name: 's', kind: 'number' }],
    });
  });

  it('a column named twice is read once', () => {
    expect(plan('nps', 'a.csv', '--value', 's', '--weight', 's', '--by', 's').input.columns).toStrictEqual([{ name: 's', kind: 'number' }]);
  });

  it('reads scales and points of integers, labels inline or from a file, and refuses other text', () => {
    expect(optionsOf('nps', 'a.csv', '--value', 's', '--scale', '-1-9')).toMatchObject({ scale: { min: -1, max: 9 } });
    expect(optionsOf('csat', 'a.csv', '--value', 's', '--scale', '-5--1', '--satisfied', '-2,-1')).toMatchObject({
      scale: { min: -5, max: -1 },
      satisfied: [-2, -1],
    });
    expect(optionsOf('csat', 'a.csv', '--value', 's', '--labels', '  {"ok": 5}')).toMatchObject({ labels: { ok: 5 } });
    for (const scale of ['x1-5', '1-5x', '1.5-5', '15', '1..5', '12-34-5'])
      expect(() => plan('nps', 'a.csv', '--value', 's', '--scale', scale)).toThrow(
        `--scale expects MIN-MAX with integers (e.g. 1-5), received ${JSON.stringify(scale)}`,
      );
    for (const points of ['4,x5', '4,5x', '4.5'])
      expect(() => plan('csat', 'a.csv', '--value', 's', '--satisfied', points)).toThrow(
        `--satisfied expects a comma-separated list of integers, received ${JSON.stringify(points)}`,
      );
    expect(() => plan('csat', 'a.csv', '--value', 's', '--labels', 'nowhere.json')).toThrow(
      '--labels expects a JSON object or a readable JSON file, could not read "nowhere.json": ',
    );
    expect(() => plan('ttr', 'a.csv', '--opened', 'o', '--resolved', 'r', '--business-hours', '{"timeZone": "UTC"}')).toThrow(
      '--business-hours expects a readable JSON file, could not read "{\\"timeZone\\": \\"UTC\\"}": ',
    );
    expect(() => plan('csat', 'a.csv', '--value', 's', '--labels', '{bad')).toThrow('--labels expects JSON, "{bad" is not: ');
  });
});
