/**
 * Contract specs of the segment functions: `segment`, `segmentCounts`,
 * `segmentFromCounts`, `changes` and `trend`.
 */
import fc from 'fast-check';
import { changes, segment, segmentCounts, segmentFromCounts, trend } from '../../../src/index.js';
import { hostileFrom, ODD_TIMES } from '../../helpers/hostile.js';
import { Call, copyData, type ExportSpec, viaArgs } from '../contract.js';

interface SurveyRecord {
  score: number | null;
  region: string | number | boolean;
  plan: string;
  at: number | string;
  campaign: string;
  contacts: number;
  resolved: boolean;
}

const record: fc.Arbitrary<SurveyRecord> = fc.record({
  score: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  region: fc.constantFrom('EU', 'US', 7, true, '__proto__', 'toString', ''),
  plan: fc.constantFrom('free', 'pro'),
  // 2025, as epoch milliseconds or ISO strings with an offset.
  at: fc
    .integer({ min: 1_735_689_600_000, max: 1_767_225_599_999 })
    .chain((t) => fc.constantFrom<number | string>(t, new Date(t).toISOString(), new Date(t).toISOString().replace('Z', '+00:00'))),
  campaign: fc.constantFrom('spring', 'summer', 'autumn'),
  contacts: fc.integer({ min: 1, max: 3 }),
  resolved: fc.boolean(),
});

