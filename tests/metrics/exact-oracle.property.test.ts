/**
 * Every value the docs call exact, per metric, against an exact-rational
 * oracle written independently of the library (tests/helpers/rational.ts):
 * the exact value from the inputs in BigInt rationals, rounded to
 * `decimals` by the documented rule when asked, then the nearest double.
 * Inputs reach the extremes the contract allows: weights of 1e-100 and
 * 1e100 in one sample, counts near 2^53, money with 25 integer digits and
 * 20 decimals. `ORACLE_RUNS=<n>` sets the cases per property (default 200).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ces,
  cesFromCounts,
  churnToAnnual,
  csat,
  csatFromCounts,
  customerChurn,
  expansionRevenue,
  firstContactResolutionFromCounts,
  firstResponseTimeFromCounts,
  loyaltyIndexFromCounts,
  mrrChurn,
  netMrrChurn,
  nps,
  npsFromCounts,
  repurchaseRateFromCounts,
  segment,
  timeToResolutionFromCounts,
  upsellRatioFromCounts,
} from '../../src/index.js';
import {
  expectedNumber,
  expectedShares,
  type OracleRounding,
  type Q,
  q,
  qAdd,
  qDiv,
  qMul,
  qOfDecimal,
  qOfDouble,
  qOfShortest,
  qSub,
  roundedQ,
} from '../helpers/rational.js';

const RUNS = Number(process.env.ORACLE_RUNS ?? 200);
const TIMEOUT = 30_000 + RUNS * 100;
const MAX = Number.MAX_SAFE_INTEGER;
const ZERO = q(0);
const HUNDRED = q(100);

/** No rounding, or `decimals` from 0 to 15 with either tie rule. */
const roundingArb: fc.Arbitrary<OracleRounding> = fc.oneof(
  fc.constant({}),
  fc.record({ decimals: fc.integer({ min: 0, max: 15 }), rounding: fc.constantFrom('half-up' as const, 'half-even' as const) }),
);

/** Survey weights: the extremes the contract allows, zeros, and doubles spread over the whole allowed range. */
const weightArb = fc.oneof(
  fc.constantFrom(1e-100, 1e100, 0, 1, 0.1, 3),
  fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
  fc.double({ min: 0.5, max: 2, noNaN: true }),
);

/** A count, usually small, sometimes near 2^53. */
const countArb = fc.oneof(fc.nat({ max: 1000 }), fc.integer({ min: 2 ** 50, max: MAX }));

/** Non-negative safe integers whose sum is a safe integer too, some near 2^53. */
function countsArb(k: number): fc.Arbitrary<number[]> {
  return fc.array(countArb, { minLength: k, maxLength: k }).map((xs) => {
    let room = MAX;
    return xs.map((x) => {
      const c = Math.min(x, room);
      room -= c;
      return c;
    });
  });
}

const sum = (xs: readonly Q[]) => xs.reduce(qAdd, ZERO);
const percentOf = (part: Q, whole: Q) => qDiv(qMul(HUNDRED, part), whole);

/** The weighted summary: the total weight and Kish's effective sample size (0 when every weight is 0). */
function weightedOracle(weights: readonly number[], o: OracleRounding) {
  const w = sum(weights.map(qOfDouble));
  const squares = sum(weights.map((x) => qMul(qOfDouble(x), qOfDouble(x))));
  return { totalWeight: expectedNumber(w, o), effectiveSampleSize: expectedNumber(qDiv(qMul(w, w), squares) ?? ZERO, o) };
}

