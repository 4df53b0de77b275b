/**
 * Tallying records by segment and period: records as objects or as columns,
 * keys and periods read from each record, and every bad value reported at
 * the record and field it came from, with the metric's own message.
 */
import { describe, expect, it } from 'vitest';
import { describeBadTime } from '../../src/core/time/time.js';
import {
  firstContactResolution,
  isMetricsError,
  loyaltyIndex,
  MetricsError,
  npsCounts,
  nps as npsOf,
  segment,
  segmentCounts,
  timeToResolution,
} from '../../src/index.js';
import { refusal } from '../helpers/errors.js';

/** The first message of the MetricsError `fn` throws. */
const messageOf = (fn: () => unknown): string => refusal(fn).message;

const nps = { metric: 'nps', value: 'score' } as const;
const tally = (records: unknown, spec: unknown) => () => segmentCounts(records as never, spec as never);
const refused = (records: unknown, spec: unknown, code: string, path: (string | number)[], message: string) =>
  expect(refusal(tally(records, spec))).toEqual({ metric: 'segmentCounts', code, path, message });
const SEGMENT_VALUE = 'expected a segment value (a string, a finite number or a boolean)';
const HINT = ' (missingKey names a label for missing values)';
const daily = { field: 'at', unit: 'day', timeZone: 'UTC' } as const;

describe('the records', () => {
  it('refuses records that are neither an array nor an object of columns', () => {
    const message = (received: string) => `expected an array of records or an object of equal-length columns, received ${received}`;
    refused(5, nps, 'invalid-type', ['records'], message('5'));
    refused('records', nps, 'invalid-type', ['records'], message('"records"'));
    refused(null, nps, 'missing-value', ['records'], message('null'));
    refused(undefined, nps, 'missing-value', ['records'], message('undefined'));
  });

  it('refuses a record that is not a plain object, missing or not', () => {
    const message = (received: string) => `expected a record (a plain object), received ${received}`;
    refused([{ score: 1 }, null], nps, 'missing-value', ['records', 1], message('null'));
    refused([{ score: 1 }, { score: 2 }, undefined], nps, 'missing-value', ['records', 2], message('undefined'));
    refused([{ score: 1 }, 'x'], nps, 'invalid-type', ['records', 1], message('"x"'));
    refused([new Date(0)], nps, 'invalid-type', ['records', 0], message('a Date'));
  });

  it('refuses a column that is not an array, and columns of unequal length', () => {
    refused({ score: [1, 2], region: 'EU' }, nps, 'invalid-type', ['records', 'region'], 'expected a column (an array or a typed array), received "EU"');
    refused(
      { score: [1, 2], region: ['EU', 'US'], plan: Uint8Array.of(1) },
      nps,
      'inconsistent',
      ['records', 'plan'],
      'expected a column of 2 values, like "score", received 1',
    );
  });

  it('checks the metric options once, before any record', () => {
    const options = { scale: { min: 0, max: 0 } };
    expect(refusal(tally([], { ...nps, options }))).toEqual({
      metric: 'segmentCounts',
      code: 'inconsistent',
      path: ['options', 'options', 'scale', 'max'],
      message: messageOf(() => npsCounts([], options as never)),
    });
  });
});

