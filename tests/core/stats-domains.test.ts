/**
 * The statistical kernels' arguments: each refuses a value outside its
 * domain with a `RangeError` naming the function, what it expects and what
 * it received (they take validated input, so such a value is a caller's
 * bug); and the distribution-free median interval's ranks beyond the exact
 * limit, against an exact BigInt count.
 */
import { describe, expect, it } from 'vitest';
import { newcombeInterval, nMinusOneTwoProportionTest } from '../../src/core/stats/differences.js';
import { tailProbability } from '../../src/core/stats/levels.js';
import { bootstrapNpsInterval } from '../../src/core/stats/nps-bootstrap.js';
import { EXACT_LIMIT, medianRanks } from '../../src/core/stats/order-statistics.js';
import { proportionInterval } from '../../src/core/stats/proportion-intervals.js';

describe('domain errors of the kernels', () => {
  it('name the function, the domain and the value', () => {
    const cases: [() => unknown, string][] = [
      [() => nMinusOneTwoProportionTest(1, -1, 1, 2), 'nMinusOneTwoProportionTest: expected a finite sample size of at least 0, received -1'],
      [() => nMinusOneTwoProportionTest(1, Infinity, 1, 2), 'nMinusOneTwoProportionTest: expected a finite sample size of at least 0, received Infinity'],
      [() => nMinusOneTwoProportionTest(1, 2, 1, Number.NaN), 'nMinusOneTwoProportionTest: expected a finite sample size of at least 0, received NaN'],
      [() => nMinusOneTwoProportionTest(3, 2, 1, 2), 'nMinusOneTwoProportionTest: expected successes from 0 to 2, received 3'],
      [() => nMinusOneTwoProportionTest(1, 2, -1, 2), 'nMinusOneTwoProportionTest: expected successes from 0 to 2, received -1'],
      [() => newcombeInterval(1, 2, 5, 4, 0.95), 'newcombeInterval: expected successes from 0 to 4, received 5'],
      [() => newcombeInterval(1, -2, 1, 4, 0.95), 'newcombeInterval: expected a finite sample size of at least 0, received -2'],
      [
        () => bootstrapNpsInterval({ promoters: -1, passives: 0, detractors: 0 }, 0.95, 100, 1),
        'bootstrapNpsInterval: expected a count of promoters (a safe integer of at least 0), received -1',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 0.5, detractors: 0 }, 0.95, 100, 1),
        'bootstrapNpsInterval: expected a count of passives (a safe integer of at least 0), received 0.5',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 0, detractors: 2 ** 53 }, 0.95, 100, 1),
        `bootstrapNpsInterval: expected a count of detractors (a safe integer of at least 0), received ${2 ** 53}`,
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0, 100, 1),
        'bootstrapNpsInterval: expected a level strictly between 0 and 1, received 0',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 1, 100, 1),
        'bootstrapNpsInterval: expected a level strictly between 0 and 1, received 1',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0.95, 0, 1),
        'bootstrapNpsInterval: expected an integer number of resamples from 1 to 10^7, received 0',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0.95, 1e7 + 1, 1),
        'bootstrapNpsInterval: expected an integer number of resamples from 1 to 10^7, received 10000001',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0.95, 2.5, 1),
        'bootstrapNpsInterval: expected an integer number of resamples from 1 to 10^7, received 2.5',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 1, passives: 1, detractors: 1 }, 0.95, 100, 0.5),
        'bootstrapNpsInterval: expected a safe integer seed, received 0.5',
      ],
      [
        () => bootstrapNpsInterval({ promoters: 2 ** 52, passives: 2 ** 52, detractors: 1 }, 0.95, 100, 1),
        `bootstrapNpsInterval: expected a total below 2^53, received ${2 ** 53 + 1}`,
      ],
      [() => medianRanks(-1, 0.95), 'medianRanks: expected a count of at least 0, received -1'],
      [() => medianRanks(2.5, 0.95), 'medianRanks: expected a count of at least 0, received 2.5'],
      [() => proportionInterval(1, -1, 0.95, 'wilson'), 'proportionInterval: expected a finite total of at least 0, received -1'],
      [() => proportionInterval(1, Infinity, 0.95, 'wilson'), 'proportionInterval: expected a finite total of at least 0, received Infinity'],
      [() => proportionInterval(3, 2, 0.95, 'wilson'), 'proportionInterval: expected successes from 0 to 2, received 3'],
      [() => proportionInterval(-1, 2, 0.95, 'wilson'), 'proportionInterval: expected successes from 0 to 2, received -1'],
      [() => proportionInterval(1, 2, 0.95, 'exact' as never), 'proportionInterval: expected a proportion interval method, received exact'],
      [() => tailProbability(1), 'tailProbability: expected a level strictly between 0 and 1, received 1'],
      [() => tailProbability(0), 'tailProbability: expected a level strictly between 0 and 1, received 0'],
    ];
    for (const [f, message] of cases) expect(f).toThrow(new RangeError(message));
  });

  it('have nothing to test or resample without answers', () => {
    expect(nMinusOneTwoProportionTest(0, 0, 1, 2)).toBeNull();
    expect(nMinusOneTwoProportionTest(1, 2, 0, 0)).toBeNull();
    expect(newcombeInterval(0, 0, 1, 2, 0.95)).toBeNull();
    expect(newcombeInterval(1, 2, 0, 0, 0.95)).toBeNull();
    expect(bootstrapNpsInterval({ promoters: 0, passives: 0, detractors: 0 }, 0.95, 10, 1)).toBeNull();
    expect(medianRanks(0, 0.95)).toBeNull();
    expect(proportionInterval(0, 0, 0.95, 'wilson')).toBeNull();
    // One resample is allowed, and so are a level just inside (0, 1).
    expect(bootstrapNpsInterval({ promoters: 2, passives: 1, detractors: 1 }, 0.5, 1, 7)).not.toBeNull();
  });
});

/** The exact ranks: the largest `j` with `P(B <= j) <= (1 - level) / 2` for binomial(n, 1/2), `r = j + 1`, counted in BigInt. */
function exactRanks(n: number, levelPercent: bigint): { lower: number; upper: number } | null {
  // P(B <= j) <= (100 - L) / 200  <=>  200 S_j <= (100 - L) 2^n.
  const bound = (100n - levelPercent) << BigInt(n);
  let binomial = 1n;
  let sum = 0n;
  let j = -1;
  while (j + 1 < n) {
    const next = sum + binomial;
    if (next * 200n > bound) break;
    sum = next;
    j++;
    binomial = (binomial * BigInt(n - j)) / BigInt(j + 1);
  }
  return j < 0 ? null : { lower: j + 1, upper: n - j };
}

describe('the median interval beyond the exact limit', () => {
  it('finds the ranks an exact count finds, at several levels', () => {
    for (const n of [EXACT_LIMIT + 1, EXACT_LIMIT + 2, 1500, 4001]) {
      for (const [level, percent] of [
        [0.95, 95n],
        [0.9, 90n],
        [0.5, 50n],
        [0.99, 99n],
      ] as const) {
        const r = medianRanks(n, level)!;
        expect({ lower: r.lower, upper: r.upper }, `${n} at ${level}`).toEqual(exactRanks(n, percent));
        expect(r.coverage).toBeGreaterThanOrEqual(level);
      }
    }
    // At the limit the exact count itself is used, and agrees.
    const atLimit = medianRanks(EXACT_LIMIT, 0.95)!;
    expect({ lower: atLimit.lower, upper: atLimit.upper }).toEqual(exactRanks(EXACT_LIMIT, 95n));
  });
});
