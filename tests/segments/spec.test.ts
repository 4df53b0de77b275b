/**
 * The segment spec, read and checked: the metric, where each record's input
 * is, the weight, the dimensions, the periods, and a spec passed to
 * segmentFromCounts checked against its table. Every refusal names its code,
 * path and message.
 */
import { describe, expect, it } from 'vitest';
import {
  cesCounts,
  csatCounts,
  firstContactResolution,
  firstResponseTime,
  loyaltyIndex,
  npsCounts,
  segment,
  segmentCounts,
  segmentFromCounts,
  timeToResolution,
  upsellRatio,
} from '../../src/index.js';
import { refusal } from '../helpers/errors.js';

const TALLYING = 'nps, csat, ces, loyaltyIndex, firstContactResolution, timeToResolution, firstResponseTime, repurchaseRate, upsellRatio';
const counts = (spec: unknown) => () => segmentCounts([], spec as never);
const refusedSpec = (spec: unknown, code: string, path: (string | number)[], message: string) =>
  expect(refusal(counts(spec))).toEqual({ metric: 'segmentCounts', code, path, message });
const periodOf = (period: unknown) => ({ metric: 'nps', value: 'score', period });

describe('the spec as a whole', () => {
  it('refuses a missing spec as missing, and anything but a plain object as the wrong type', () => {
    const message = (received: string) => `expected a segment spec { metric, value, by?, period?, ... } (a plain object), received ${received}`;
    expect(refusal(() => segmentCounts([], undefined as never))).toEqual({
      metric: 'segmentCounts',
      code: 'missing-value',
      path: ['options'],
      message: message('undefined'),
    });
    refusedSpec(null, 'invalid-type', ['options'], message('null'));
    refusedSpec('nps', 'invalid-type', ['options'], message('"nps"'));
  });

  it('lists the keys it knows when it meets one it does not', () => {
    refusedSpec(
      { metric: 'nps', value: 'score', totals: true },
      'unknown-key',
      ['options', 'totals'],
      'unknown key "totals"; expected one of metric, value, options, weight, by, period, missingKey',
    );
    expect(refusal(() => segment([], { metric: 'nps', value: 'score', colour: 'red' } as never))).toEqual({
      metric: 'segment',
      code: 'unknown-key',
      path: ['options', 'colour'],
      message: 'unknown key "colour"; expected one of metric, value, options, weight, by, period, missingKey, totals, minCount, fill, asOf',
    });
  });

  it('names the metrics that tally, and says why a known metric is not one of them', () => {
    const message = (received: string, why = '') => `expected a metric that tallies from records (${TALLYING})${why}, received ${received}`;
    refusedSpec({ value: 'score' }, 'missing-value', ['options', 'metric'], message('undefined'));
    refusedSpec({ metric: 'promoterScore', value: 'score' }, 'invalid-value', ['options', 'metric'], message('"promoterScore"'));
    refusedSpec({ metric: 'mrrChurn', value: 'score' }, 'invalid-value', ['options', 'metric'], message('"mrrChurn"', ' (it has no per-record tally)'));
  });

  it('refuses metric options that are not a plain object, and a weights list among them', () => {
    refusedSpec(
      { metric: 'nps', value: 'score', options: [] },
      'invalid-type',
      ['options', 'options'],
      "expected the metric's options (a plain object), received an array",
    );
    refusedSpec(
      { metric: 'nps', value: 'score', options: null },
      'invalid-type',
      ['options', 'options'],
      "expected the metric's options (a plain object), received null",
    );
    refusedSpec(
      { metric: 'nps', value: 'score', options: { weights: [1] } },
      'invalid-value',
      ['options', 'options', 'weights'],
      'expected no weights list in a segment spec: name the weight field with the spec\u2019s `weight`',
    );
  });

  it('takes a weight field only for survey metrics, and only as a field name or a function', () => {
    refusedSpec(
      { metric: 'firstContactResolution', weight: 'w' },
      'invalid-value',
      ['options', 'weight'],
      'expected no weight: firstContactResolution takes no survey weights',
    );
    refusedSpec({ metric: 'upsellRatio', weight: 'w' }, 'invalid-value', ['options', 'weight'], 'expected no weight: upsellRatio takes no survey weights');
    refusedSpec({ metric: 'nps', value: 'score', weight: 2 }, 'invalid-type', ['options', 'weight'], 'expected a field name or a function, received 2');
    refusedSpec({ metric: 'csat', value: 'score', weight: null }, 'invalid-type', ['options', 'weight'], 'expected a field name or a function, received null');
  });

  it('takes missingKey only as a string label', () => {
    refusedSpec({ metric: 'nps', value: 'score', missingKey: 0 }, 'invalid-type', ['options', 'missingKey'], 'expected a label (a string), received 0');
    refusedSpec({ metric: 'nps', value: 'score', missingKey: null }, 'invalid-type', ['options', 'missingKey'], 'expected a label (a string), received null');
  });
});