describe('keys', () => {
  it('refuses a key that is not a string, a finite number or a boolean', () => {
    refused(
      [{ score: 1, region: Number.POSITIVE_INFINITY }],
      { ...nps, by: 'region' },
      'invalid-value',
      ['records', 0, 'region'],
      `${SEGMENT_VALUE}, received Infinity`,
    );
    refused([{ score: 1, region: Number.NaN }], { ...nps, by: 'region' }, 'invalid-value', ['records', 0, 'region'], `${SEGMENT_VALUE}, received NaN`);
    refused([{ score: 1, region: ['EU'] }], { ...nps, by: 'region' }, 'invalid-type', ['records', 0, 'region'], `${SEGMENT_VALUE}, received an array`);
    refused(
      [{ score: 1, region: 2n }],
      { ...nps, by: 'region', missingKey: '(none)' },
      'invalid-type',
      ['records', 0, 'region'],
      `${SEGMENT_VALUE}, received 2n`,
    );
  });

  it('refuses a missing key, pointing to missingKey', () => {
    refused([{ score: 1 }], { ...nps, by: 'region' }, 'missing-value', ['records', 0, 'region'], `${SEGMENT_VALUE}${HINT}, received undefined`);
    refused(
      [
        { score: 1, region: 'EU' },
        { score: 1, region: null },
      ],
      { ...nps, by: 'region' },
      'missing-value',
      ['records', 1, 'region'],
      `${SEGMENT_VALUE}${HINT}, received null`,
    );
  });

  it('reads an inherited property as absent, never as a key', () => {
    for (const field of ['toString', '__proto__', 'constructor']) {
      refused([{ score: 1 }], { ...nps, by: field }, 'missing-value', ['records', 0, field], `${SEGMENT_VALUE}${HINT}, received undefined`);
    }
    expect(segmentCounts([{ score: 1 }], { ...nps, by: '__proto__', missingKey: '-' }).cells[0]!.key).toEqual({ ['__proto__']: '-' });
  });

  it('reports a bad key read by a function at the record', () => {
    refused(
      [{ score: 1 }, { score: 2 }],
      { ...nps, by: { zone: (r: { score: number }) => (r.score > 1 ? undefined : 'a') } },
      'missing-value',
      ['records', 1],
      `${SEGMENT_VALUE}${HINT}, received undefined`,
    );
    refused([{ score: 1 }], { ...nps, by: { zone: () => ({}) } }, 'invalid-type', ['records', 0], `${SEGMENT_VALUE}, received an object`);
    refused([{ score: 1 }], { ...nps, by: { zone: () => -Infinity } }, 'invalid-value', ['records', 0], `${SEGMENT_VALUE}, received -Infinity`);
  });

  it('labels missing keys with missingKey, and only missing ones', () => {
    const t = segmentCounts([{ score: 10, region: null }, { score: 0 }, { score: 9, region: '' }, { score: 8, region: 0 }, { score: 7, region: false }], {
      ...nps,
      by: 'region',
      missingKey: '(none)',
    });
    expect(t.cells.map((c) => [c.key.region, c.counts])).toEqual([
      [false, npsCounts([7])],
      [0, npsCounts([8])],
      ['', npsCounts([9])],
      ['(none)', npsCounts([10, 0])],
    ]);
  });

  it('keys negative zero as zero', () => {
    const t = segmentCounts(
      [
        { score: 10, n: -0 },
        { score: 0, n: 0 },
      ],
      { ...nps, by: 'n' },
    );
    expect(t.cells.length).toBe(1);
    expect(Object.is(t.cells[0]!.key.n, 0)).toBe(true);
    expect(t.cells[0]!.counts).toEqual(npsCounts([10, 0]));
  });
});

describe('periods', () => {
  it('refuses a time that is not an integer within the range of a Date', () => {
    const message = (received: string) => `expected integer epoch milliseconds within the range of a Date, received ${received}`;
    for (const [at, received] of [
      [1.5, '1.5'],
      [-9e15, '-9000000000000000'],
      [9e15, '9000000000000000'],
      [8.64e15 + 1, '8640000000000001'],
      [-8.64e15 - 1, '-8640000000000001'],
    ] as const) {
      refused(
        [
          { score: 1, at: 0 },
          { score: 1, at },
        ],
        { ...nps, period: daily },
        'out-of-range',
        ['records', 1, 'at'],
        message(received),
      );
    }
    refused([{ score: 1 }], { ...nps, period: { ...daily, field: () => Number.NaN } }, 'invalid-value', ['records', 0], describeBadTime(Number.NaN).message);
    refused(
      [{ score: 1, at: '2024-03-01T10:00:00' }],
      { ...nps, period: daily },
      'invalid-value',
      ['records', 0, 'at'],
      describeBadTime('2024-03-01T10:00:00').message,
    );
  });

  it('places the first and last instants a Date can hold', () => {
    const t = segmentCounts(
      [
        { score: 10, at: 8.64e15 },
        { score: 0, at: -8.64e15 },
        { score: 9, at: '1970-01-01T00:00:00Z' },
      ],
      { ...nps, period: daily },
    );
    expect(t.cells.map((c) => c.period)).toEqual(['-271821-04-20', '1970-01-01', '+275760-09-13']);
  });

  it('refuses a label that is not a string, and one missing from a fixed order', () => {
    const labels = { ...nps, period: { field: 'campaign' } };
    refused([{ score: 1, campaign: 3 }], labels, 'invalid-type', ['records', 0, 'campaign'], 'expected a period label (a string), received 3');
    refused(
      [
        { score: 1, campaign: 'a' },
        { score: 1, campaign: null },
      ],
      labels,
      'missing-value',
      ['records', 1, 'campaign'],
      'expected a period label (a string), received null',
    );
    refused([{ score: 1 }], labels, 'missing-value', ['records', 0, 'campaign'], 'expected a period label (a string), received undefined');
    refused([{ score: 1 }], { ...nps, period: { field: () => true } }, 'invalid-type', ['records', 0], 'expected a period label (a string), received true');
    refused(
      [
        { score: 1, campaign: 'spring' },
        { score: 1, campaign: 'summer' },
      ],
      { ...nps, period: { field: 'campaign', order: ['spring', 'autumn'] } },
      'invalid-value',
      ['records', 1, 'campaign'],
      'expected a period label listed in period.order, received "summer"',
    );
  });

  it('lists labels in the order first met, and keeps a given order with its empty labels', () => {
    const records = [
      { score: 1, campaign: 'b' },
      { score: 1, campaign: 'a' },
      { score: 1, campaign: 'b' },
    ];
    expect(segmentCounts(records, { ...nps, period: { field: 'campaign' } }).period).toEqual({
      field: 'campaign',
      unit: null,
      order: ['b', 'a'],
      fixed: false,
    });
    expect(segmentCounts(records, { ...nps, period: { field: 'campaign', order: ['c', 'a', 'b'] } }).period).toEqual({
      field: 'campaign',
      unit: null,
      order: ['c', 'a', 'b'],
      fixed: true,
    });
  });
});

