/**
 * Contract specs of the survey metrics: argument names, kinds, neutral and
 * valid inputs, hostile inputs particular to them, and what their results
 * must account for.
 */
import fc from 'fast-check';
import {
  ces,
  cesCounts,
  cesFromCounts,
  csat,
  csatCounts,
  csatFromCounts,
  loyaltyIndex,
  loyaltyIndexCounts,
  loyaltyIndexFromCounts,
  nps,
  npsCounts,
  npsFromCounts,
} from '../../../src/index.js';
import { ownKeys } from '../../helpers/hostile.js';
import { accountsFor, num, own, sumOfValues, totalIs } from '../accounting.js';
import * as A from '../arbitraries.js';
import { Call, type ExportSpec, viaArgs } from '../contract.js';

const INTEGER_TYPED = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array] as const;

/**
 * Integer typed arrays holding their largest and smallest values, on scales
 * whose range those values wrap into when read as another width (an
 * unsigned 4294967295 is a signed -1).
 */
function wrapping(name: string, extra: Record<string, unknown>): fc.Arbitrary<Call> {
  return fc
    .record({
      T: fc.constantFrom(...INTEGER_TYPED),
      wrap: fc.constantFrom(-1, 0, 255, 65535, 4294967295, -128, -32768, -(2 ** 31), 2 ** 31 - 1, 128, 32768),
      scale: fc.constantFrom({ min: -1, max: 9 }, { min: -128, max: -118 }, { min: -(2 ** 31), max: -(2 ** 31) + 10 }, { min: 0, max: 10 }, { min: 1, max: 5 }),
      ok: fc.array(fc.nat(4), { maxLength: 4 }),
    })
    .map(({ T, wrap, scale, ok }) => {
      const values = [wrap, ...ok.map((o) => scale.min + o)];
      const data = T.from(values);
      return new Call(name, [data, { scale, ...extra }], [`${T.name} of ${values.join(', ')}, stored as ${Array.from(data).join(', ')}`]);
    });
}

/** Point-scale tallies whose keys are the names of built-in properties, as `JSON.parse` makes them. */
function prototypeNamedPoints(name: string): fc.Arbitrary<Call> {
  const keys = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', '1', '5', '05', '1.0', '-0', ' 1', '1e0'];
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.nat(9)), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((entries) => new Call(name, [{ points: ownKeys(entries) }], [`points with own keys ${entries.map(([k]) => JSON.stringify(k)).join(', ')}`]));
}

/** Labels keyed by the names of built-in properties, and answers that use them. */
function prototypeNamedLabels(name: string, scale: { min: number; max: number }): fc.Arbitrary<Call> {
  const keys = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
  return fc
    .tuple(
      fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.integer(scale)), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.constantFrom(...keys),
    )
    .map(([entries, picks, stranger]) => {
      const responses = [...picks.map((p) => entries[p % entries.length]![0]), stranger];
      return new Call(name, [responses, { labels: ownKeys(entries) }], ['labels with prototype-named keys; the last answer may be no label']);
    });
}

const npsTotal = (r: unknown) => num(r, 'total');
const pointTotal = (r: unknown) => num(r, 'total');
const npsTally = (r: unknown) => num(r, 'promoters') + num(r, 'passives') + num(r, 'detractors');
const pointTally = (r: unknown) => sumOfValues(own(r, 'points'));