describe('where each record’s input is', () => {
  it('needs a field or a function for a metric of single values', () => {
    refusedSpec(
      { metric: 'nps' },
      'missing-value',
      ['options', 'value'],
      "expected the field holding each record's nps input (a field name or a function), received undefined",
    );
    refusedSpec(
      { metric: 'repurchaseRate' },
      'missing-value',
      ['options', 'value'],
      "expected the field holding each record's repurchaseRate input (a field name or a function), received undefined",
    );
    refusedSpec({ metric: 'csat', value: 3 }, 'invalid-type', ['options', 'value'], 'expected a field name or a function, received 3');
    refusedSpec({ metric: 'ces', value: { score: 'answer' } }, 'invalid-type', ['options', 'value'], 'expected a field name or a function, received an object');
  });

  it('names the input fields of a metric whose input is an object when given a single field', () => {
    const fieldsOf = {
      loyaltyIndex: 'recommend, repurchase, upsell',
      firstContactResolution: 'contacts, resolved, reopened',
      timeToResolution: 'openedAt, resolvedAt, firstResolvedAt',
      firstResponseTime: 'openedAt, firstRespondedAt',
      upsellRatio: 'upgraded',
    };
    for (const [metric, fields] of Object.entries(fieldsOf)) {
      refusedSpec(
        { metric, value: 'x' },
        'invalid-type',
        ['options', 'value'],
        `expected an object naming the record field of each of ${fields} (or a function), received a field name`,
      );
      refusedSpec({ metric, value: 7 }, 'invalid-type', ['options', 'value'], `expected an object naming the record field of each of ${fields}, received 7`);
    }
    refusedSpec(
      { metric: 'upsellRatio', value: ['upgraded'] },
      'invalid-type',
      ['options', 'value'],
      'expected an object naming the record field of each of upgraded, received an array',
    );
  });

  it('refuses an input field the metric does not read, and a field name that is not a string', () => {
    refusedSpec(
      { metric: 'loyaltyIndex', value: { recommend: 'r', nps: 'n' } },
      'unknown-key',
      ['options', 'value', 'nps'],
      'unknown input field "nps"; loyaltyIndex reads recommend, repurchase, upsell',
    );
    refusedSpec(
      { metric: 'firstResponseTime', value: { openedAt: 'created', firstRespondedAt: 3 } },
      'invalid-type',
      ['options', 'value', 'firstRespondedAt'],
      'expected a record field name, received 3',
    );
  });

  it('reads each input field of an object metric from the record field it is mapped to', () => {
    const records = [
      { r: 9, p: 7, u: 10, c: 1, ok: true, again: false, o: 0, s: 600_000, f: 60_000, up: true },
      { r: 3, p: 8, u: 2, c: 2, ok: false, again: false, o: 1_000, s: 1_000 + 7_200_000, f: 1_000 + 30_000, up: false },
    ];
    const cell = (spec: unknown) => segment(records, spec as never).rows[0]!.result;
    expect(cell({ metric: 'loyaltyIndex', value: { recommend: 'r', repurchase: 'p', upsell: 'u' } })).toEqual(
      loyaltyIndex(records.map((x) => ({ recommend: x.r, repurchase: x.p, upsell: x.u }))),
    );
    expect(cell({ metric: 'firstContactResolution', value: { contacts: 'c', resolved: 'ok', reopened: 'again' } })).toEqual(
      firstContactResolution(records.map((x) => ({ contacts: x.c, resolved: x.ok, reopened: x.again }))),
    );
    expect(cell({ metric: 'timeToResolution', value: { openedAt: 'o', resolvedAt: 's', firstResolvedAt: 's' } })).toEqual(
      timeToResolution(records.map((x) => ({ openedAt: x.o, resolvedAt: x.s, firstResolvedAt: x.s }))),
    );
    expect(cell({ metric: 'firstResponseTime', value: { openedAt: 'o', firstRespondedAt: 'f' } })).toEqual(
      firstResponseTime(records.map((x) => ({ openedAt: x.o, firstRespondedAt: x.f }))),
    );
    expect(cell({ metric: 'upsellRatio', value: { upgraded: 'up' } })).toEqual(upsellRatio(records.map((x) => ({ upgraded: x.up }))));
  });

  it('reads the input from a function of the record', () => {
    const t = segmentCounts([{ answer: { score: 10 } }, { answer: { score: 2 } }], {
      metric: 'nps',
      value: (r: { answer: { score: number } }) => r.answer.score,
    });
    expect(t.cells[0]!.counts).toEqual(npsCounts([10, 2]));
  });
});