describe('bad values, at the record and field they came from', () => {
  it('maps a value read from a field to its record and field', () => {
    const records = [
      { score: 1, g: 'a' },
      { score: 2, g: 'b' },
      { score: 3, g: 'a' },
      { score: 12, g: 'b' },
    ];
    expect(refusal(tally(records, { ...nps, by: 'g' }))).toEqual({
      metric: 'segmentCounts',
      code: 'out-of-range',
      path: ['records', 3, 'score'],
      message: messageOf(() => npsCounts([12])),
    });
  });

  it('maps an input field to the record field it is read from, or to its own name when unmapped', () => {
    const tickets = [
      { created: 0, solved: 10 },
      { created: 20, solved: 'later' },
    ];
    expect(refusal(tally(tickets, { metric: 'timeToResolution', value: { openedAt: 'created', resolvedAt: 'solved' } }))).toEqual({
      metric: 'segmentCounts',
      code: 'invalid-value',
      path: ['records', 1, 'solved'],
      message: messageOf(() => timeToResolution([{ openedAt: 20, resolvedAt: 'later' }])),
    });
    expect(refusal(tally([{ c: 1 }], { metric: 'firstContactResolution', value: { contacts: 'c' } }))).toEqual({
      metric: 'segmentCounts',
      code: 'missing-value',
      path: ['records', 0, 'resolved'],
      message: messageOf(() => firstContactResolution([{ contacts: 1 } as never])),
    });
  });

  it('maps an input read from the whole record, or by a function, to the record and input field', () => {
    const expected = { metric: 'segmentCounts', code: 'invalid-type', path: ['records', 1, 'resolved'], message: 'expected a boolean, received "yes"' };
    const tickets = [
      { contacts: 1, resolved: true },
      { contacts: 1, resolved: 'yes' },
    ];
    expect(refusal(tally(tickets, { metric: 'firstContactResolution' }))).toEqual(expected);
    expect(refusal(tally(tickets, { metric: 'firstContactResolution', value: (t: object) => ({ ...t }) }))).toEqual(expected);
    expect(refusal(tally({ contacts: [1, 1], resolved: [true, 'yes'] }, { metric: 'firstContactResolution' }))).toEqual(expected);
  });

  it('maps a bad weight to its record and field, or to the record when a function read it', () => {
    const records = [
      { score: 10, w: 1 },
      { score: 3, w: -2 },
    ];
    const message = messageOf(() => npsCounts([10, 3], { weights: [1, -2] }));
    expect(refusal(tally(records, { ...nps, weight: 'w' }))).toEqual({ metric: 'segmentCounts', code: 'out-of-range', path: ['records', 1, 'w'], message });
    expect(refusal(tally(records, { ...nps, weight: (r: { w: number }) => r.w }))).toEqual({
      metric: 'segmentCounts',
      code: 'out-of-range',
      path: ['records', 1],
      message,
    });
  });

  it('maps an option the data contradicts to the metric options', () => {
    const options = { open: 'censor', asOf: 8.64e15 } as const;
    const records = [{ o: -8.64e15, s: null }];
    expect(refusal(tally(records, { metric: 'timeToResolution', value: { openedAt: 'o', resolvedAt: 's' }, options }))).toEqual({
      metric: 'segmentCounts',
      code: 'out-of-range',
      path: ['options', 'options', 'asOf'],
      message: messageOf(() => timeToResolution([{ openedAt: -8.64e15, resolvedAt: null }], options)),
    });
  });

  it('keeps the metric’s error as the cause, and lets other errors through unchanged', () => {
    let caught: unknown;
    try {
      segmentCounts([{ score: 11 }], nps);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricsError);
    expect((caught as MetricsError).metric).toBe('segmentCounts');
    const cause = (caught as { cause?: unknown }).cause;
    expect(isMetricsError(cause) && cause.metric).toBe('nps');
    expect(isMetricsError(cause) && cause.path).toEqual(['scores', 0]);
    const broken = new RangeError('the reader broke');
    expect(() =>
      segmentCounts([{ score: 1 }], {
        metric: 'nps',
        value: () => {
          throw broken;
        },
      }),
    ).toThrow(broken);
  });
});