describe('NPS against the exact oracle', () => {
  it(
    'weighted: the score, the shares and the weighted summary',
    () => {
      const answer = fc.tuple(fc.integer({ min: 0, max: 10 }), weightArb);
      fc.assert(
        fc.property(fc.array(answer, { minLength: 1, maxLength: 30 }), roundingArb, (answers, o) => {
          const r = nps(
            answers.map(([s]) => s),
            { weights: answers.map(([, w]) => w), ...o },
          );
          const group = (test: (s: number) => boolean) => sum(answers.filter(([s]) => test(s)).map(([, w]) => qOfDouble(w)));
          const [p, pa, d] = [group((s) => s >= 9), group((s) => s === 7 || s === 8), group((s) => s <= 6)];
          expect(r.value).toBe(expectedNumber(percentOf(qSub(p, d), sum([p, pa, d])), o));
          expect([r.promoters.percent, r.passives.percent, r.detractors.percent]).toStrictEqual(expectedShares([p, pa, d], o.decimals));
          expect(r.weighted).toStrictEqual(
            weightedOracle(
              answers.map(([, w]) => w),
              o,
            ),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'from counts near 2^53',
    () => {
      fc.assert(
        fc.property(countsArb(3), roundingArb, ([p, pa, d], o) => {
          const r = npsFromCounts({ promoters: p!, passives: pa!, detractors: d! }, o);
          const parts = [q(p!), q(pa!), q(d!)];
          expect(r.value).toBe(expectedNumber(percentOf(q(p! - d!), sum(parts)), o));
          expect([r.promoters.percent, r.passives.percent, r.detractors.percent]).toStrictEqual(expectedShares(parts, o.decimals));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** A scale: its first point (near 0, or far from it) and its width. */
const scaleArb = fc
  .record({ min: fc.constantFrom(0, 1, -5, 1e9, -(2 ** 40)), width: fc.integer({ min: 1, max: 10 }) })
  .map(({ min, width }) => ({ min, max: min + width }));

/** The exact summary of a point scale: the selected share, the mean, the variance and the distribution. */
function pointOracle(points: readonly number[], amounts: readonly Q[], selected: ReadonlySet<number>, squares: Q | null, o: OracleRounding) {
  const w = sum(amounts);
  const first = sum(amounts.map((a, i) => qMul(a, q(points[i]!))));
  const second = sum(amounts.map((a, i) => qMul(a, q(BigInt(points[i]!) ** 2n))));
  // Reliability weights: (W Σwx² - (Σwx)²) / (W² - Σw²); for counts Σw² = n, the usual n - 1.
  const denominator = qSub(qMul(w, w), squares ?? w);
  return {
    value: expectedNumber(percentOf(sum(amounts.filter((_, i) => selected.has(points[i]!))), w), o),
    mean: expectedNumber(qDiv(first, w), o),
    variance: denominator.n > 0n ? expectedNumber(qDiv(qSub(qMul(w, second), qMul(first, first)), denominator), o) : null,
  };
}

describe.each([
  { name: 'csat', withWeights: csat, fromCounts: csatFromCounts, option: 'satisfied', share: 'satisfied' },
  { name: 'ces', withWeights: ces, fromCounts: cesFromCounts, option: 'easy', share: 'easy' },
] as const)('$name against the exact oracle', ({ withWeights, fromCounts, option, share }) => {
  const setupArb = scaleArb.chain((scale) =>
    fc.record({
      scale: fc.constant(scale),
      selected: fc.uniqueArray(fc.integer({ min: scale.min, max: scale.max }), { minLength: 1, maxLength: scale.max - scale.min + 1 }),
    }),
  );

  it(
    'weighted: the share, the mean, the variance, the distribution and the weighted summary',
    () => {
      const caseArb = setupArb.chain((s) =>
        fc.record({
          s: fc.constant(s),
          answers: fc.array(fc.tuple(fc.integer({ min: s.scale.min, max: s.scale.max }), weightArb), { minLength: 1, maxLength: 30 }),
        }),
      );
      fc.assert(
        fc.property(caseArb, roundingArb, ({ s, answers }, o) => {
          const weights = answers.map(([, w]) => w);
          const r = withWeights(
            answers.map(([x]) => x),
            { scale: s.scale, [option]: s.selected, weights, ...o },
          );
          const points = answers.map(([x]) => x);
          const squares = sum(weights.map((x) => qMul(qOfDouble(x), qOfDouble(x))));
          const e = pointOracle(points, weights.map(qOfDouble), new Set(s.selected), squares, o);
          expect(r.value).toBe(e.value);
          expect((r as unknown as Record<string, { percent: number | null }>)[share]!.percent).toBe(e.value);
          expect(r.mean).toBe(e.mean);
          expect(r.variance).toBe(e.variance);
          const byPoint: Q[] = [];
          for (let x = s.scale.min; x <= s.scale.max; x++) byPoint.push(sum(answers.filter(([a]) => a === x).map(([, w]) => qOfDouble(w))));
          expect(r.distribution.map((d) => d.percent)).toStrictEqual(expectedShares(byPoint, o.decimals));
          expect(r.weighted).toStrictEqual(weightedOracle(weights, o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'from counts near 2^53',
    () => {
      const caseArb = setupArb.chain((s) => fc.record({ s: fc.constant(s), counts: countsArb(s.scale.max - s.scale.min + 1) }));
      fc.assert(
        fc.property(caseArb, roundingArb, ({ s, counts }, o) => {
          const points = counts.map((_, k) => s.scale.min + k);
          const r = fromCounts({ points: Object.fromEntries(points.map((x, k) => [x, counts[k]!])) }, { scale: s.scale, [option]: s.selected, ...o });
          const e = pointOracle(
            points,
            counts.map((c) => q(c)),
            new Set(s.selected),
            null,
            o,
          );
          expect(r.value).toBe(e.value);
          expect(r.mean).toBe(e.mean);
          expect(r.variance).toBe(e.variance);
          expect(r.distribution.map((d) => d.percent)).toStrictEqual(
            expectedShares(
              counts.map((c) => q(c)),
              o.decimals,
            ),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('loyalty index against the exact oracle', () => {
  it(
    'the index, the question means and the variance, from tallies near 2^53',
    () => {
      // Respondents with the same answers, in groups of up to 2^53 / 3000 (so Σt² stays a safe integer).
      const groupArb = fc.tuple(
        fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
        fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: Math.floor(MAX / 1e4) })),
      );

      fc.assert(
        fc.property(
          fc.array(groupArb, { minLength: 1, maxLength: 3 }),
          fc.constantFrom('sum' as const, 'mean' as const),
          roundingArb,
          (groups, aggregate, o) => {
            const n = groups.reduce((s, [, k]) => s + k, 0);
            const sumOf = (i: number) => groups.reduce((s, [a, k]) => s + a[i]! * k, 0);
            const squares = groups.reduce((s, [a, k]) => s + (a[0] + a[1] + a[2]) ** 2 * k, 0);
            const r = loyaltyIndexFromCounts(
              { respondents: n, sums: { recommend: sumOf(0), repurchase: sumOf(1), upsell: sumOf(2) }, sumOfSquaredTotals: squares },
              { aggregate, ...o },
            );
            const total = q(BigInt(sumOf(0)) + BigInt(sumOf(1)) + BigInt(sumOf(2)));
            const k = aggregate === 'sum' ? 1n : 3n;
            expect(r.value).toBe(expectedNumber(qDiv(total, q(k * BigInt(n))), o));
            expect([r.recommend, r.repurchase, r.upsell]).toStrictEqual([0, 1, 2].map((i) => expectedNumber(qDiv(q(sumOf(i)), q(n)), o)));
            const variance = n < 2 ? null : qDiv(qSub(qMul(q(n), q(squares)), qMul(total, total)), q(BigInt(n) * BigInt(n - 1) * k * k));
            expect(r.variance).toBe(expectedNumber(variance, o));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('loyalty index past 2^53 answers', () => {
  it('divides by 3 n exactly when 3 n is not a double', () => {
    // n odd with 3 n = 3 (mod 4): the double nearest 3 n is 3 n + 1. Sums totalling ceil(4.5 n) make the index
    // 1.5 + 1 / (6 n), just above the tie, which rounds to 2; over 3 n + 1 it would fall below the tie.
    let n = Math.ceil(2 ** 53 / 3);
    while (n % 4 !== 1) n++;
    const total = (9n * BigInt(n) + 1n) / 2n;
    const third = total / 3n;
    const sums = { recommend: Number(third), repurchase: Number(third), upsell: Number(total - 2n * third) };
    expect(BigInt(3 * n)).toBe(3n * BigInt(n) + 1n);
    const r = loyaltyIndexFromCounts({ respondents: n, sums }, { aggregate: 'mean', decimals: 0 });
    expect(r.value).toBe(expectedNumber(q(total, 3n * BigInt(n)), { decimals: 0 }));
    expect(r.value).toBe(2);
  });
});

describe('first contact resolution, churn, repurchase and upsell against the exact oracle', () => {
  it(
    'FCR: the rate and the repeat-contact percent, its complement after rounding',
    () => {
      fc.assert(
        fc.property(countsArb(3), fc.constantFrom('resolved' as const, 'all' as const), roundingArb, ([a, b, c], denominator, o) => {
          const [first, resolved, total] = [a!, a! + b!, a! + b! + c!];
          const r = firstContactResolutionFromCounts({ total, resolved, resolvedFirstContact: first }, { denominator, ...o });
          const exact = percentOf(q(first), q(denominator === 'all' ? total : resolved));
          expect(r.value).toBe(expectedNumber(exact, o));
          expect(r.repeatContactPercent).toBe(exact === null ? null : expectedNumber(qSub(HUNDRED, roundedQ(exact, o)), o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'customer churn, over the customers at the start or with those added',
    () => {
      fc.assert(
        fc.property(countsArb(3), fc.constantFrom('start' as const, 'start-plus-added' as const), roundingArb, ([a, b, c], denominator, o) => {
          const [lost, atStart, added] = [a!, a! + b!, c!];
          const r = customerChurn({ customersAtStart: atStart, customersLost: lost, customersAdded: added }, { denominator, ...o });
          expect(r.value).toBe(expectedNumber(percentOf(q(lost), q(denominator === 'start' ? atStart : atStart + added)), o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'repurchase rate, by customers and by repurchases',
    () => {
      const purchasesArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }).chain((ks) =>
        countsArb(ks.length).map((cs) => {
          // Repeat purchases (k - 1 per customer) must stay below 2^53 too.
          const capped = cs.map((c, i) => (ks[i]! > 1 ? Math.floor(c / 6) : c));
          return ks.map((k, i) => [k, capped[i]!] as const);
        }),
      );
      fc.assert(
        fc.property(purchasesArb, fc.constantFrom('customers' as const, 'repurchases' as const), roundingArb, (purchases, method, o) => {
          const r = repurchaseRateFromCounts({ purchases: Object.fromEntries(purchases) }, { method, ...o });
          const total = sum(purchases.map(([, c]) => q(c)));
          const repeaters = sum(purchases.filter(([k]) => k > 1).map(([, c]) => q(c)));
          const repeats = sum(purchases.filter(([k]) => k > 1).map(([k, c]) => q(BigInt(k - 1) * BigInt(c))));
          expect(r.value).toBe(expectedNumber(method === 'customers' ? percentOf(repeaters, total) : qDiv(repeats, total), o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'upsell ratio and upsell percent',
    () => {
      fc.assert(
        fc.property(countsArb(2), roundingArb, ([upgraded, notUpgraded], o) => {
          const r = upsellRatioFromCounts({ upgraded: upgraded!, notUpgraded: notUpgraded! }, o);
          expect(r.value).toBe(expectedNumber(qDiv(q(upgraded!), q(notUpgraded!)), o));
          expect(r.upsellPercent).toBe(expectedNumber(percentOf(q(upgraded!), q(upgraded! + notUpgraded!)), o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'annual churn from a monthly rate: 1 - (1 - m)^12 of the decimal the rate names',
    () => {
      const rateArb = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(5e-324, 1e-300, 100, 99.999999, 5));
      fc.assert(
        fc.property(rateArb, roundingArb, (m, o) => {
          const kept = qSub(q(1), qDiv(qOfShortest(m), HUNDRED)!);
          let power = q(1);
          for (let i = 0; i < 12; i++) power = qMul(power, kept);
          expect(churnToAnnual(m, o).value).toBe(expectedNumber(qMul(HUNDRED, qSub(q(1), power)), o));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** An amount with up to 25 integer digits and 20 decimals, as the decimal string and its exact value; trailing zeros sometimes dropped. */
function moneyArb(maxUnits: bigint, scale: number): fc.Arbitrary<{ text: string; value: Q }> {
  return fc.tuple(fc.bigInt({ min: 0n, max: maxUnits }), fc.boolean()).map(([units, trim]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    let text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    if (trim && scale > 0) text = text.replace(/\.?0+$/, '');
    return { text, value: qOfDecimal(text) };
  });
}

/** MRR movements at one scale: starting MRR, and churned plus contraction within it; expansion and reactivation up to a million times it. */
const movementsArb = fc.integer({ min: 0, max: 20 }).chain((scale) => {
  const top = 10n ** BigInt(25 + scale);
  return moneyArb(top, scale)
    .filter((s) => s.value.n > 0n)
    .chain((starting) => {
      const units = (starting.value.n * 10n ** BigInt(scale)) / starting.value.d;
      return moneyArb(units, scale).chain((churned) => {
        const rest = units - (churned.value.n * 10n ** BigInt(scale)) / churned.value.d;
        return fc.record({
          starting: fc.constant(starting),
          churned: fc.constant(churned),
          contraction: moneyArb(rest, scale),
          expansion: moneyArb(units * 1_000_000n, scale),
          reactivation: moneyArb(units, scale),
        });
      });
    });
});

describe('revenue metrics against the exact oracle, with money of many digits', () => {
  it(
    'MRR churn, net MRR churn with NRR and GRR, and expansion revenue',
    () => {
      fc.assert(
        fc.property(
          movementsArb,
          fc.constantFrom('include' as const, 'exclude' as const),
          fc.constantFrom('include' as const, 'exclude' as const),
          roundingArb,
          (m, contraction, reactivation, o) => {
            const amounts = {
              startingMrr: m.starting.text,
              churnedMrr: m.churned.text,
              contractionMrr: m.contraction.text,
              expansionMrr: m.expansion.text,
              reactivationMrr: m.reactivation.text,
            };
            const lost = contraction === 'include' ? qAdd(m.churned.value, m.contraction.value) : m.churned.value;
            const net = qSub(qSub(lost, m.expansion.value), reactivation === 'include' ? m.reactivation.value : ZERO);
            const start = m.starting.value;
            const { startingMrr, churnedMrr, contractionMrr, expansionMrr } = amounts;
            expect(mrrChurn({ startingMrr, churnedMrr, contractionMrr }, { contraction, ...o }).value).toBe(expectedNumber(percentOf(lost, start), o));
            const r = netMrrChurn(amounts, { contraction, reactivation, ...o });
            expect(r.value).toBe(expectedNumber(percentOf(net, start), o));
            expect(r.netRevenueRetention).toBe(expectedNumber(percentOf(qSub(start, net), start), o));
            expect(r.grossRevenueRetention).toBe(expectedNumber(percentOf(qSub(start, lost), start), o));
            expect(expansionRevenue({ startingMrr, expansionMrr }, o).value).toBe(expectedNumber(percentOf(m.expansion.value, start), o));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('durations and segments against the exact oracle', () => {
  it(
    'the mean time to resolution and first response time',
    () => {
      const durations = fc.array(fc.oneof(fc.nat({ max: 10_000_000 }), fc.integer({ min: 2 ** 50, max: MAX })), { minLength: 1, maxLength: 20 });
      fc.assert(
        fc.property(durations, roundingArb, (ms, o) => {
          const mean = expectedNumber(qDiv(sum(ms.map((x) => q(x))), q(ms.length)), o);
          expect(timeToResolutionFromCounts({ resolved: ms, censored: [], open: 0 }, o).mean).toBe(mean);
          expect(firstResponseTimeFromCounts({ responded: ms, censored: [], open: 0 }, o).mean).toBe(mean);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'weighted NPS by segment: every cell is the oracle on its own answers',
    () => {
      const record = fc.record({ score: fc.integer({ min: 0, max: 10 }), w: weightArb, region: fc.constantFrom('EU', 'US', 'NA') });
      fc.assert(
        fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), roundingArb, (records, o) => {
          const table = segment(records, { metric: 'nps', value: 'score', weight: 'w', by: 'region', options: o });
          for (const row of table.rows) {
            const mine = records.filter((x) => x.region === row.key.region);
            const group = (test: (s: number) => boolean) => sum(mine.filter((x) => test(x.score)).map((x) => qOfDouble(x.w)));
            const [p, pa, d] = [group((s) => s >= 9), group((s) => s === 7 || s === 8), group((s) => s <= 6)];
            expect(row.result.value).toBe(expectedNumber(percentOf(qSub(p, d), sum([p, pa, d])), o));
            expect([row.result.promoters.percent, row.result.passives.percent, row.result.detractors.percent]).toStrictEqual(
              expectedShares([p, pa, d], o.decimals),
            );
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the reproductions of double rounding', () => {
  it('weighted shares are the nearest double of the exact rational, not of an 80-digit quotient', () => {
    expect(ces([1, 6], { weights: [1, 1e-100] }).value).toBe(1e-98);
    expect(nps([10, 7], { weights: [1e-100, 1] }).value).toBe(1e-98);
    expect(csat([5, 1], { weights: [1e-100, 1] }).value).toBe(1e-98);
    // The exact value lies just below the halfway point between the two neighbouring doubles.
    const w = qOfDouble(1e-100);
    expect(expectedNumber(qDiv(qMul(HUNDRED, w), qAdd(q(1), w)))).toBe(1e-98);
  });

  it('largest-remainder ties go to the earlier group', () => {
    const r = npsFromCounts({ metric: 'nps', promoters: 4, passives: 7, detractors: 1, excluded: 0 }, { decimals: 2 });
    expect([r.promoters.percent, r.passives.percent, r.detractors.percent]).toStrictEqual([33.34, 58.33, 8.33]);
  });
});