describe('weights', () => {
  it('weights CSAT and CES answers by a field or a function, as the metrics weight them', () => {
    const records = [
      { score: 5, w: 2 },
      { score: 1, w: 1 },
      { score: 4, w: 3 },
    ];
    const weights = records.map((r) => r.w);
    const scores = records.map((r) => r.score);
    expect(segmentCounts(records, { metric: 'csat', value: 'score', weight: 'w' }).cells[0]!.counts).toEqual(csatCounts(scores, { weights }));
    expect(segmentCounts(records, { metric: 'ces', value: 'score', weight: (r: { w: number }) => r.w }).cells[0]!.counts).toEqual(
      cesCounts(scores, { weights }),
    );
    expect(segmentCounts(records, { metric: 'nps', value: 'score', weight: 'w' }).cells[0]!.counts).toEqual(npsCounts(scores, { weights }));
  });
});

describe('dimensions', () => {
  it('refuses a dimension that is neither a field name nor a function, at its place', () => {
    refusedSpec({ metric: 'nps', value: 'score', by: ['region', 5] }, 'invalid-type', ['options', 'by', 1], 'expected a field name, received 5');
    refusedSpec(
      { metric: 'nps', value: 'score', by: { zone: 'region', tier: null } },
      'invalid-type',
      ['options', 'by', 'tier'],
      'expected a field name or a function of the record, received null',
    );
    refusedSpec(
      { metric: 'nps', value: 'score', by: true },
      'invalid-type',
      ['options', 'by'],
      'expected a field name, a list of them, or an object from dimension name to field or function, received true',
    );
  });

  it('refuses a dimension named twice', () => {
    refusedSpec(
      { metric: 'nps', value: 'score', by: ['plan', 'region', 'plan'] },
      'duplicate',
      ['options', 'by', 2],
      'expected each dimension once, received "plan" twice',
    );
  });

  it('names dimensions after their fields, or after the keys of an object', () => {
    const records = [{ score: 10, region: 'EU', plan: 'pro' }];
    expect(segmentCounts(records, { metric: 'nps', value: 'score', by: 'region' }).by).toEqual(['region']);
    expect(segmentCounts(records, { metric: 'nps', value: 'score', by: ['plan', 'region'] }).cells[0]!.key).toEqual({ plan: 'pro', region: 'EU' });
    expect(
      segmentCounts(records, { metric: 'nps', value: 'score', by: { area: 'region', lower: (r: { plan: string }) => r.plan.toUpperCase() } }).cells[0]!.key,
    ).toEqual({ area: 'EU', lower: 'PRO' });
  });
});