/** The survey metrics: NPS, CSAT, CES and the loyalty index, raw, as a tally and from a tally. */
export const surveySpecs: readonly ExportSpec[] = [
  {
    name: 'nps',
    call: viaArgs(nps),
    params: ['scores', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'nps',
    neutral: () => [[10, 9, 8, 6, 10]],
    valid: A.npsArgs,
    wide: A.npsWideArgs,
    hostile: wrapping('nps', { promoterMin: 8, detractorMax: 5 }),
    checkResult: accountsFor('nps', npsTotal),
  },
  {
    name: 'npsCounts',
    call: viaArgs(npsCounts),
    params: ['scores', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'nps',
    neutral: () => [[10, 9, 8, 6, 10]],
    valid: A.npsArgs,
    wide: A.npsWideArgs,
    hostile: wrapping('npsCounts', { promoterMin: 8, detractorMax: 5 }),
    checkResult: accountsFor('nps', npsTally),
  },
  {
    name: 'npsFromCounts',
    call: viaArgs(npsFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'nps',
    neutral: () => [{ promoters: 50, passives: 30, detractors: 20 }],
    valid: A.npsFromCountsArgs,
    wide: A.npsFromCountsWideArgs,
    checkResult: totalIs('nps', npsTally),
  },
  {
    name: 'csat',
    call: viaArgs(csat),
    params: ['responses', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'csat',
    neutral: () => [[5, 4, 3, 5, 1]],
    valid: A.csatArgs,
    wide: A.csatWideArgs,
    hostile: fc.oneof(wrapping('csat', {}), prototypeNamedLabels('csat', { min: 1, max: 5 })),
    checkResult: accountsFor('csat', pointTotal),
  },
  {
    name: 'csatCounts',
    call: viaArgs(csatCounts),
    params: ['responses', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'csat',
    neutral: () => [[5, 4, 5]],
    valid: A.csatArgs,
    wide: A.csatWideArgs,
    hostile: fc.oneof(wrapping('csatCounts', {}), prototypeNamedLabels('csatCounts', { min: 1, max: 5 })),
    checkResult: accountsFor('csat', pointTally),
  },
  {
    name: 'csatFromCounts',
    call: viaArgs(csatFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'csat',
    neutral: () => [{ points: { 1: 10, 2: 5, 3: 5, 4: 30, 5: 50 } }],
    valid: A.csatFromCountsArgs,
    wide: A.csatFromCountsWideArgs,
    hostile: prototypeNamedPoints('csatFromCounts'),
    checkResult: totalIs('csat', (c) => sumOfValues(own(c, 'points'))),
  },
  {
    name: 'ces',
    call: viaArgs(ces),
    params: ['responses', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'ces',
    neutral: () => [[7, 6, 5, 2, 7]],
    valid: A.cesArgs,
    wide: A.cesWideArgs,
    hostile: fc.oneof(wrapping('ces', {}), prototypeNamedLabels('ces', { min: 1, max: 7 })),
    checkResult: accountsFor('ces', pointTotal),
  },
  {
    name: 'cesCounts',
    call: viaArgs(cesCounts),
    params: ['responses', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'ces',
    neutral: () => [[7, 6]],
    valid: A.cesArgs,
    wide: A.cesWideArgs,
    hostile: fc.oneof(wrapping('cesCounts', {}), prototypeNamedLabels('cesCounts', { min: 1, max: 7 })),
    checkResult: accountsFor('ces', pointTally),
  },
  {
    name: 'cesFromCounts',
    call: viaArgs(cesFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'ces',
    neutral: () => [{ points: { 1: 5, 4: 20, 6: 40, 7: 35 } }],
    valid: A.cesFromCountsArgs,
    wide: A.cesFromCountsWideArgs,
    hostile: prototypeNamedPoints('cesFromCounts'),
    checkResult: totalIs('ces', (c) => sumOfValues(own(c, 'points'))),
  },
  {
    name: 'loyaltyIndex',
    call: viaArgs(loyaltyIndex),
    params: ['answers', 'options'],
    kinds: ['list', 'options'],
    metric: 'loyaltyIndex',
    neutral: () => [[{ recommend: 9, repurchase: 8, upsell: 6 }]],
    valid: A.loyaltyArgs,
    wide: A.loyaltyWideArgs,
    checkResult: accountsFor('loyaltyIndex', (r) => num(r, 'total')),
  },
  {
    name: 'loyaltyIndexCounts',
    call: viaArgs(loyaltyIndexCounts),
    params: ['answers', 'options'],
    kinds: ['list', 'options'],
    metric: 'loyaltyIndex',
    neutral: () => [[{ recommend: 9, repurchase: 8, upsell: 6 }]],
    valid: A.loyaltyArgs,
    wide: A.loyaltyWideArgs,
    checkResult: accountsFor('loyaltyIndex', (r) => num(r, 'respondents')),
  },
  {
    name: 'loyaltyIndexFromCounts',
    call: viaArgs(loyaltyIndexFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'loyaltyIndex',
    neutral: () => [{ respondents: 4, sums: { recommend: 32, repurchase: 30, upsell: 20 } }],
    valid: A.loyaltyFromCountsArgs,
    wide: A.loyaltyFromCountsWideArgs,
    checkResult: totalIs('loyaltyIndex', (c) => num(c, 'respondents')),
  },
];