describe('columns', () => {
  it('reads a field missing from the columns as missing', () => {
    refused(
      { region: ['EU'] },
      { ...nps, by: 'region' },
      'missing-value',
      ['records', 0, 'score'],
      messageOf(() => npsCounts([undefined as never])),
    );
    refused({ score: [1] }, { ...nps, by: 'toString' }, 'missing-value', ['records', 0, 'toString'], `${SEGMENT_VALUE}${HINT}, received undefined`);
  });

  it('hands functions each row as an ordinary object of the columns', () => {
    const seen: string[] = [];
    const t = segmentCounts(
      { score: [10, 3], region: ['EU', 'US'] },
      {
        ...nps,
        by: {
          zone: (r: Record<string, unknown>) => {
            seen.push(JSON.stringify(r));
            r.region = `${String(r.region)}!`;
            delete r.score;
            return String(r.region);
          },
        },
      },
    );
    expect(seen).toEqual(['{"score":10,"region":"EU"}', '{"score":3,"region":"US"}']);
    expect(t.cells.map((c) => c.key.zone)).toEqual(['EU!', 'US!']);
  });

  it('reads an object input from columns named as its fields, leaving absent ones out', () => {
    const answers = [
      { recommend: 9, repurchase: 8, upsell: 5, g: 'a' },
      { recommend: 4, repurchase: 6, upsell: 2, g: 'a' },
    ];
    const columns = { recommend: [9, 4], repurchase: Uint8Array.of(8, 6), upsell: [5, 2], g: ['a', 'a'] };
    expect(segment(columns, { metric: 'loyaltyIndex', by: 'g' }).rows[0]!.result).toEqual(loyaltyIndex(answers));
    const tickets = { contacts: [1, 3], resolved: [true, true] };
    expect(segment(tickets, { metric: 'firstContactResolution' }).rows[0]!.result).toEqual(
      firstContactResolution([
        { contacts: 1, resolved: true },
        { contacts: 3, resolved: true },
      ]),
    );
  });

  it('tallies the same cells from columns as from records', () => {
    const records = [
      { score: 10, region: 'EU', at: Date.UTC(2024, 0, 3) },
      { score: 4, region: 'US', at: Date.UTC(2024, 0, 4) },
      { score: 9, region: 'EU', at: Date.UTC(2024, 0, 4) },
    ];
    const columns = { score: records.map((r) => r.score), region: records.map((r) => r.region), at: Float64Array.from(records.map((r) => r.at)) };
    const spec = { ...nps, by: 'region', period: daily } as const;
    expect(segmentCounts(columns, spec)).toEqual(segmentCounts(records, spec));
    expect(segmentCounts({}, spec).cells).toEqual([]);
  });
});

describe('many records', () => {
  const n = 65_536 + 2;

  it('tallies a cell whose records span more than one chunk exactly', () => {
    const score = new Uint8Array(n).fill(10);
    score[n - 1] = 0;
    const t = segmentCounts({ score }, nps);
    expect(t.cells).toEqual([{ key: {}, period: null, counts: { ...npsCounts([10, 0]), promoters: n - 1 } }]);
  });

  it('weights every record of every chunk by its own weight', () => {
    const score = new Uint8Array(n).fill(10);
    const w = new Float64Array(n).fill(1);
    w[n - 1] = 3;
    score[n - 1] = 0;
    const weighted = segment({ score, w }, { ...nps, weight: 'w' }).rows[0]!.result;
    expect(weighted).toEqual(npsOf(Array.from(score), { weights: w }));
  });

  it('reports a bad value after the first chunk at its own record', () => {
    const score = new Uint8Array(n).fill(9);
    score[n - 1] = 11;
    expect(refusal(tally({ score }, nps))).toEqual({
      metric: 'segmentCounts',
      code: 'out-of-range',
      path: ['records', n - 1, 'score'],
      message: messageOf(() => npsCounts([11])),
    });
  });
});