describe('periods', () => {
  it('refuses a period that is not a plain object, or has a key it does not know', () => {
    refusedSpec(
      periodOf('month'),
      'invalid-type',
      ['options', 'period'],
      'expected a period { field, unit, timeZone } or { field } for labels (a plain object), received "month"',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: 'UTC', zone: 'UTC' }),
      'unknown-key',
      ['options', 'period', 'zone'],
      'unknown key "zone"; expected one of field, unit, timeZone, weekStart, yearStart, order',
    );
  });

  it('needs the field of each record’s time or label', () => {
    const message = (received: string) => `expected the field holding each record's time or label (a field name or a function), received ${received}`;
    refusedSpec(periodOf({ unit: 'month', timeZone: 'UTC' }), 'missing-value', ['options', 'period', 'field'], message('undefined'));
    refusedSpec(periodOf({ field: 3 }), 'invalid-type', ['options', 'period', 'field'], message('3'));
  });

  it('refuses calendar settings on label periods', () => {
    for (const [key, value] of [
      ['timeZone', 'UTC'],
      ['weekStart', 'sun'],
      ['yearStart', 4],
    ] as const) {
      refusedSpec(
        periodOf({ field: 'campaign', [key]: value }),
        'inconsistent',
        ['options', 'period', key],
        `expected ${key} only with a unit (calendar periods), received no unit`,
      );
    }
  });

  it('takes the order of label periods as a list of distinct strings', () => {
    refusedSpec(
      periodOf({ field: 'c', order: 'spring' }),
      'invalid-type',
      ['options', 'period', 'order'],
      'expected a list of period labels, received "spring"',
    );
    refusedSpec(
      periodOf({ field: 'c', order: ['spring', 2] }),
      'invalid-type',
      ['options', 'period', 'order', 1],
      'expected a period label (a string), received 2',
    );
    refusedSpec(
      periodOf({ field: 'c', order: ['a', 'b', 'a'] }),
      'duplicate',
      ['options', 'period', 'order', 2],
      'expected each label once, received "a" twice',
    );
  });

  it('refuses an unknown unit, and an order for calendar periods', () => {
    refusedSpec(
      periodOf({ field: 'at', unit: 'fortnight', timeZone: 'UTC' }),
      'invalid-value',
      ['options', 'period', 'unit'],
      'expected "day", "week", "month", "quarter" or "year", received "fortnight"',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: 'UTC', order: ['2024-01'] }),
      'inconsistent',
      ['options', 'period', 'order'],
      'expected order only for label periods (no unit): calendar periods are in time order',
    );
  });

  it('needs a time zone for calendar periods, and a real one', () => {
    refusedSpec(
      periodOf({ field: 'at', unit: 'month' }),
      'missing-value',
      ['options', 'period', 'timeZone'],
      'expected the IANA time zone whose calendar cuts the periods, such as "Europe/Berlin": there is no default, not even UTC',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: 'Mars/Olympus' }),
      'invalid-value',
      ['options', 'period', 'timeZone'],
      'expected an IANA time zone name, received "Mars/Olympus"',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: 1 }),
      'invalid-type',
      ['options', 'period', 'timeZone'],
      'expected an IANA time zone name, received 1',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: null }),
      'invalid-type',
      ['options', 'period', 'timeZone'],
      'expected an IANA time zone name, received null',
    );
  });

  it('takes weekStart as a weekday name, and only for weeks', () => {
    const message = (received: string) => `expected a weekday "mon" to "sun", received ${received}`;
    const week = (weekStart: unknown) => periodOf({ field: 'at', unit: 'week', timeZone: 'UTC', weekStart });
    refusedSpec(week('sunday'), 'invalid-value', ['options', 'period', 'weekStart'], message('"sunday"'));
    refusedSpec(week('toString'), 'invalid-value', ['options', 'period', 'weekStart'], message('"toString"'));
    refusedSpec(week(['sun']), 'invalid-value', ['options', 'period', 'weekStart'], message('an array'));
    refusedSpec(
      periodOf({ field: 'at', unit: 'day', timeZone: 'UTC', weekStart: 'sun' }),
      'inconsistent',
      ['options', 'period', 'weekStart'],
      'expected weekStart only with unit "week", received unit "day"',
    );
    expect(segmentCounts([], week('sun') as never).period).toEqual({ field: 'at', unit: 'week', timeZone: 'UTC', weekStart: 'sun', yearStart: 1 });
  });

  it('takes yearStart as a month from 1 to 12, and only for quarters and years', () => {
    const message = (received: string) => `expected the first month of the year, an integer from 1 to 12, received ${received}`;
    const year = (yearStart: unknown) => periodOf({ field: 'at', unit: 'year', timeZone: 'UTC', yearStart });
    for (const [bad, received] of [
      [0, '0'],
      [13, '13'],
      [1.5, '1.5'],
      ['4', '"4"'],
      [Number.NaN, 'NaN'],
    ] as const) {
      refusedSpec(year(bad), 'out-of-range', ['options', 'period', 'yearStart'], message(received));
    }
    expect(segmentCounts([], year(1) as never).period).toEqual({ field: 'at', unit: 'year', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 });
    expect(segmentCounts([], year(12) as never).period).toEqual({ field: 'at', unit: 'year', timeZone: 'UTC', weekStart: 'mon', yearStart: 12 });
    expect(segmentCounts([], periodOf({ field: 'at', unit: 'quarter', timeZone: 'UTC', yearStart: 4 }) as never).period).toEqual({
      field: 'at',
      unit: 'quarter',
      timeZone: 'UTC',
      weekStart: 'mon',
      yearStart: 4,
    });
    refusedSpec(
      periodOf({ field: 'at', unit: 'month', timeZone: 'UTC', yearStart: 4 }),
      'inconsistent',
      ['options', 'period', 'yearStart'],
      'expected yearStart only with unit "quarter" or "year", received unit "month"',
    );
    refusedSpec(
      periodOf({ field: 'at', unit: 'week', timeZone: 'UTC', yearStart: 1 }),
      'inconsistent',
      ['options', 'period', 'yearStart'],
      'expected yearStart only with unit "quarter" or "year", received unit "week"',
    );
  });

  it('records the period field by name, or null when a function reads it', () => {
    const records = [{ score: 9, at: Date.UTC(2024, 0, 5), campaign: 'spring' }];
    expect(segmentCounts(records, periodOf({ field: 'at', unit: 'month', timeZone: 'UTC' }) as never).period).toEqual({
      field: 'at',
      unit: 'month',
      timeZone: 'UTC',
      weekStart: 'mon',
      yearStart: 1,
    });
    const byFunction = segmentCounts(records, periodOf({ field: (r: { at: number }) => r.at, unit: 'month', timeZone: 'UTC' }) as never);
    expect(byFunction.period).toEqual({ field: null, unit: 'month', timeZone: 'UTC', weekStart: 'mon', yearStart: 1 });
    expect(byFunction.cells[0]!.period).toBe('2024-01');
    expect(segmentCounts(records, periodOf({ field: 'campaign', order: ['spring', 'autumn'] }) as never).period).toEqual({
      field: 'campaign',
      unit: null,
      order: ['spring', 'autumn'],
      fixed: true,
    });
    expect(segmentCounts(records, periodOf({ field: (r: { campaign: string }) => r.campaign }) as never).period).toEqual({
      field: null,
      unit: null,
      order: ['spring'],
      fixed: false,
    });
  });
});