const metricSpec = fc.constantFrom(
  { metric: 'nps', value: 'score', options: { missing: 'exclude', interval: true } },
  { metric: 'csat', value: 'score', options: { scale: { min: 0, max: 10 }, missing: 'exclude' } },
  { metric: 'firstContactResolution', value: { contacts: 'contacts', resolved: 'resolved' } },
);
const periodSpec = fc.constantFrom(
  undefined,
  { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' },
  { field: 'at', unit: 'quarter', timeZone: 'America/New_York', yearStart: 10 },
  { field: 'at', unit: 'week', timeZone: 'Asia/Kolkata', weekStart: 'sun' },
  { field: 'campaign' },
  { field: 'campaign', order: ['autumn', 'summer', 'spring'] },
);
const bySpec = fc.constantFrom(undefined, 'region', ['region', 'plan'], { zone: 'region' });

const countsSpec = fc.record({ base: metricSpec, period: periodSpec, by: bySpec }).map(({ base, period, by }) => ({
  ...base,
  ...(period === undefined ? {} : { period }),
  ...(by === undefined ? {} : { by }),
}));
const resultOptions = fc.record(
  {
    totals: fc.boolean(),
    minCount: fc.integer({ min: 0, max: 5 }),
    fill: fc.boolean(),
    asOf: fc.constantFrom('2025-06-15T00:00:00+02:00', 1_750_000_000_000),
  },
  { requiredKeys: [] },
);
const records = fc.array(record, { maxLength: 25 });

const segmentArgs = fc.tuple(records, countsSpec, resultOptions).map(([r, spec, o]) => [r, { ...spec, ...o }]);
const countsArgs = fc.tuple(records, countsSpec).map(([r, spec]) => [r, spec]);
const fromCountsArgs = fc.tuple(records, countsSpec, resultOptions).map(([r, spec, o]) => [segmentCounts(r, spec as never), { options: spec.options, ...o }]);
/** Columns in place of records. */
const columnArgs = fc.tuple(records, countsSpec).map(([r, spec]) => [
  {
    score: r.map((x) => x.score),
    region: r.map((x) => x.region),
    plan: r.map((x) => x.plan),
    at: r.map((x) => x.at),
    campaign: r.map((x) => x.campaign),
    contacts: r.map((x) => x.contacts),
    resolved: r.map((x) => x.resolved),
  },
  spec,
]);

/** Tables of comparable metrics with periods, and their options. */
const tableArgs = fc
  .tuple(
    fc.array(record, { minLength: 1, maxLength: 40 }),
    countsSpec.filter((s) => 'period' in s),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([r, spec, minCount]) => segment(r, { ...spec, minCount } as never));
const changesArgs = fc
  .tuple(
    tableArgs,
    fc.record(
      {
        against: fc.constantFrom('previous', 'first', 'rest', 'total'),
        adjust: fc.constantFrom('holm', 'bh', 'none'),
        level: fc.constantFrom(0.9, 0.95, 0.999),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([t, o]) => [t, o]);
const trendArgs = fc
  .tuple(
    tableArgs,
    fc.record({ adjust: fc.constantFrom('holm', 'bh', 'none'), level: fc.constantFrom(0.9, 0.95), scores: fc.constantFrom('index') }, { requiredKeys: [] }),
  )
  .map(([t, o]) => [t, o]);

/** Odd times in the period field, far-off ones included. */
const oddTimes = hostileFrom(ODD_TIMES);
const withOddTime = (name: string) =>
  fc.tuple(fc.array(record, { minLength: 1, maxLength: 10 }), fc.nat(), oddTimes).map(([r, k, odd]) => {
    const copy = r.map((x) => copyData(x) as Record<string, unknown>);
    copy[k % copy.length]!.at = odd.value;
    return new Call(
      name,
      [copy, { metric: 'nps', value: 'score', options: { missing: 'exclude' }, period: { field: 'at', unit: 'day', timeZone: 'Europe/Berlin' } }],
      [`records[${k % copy.length}].at := ${odd.label}`],
    );
  });
/** Keys and fields named like built-ins, and columns of unequal length. */
const oddShapes = (name: string) =>
  fc
    .constantFrom<[string, () => unknown[]]>(
      ['by a prototype name', () => [[{ score: 1, ['__proto__']: 'x' }], { metric: 'nps', value: 'score', by: '__proto__' }]],
      ['by an inherited name', () => [[{ score: 1 }], { metric: 'nps', value: 'score', by: 'constructor' }]],
      ['value an inherited name', () => [[{ score: 1 }], { metric: 'nps', value: 'toString' }]],
      [
        'columns of unequal length',
        () => [
          { score: [1, 2], region: ['EU'] },
          { metric: 'nps', value: 'score', by: 'region' },
        ],
      ],
      ['a column that is not a list', () => [{ score: new Set([1]) }, { metric: 'nps', value: 'score' }]],
      [
        'a period field function that throws nothing but returns a Date proxy',
        () => [[{ score: 1 }], { metric: 'nps', value: 'score', period: { field: () => new Proxy(new Date(), {}), unit: 'day', timeZone: 'UTC' } }],
      ],
      [
        'a placeholder date far from the rest',
        () => [
          [
            { score: 1, at: '0001-01-01T00:00:00Z' },
            { score: 2, at: '9999-01-01T00:00:00Z' },
          ],
          { metric: 'nps', value: 'score', period: { field: 'at', unit: 'day', timeZone: 'UTC' } },
        ],
      ],
    )
    .map(([note, make]) => new Call(name, make(), [note]));

const neutralRecords = () => [
  { score: 10, region: 'EU', at: '2025-03-31T21:30:00Z' },
  { score: 3, region: 'US', at: '2025-04-02T10:00:00Z' },
];
const neutralSpec = () => ({ metric: 'nps', value: 'score', by: 'region', period: { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' } });

/** The segment functions. */
export const segmentSpecs: readonly ExportSpec[] = [
  {
    name: 'segment',
    call: viaArgs(segment),
    params: ['records', 'options'],
    kinds: ['list-or-object', 'object'],
    metric: 'segment',
    neutral: () => [neutralRecords(), neutralSpec()],
    valid: segmentArgs,
    wide: columnArgs,
    hostile: fc.oneof(withOddTime('segment'), oddShapes('segment')),
  },
  {
    name: 'segmentCounts',
    call: viaArgs(segmentCounts),
    params: ['records', 'options'],
    kinds: ['list-or-object', 'object'],
    metric: 'segmentCounts',
    neutral: () => [neutralRecords(), neutralSpec()],
    valid: countsArgs,
    wide: columnArgs,
    hostile: fc.oneof(withOddTime('segmentCounts'), oddShapes('segmentCounts')),
  },
  {
    name: 'segmentFromCounts',
    call: viaArgs(segmentFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'segmentFromCounts',
    neutral: () => [segmentCounts(neutralRecords(), neutralSpec() as never)],
    valid: fromCountsArgs,
  },
  {
    name: 'changes',
    call: viaArgs(changes),
    params: ['table', 'options'],
    kinds: ['object', 'options'],
    metric: 'changes',
    neutral: () => [segment(neutralRecords(), neutralSpec() as never)],
    valid: changesArgs,
    readsSomeFields: true,
  },
  {
    name: 'trend',
    call: viaArgs(trend),
    params: ['table', 'options'],
    kinds: ['object', 'options'],
    metric: 'trend',
    neutral: () => [segment(neutralRecords(), neutralSpec() as never)],
    valid: trendArgs,
    readsSomeFields: true,
  },
];