describe('a spec passed to segmentFromCounts', () => {
  const records = [
    { score: 10, region: 'EU', plan: 'pro', at: Date.UTC(2024, 2, 10), campaign: 'spring' },
    { score: 3, region: 'US', plan: 'free', at: Date.UTC(2024, 3, 10), campaign: 'autumn' },
  ];
  const monthly = { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' } as const;
  const table = segmentCounts(records, { metric: 'nps', value: 'score', by: ['region', 'plan'], period: monthly });
  const fromCounts = (options: unknown) => () => segmentFromCounts(table, options as never);

  it('refuses options that are not a plain object, and keys it does not know', () => {
    expect(refusal(fromCounts(4))).toEqual({
      metric: 'segmentFromCounts',
      code: 'invalid-type',
      path: ['options'],
      message: 'expected an options object (a plain object), received 4',
    });
    expect(refusal(fromCounts({ colour: 'red' }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'unknown-key',
      path: ['options', 'colour'],
      message: 'unknown key "colour"',
    });
    expect(refusal(fromCounts({ options: [] }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'invalid-type',
      path: ['options', 'options'],
      message: "expected the metric's options (a plain object), received an array",
    });
  });

  it('refuses a metric other than the table’s, and a name that is no tallying metric', () => {
    expect(refusal(fromCounts({ metric: 'csat' }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'metric'],
      message: 'expected the table\'s metric, nps, received "csat"',
    });
    expect(refusal(fromCounts({ metric: 'score' }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'invalid-value',
      path: ['options', 'metric'],
      message: `expected a metric that tallies from records (${TALLYING}), received "score"`,
    });
  });

  it('refuses dimensions other than the table’s, in another order or cut differently', () => {
    expect(refusal(fromCounts({ by: ['plan', 'region'] }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'by'],
      message: 'expected the table\'s dimensions ["region","plan"], received ["plan","region"]',
    });
    const joined = segmentCounts([{ score: 1, a: 'x', bc: 'y' }], { metric: 'nps', value: 'score', by: ['a', 'bc'] });
    expect(refusal(() => segmentFromCounts(joined, { by: ['ab', 'c'] }))).toMatchObject({ code: 'inconsistent', path: ['options', 'by'] });
    expect(refusal(fromCounts({ by: 'region' }))).toMatchObject({ code: 'inconsistent', path: ['options', 'by'] });
  });

  it('refuses periods cut otherwise than the table’s, describing both', () => {
    expect(refusal(fromCounts({ period: { ...monthly, timeZone: 'UTC' } }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'period'],
      message: "expected periods cut as the table's (months in Europe/Berlin), received months in UTC",
    });
    expect(refusal(fromCounts({ period: { field: 'campaign' } }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'period'],
      message: "expected periods cut as the table's (months in Europe/Berlin), received labels",
    });
    expect(refusal(fromCounts({ period: { field: 'at', unit: 'week', timeZone: 'Europe/Berlin', weekStart: 'sun' } }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'period'],
      message: "expected periods cut as the table's (months in Europe/Berlin), received weeks in Europe/Berlin from sun",
    });
  });

  it('accepts the whole spec the table was tallied with, whatever its value, weight and missingKey', () => {
    const spec = { metric: 'nps', value: 'other', weight: 'w', missingKey: '(none)', by: ['region', 'plan'], period: monthly } as const;
    expect(segmentFromCounts(table, spec)).toEqual(segmentFromCounts(table));
    expect(segmentFromCounts(table, { by: ['region', 'plan'] })).toEqual(segmentFromCounts(table));
    expect(segmentFromCounts(table, { period: monthly })).toEqual(segmentFromCounts(table));
  });

  it('checks label periods by their kind, not by the order the spec lists', () => {
    const labels = segmentCounts(records, { metric: 'nps', value: 'score', period: { field: 'campaign', order: ['spring', 'autumn'] } });
    const rows = segmentFromCounts(labels, { period: { field: 'campaign', order: ['autumn', 'spring'] } }).rows;
    expect(rows.map((r) => r.period!.label)).toEqual(['spring', 'autumn']);
    expect(refusal(() => segmentFromCounts(labels, { period: monthly }))).toEqual({
      metric: 'segmentFromCounts',
      code: 'inconsistent',
      path: ['options', 'period'],
      message: 'expected periods cut as the table\'s (labels in the order ["spring","autumn"]), received months in Europe/Berlin',
    });
  });
});
