/**
 * The normal, t and beta distributions against reference values: R 4.2
 * (tests/vectors/distributions.json, from tests/vectors/scripts/distributions.R)
 * and 50-digit mpmath values for the same arguments
 * (tests/vectors/distributions-exact.json, from distributions-exact.py).
 *
 * Tolerance: 1e-12 relative, the accuracy the library promises. Values below
 * 1e-300 (where doubles lose relative precision to underflow) are skipped.
 * Where R's own value is off the 50-digit value by more than 1e-13 (its
 * pbeta for shapes near 5e6 in the far tails, by up to 2.5e-12, and two pt
 * values by 1.2e-13) the R comparison uses the 50-digit value instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile } from '../../src/core/stats/beta.js';
import { normalCdf, normalQuantile } from '../../src/core/stats/normal.js';
import { studentTCdf, studentTQuantile } from '../../src/core/stats/student-t.js';

const TOLERANCE = 1e-12;
const vectors = join(import.meta.dirname, '..', 'vectors');

interface RSection {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}
interface ExactSection {
  readonly values: readonly number[];
  readonly rDeviation: number;
  readonly rRowsOff: readonly number[];
}
type Name = 'pnorm' | 'qnorm' | 'pt' | 'qt' | 'pbeta' | 'qbeta';

const r = JSON.parse(readFileSync(join(vectors, 'distributions.json'), 'utf8')) as Record<Name, RSection>;
const exact = JSON.parse(readFileSync(join(vectors, 'distributions-exact.json'), 'utf8')) as Record<Name, ExactSection>;

const compute: Record<Name, (row: readonly number[]) => number> = {
  pnorm: ([x]) => normalCdf(x!),
  qnorm: ([p]) => normalQuantile(p!),
  pt: ([t, df]) => studentTCdf(t!, df!),
  qt: ([p, df]) => studentTQuantile(p!, df!),
  pbeta: ([x, a, b]) => betaCdf(x!, a!, b!),
  qbeta: ([p, a, b]) => betaQuantile(p!, a!, b!),
};

function relative(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

describe.each(Object.keys(compute) as Name[])('%s against R and 50-digit values', (name) => {
  const rows = r[name].rows;
  const values = exact[name].values;
  const off = new Set(exact[name].rRowsOff);

  it('has one exact value per R row', () => {
    expect(values.length).toBe(rows.length);
  });

  it(`agrees to ${TOLERANCE} relative`, () => {
    const failures: unknown[] = [];
    let worstR = 0;
    let worstExact = 0;
    rows.forEach((row, i) => {
      const want = values[i]!;
      if (Math.abs(want) < 1e-300) return;
      const got = compute[name](row);
      const toExact = relative(got, want);
      const toR = off.has(i) ? toExact : relative(got, row[row.length - 1]!);
      worstExact = Math.max(worstExact, toExact);
      worstR = Math.max(worstR, toR);
      if (!(toExact <= TOLERANCE && toR <= TOLERANCE)) failures.push({ row, got, exact: want, toExact, toR });
    });
    expect(failures).toStrictEqual([]);
    expect(worstExact).toBeLessThanOrEqual(TOLERANCE);
    expect(worstR).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('normal distribution', () => {
  it('has exact values at the centre and the ends', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
  it('is symmetric: Q(1 - p) = -Q(p) exactly when 1 - p is exact', () => {
    for (const p of [2 ** -20, 0.0009765625, 0.125, 0.3125, 0.4375]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    for (const x of [0.5, 1.96, 3, 7.5]) expect(normalCdf(x)).toBe(1 - normalCdf(-x));
  });
  it('throws RangeError outside the domain', () => {
    expect(() => normalCdf(NaN)).toThrow(RangeError);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
  });
});

describe('Student t distribution', () => {
  it('is 1/2 at 0 and the normal distribution at infinite df', () => {
    expect(studentTCdf(0, 3.7)).toBe(0.5);
    expect(studentTCdf(-1.5, Infinity)).toBe(normalCdf(-1.5));
    expect(studentTQuantile(0.025, Infinity)).toBe(normalQuantile(0.025));
    expect(studentTQuantile(0.5, 12)).toBe(0);
    expect(studentTCdf(-Infinity, 5)).toBe(0);
    expect(studentTCdf(Infinity, 5)).toBe(1);
  });
  it('has the closed forms at 1 and 2 degrees of freedom', () => {
    // df = 1 (Cauchy): F(t) = 1/2 + atan(t)/π; df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t²))
    for (const t of [-20, -3, -0.5, 0.25, 4]) {
      expect(relative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI)).toBeLessThan(1e-13);
      expect(relative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)))).toBeLessThan(1e-13);
    }
  });
  it('throws RangeError outside the domain', () => {
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => studentTCdf(NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, -1)).toThrow(RangeError);
    expect(() => studentTQuantile(2, 5)).toThrow(RangeError);
  });
});

describe('beta distribution', () => {
  it('has exact values at the ends and for Beta(1, 1)', () => {
    expect(betaCdf(0, 2, 3)).toBe(0);
    expect(betaCdf(1, 2, 3)).toBe(1);
    expect(betaCdf(0, 2, 3, 'upper')).toBe(1);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(0, 2, 3, 'upper')).toBe(1);
    expect(relative(betaCdf(0.3, 1, 1), 0.3)).toBeLessThan(1e-14);
  });
  it('has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b', () => {
    for (const x of [1e-8, 0.01, 0.4, 0.75]) {
      for (const s of [0.5, 3, 250.5, 1e6]) {
        expect(relative(betaCdf(x, s, 1), x ** s)).toBeLessThan(1e-12);
        expect(relative(betaCdf(x, 1, s, 'upper'), Math.exp(s * Math.log1p(-x)))).toBeLessThan(1e-12);
      }
    }
  });
  it('gives an upper-tail quantile without forming 1 - p', () => {
    // Beta(1, b): P(X > x) = (1 - x)^b, so the upper quantile of q is 1 - q^(1/b)
    const q = 1e-20;
    expect(relative(betaQuantile(q, 1, 2, 'upper'), -Math.expm1(Math.log(q) / 2))).toBeLessThan(1e-14);
    expect(betaQuantile(0.025, 3, 8, 'upper')).toBe(betaQuantile(0.975, 3, 8));
  });
  it('inverts its CDF to 1e-12 relative in x (fast-check, shapes 0.5 to 1000)', () => {
    // p lies between the CDF at x (1 - 1e-12) and at x (1 + 1e-12): the
    // quantile is right to 1e-12 relative, whatever the slope of the CDF
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
        (a, b, p) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThan(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(betaCdf(x * (1 - 1e-12), a, b)).toBeLessThanOrEqual(p);
          expect(betaCdf(Math.min(1, x * (1 + 1e-12)), a, b)).toBeGreaterThanOrEqual(p);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('is increasing in x (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1e5, noNaN: true }),
        fc.double({ min: 0.5, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, u, v) => {
          const [lo, hi] = u <= v ? [u, v] : [v, u];
          expect(betaCdf(lo, a, b)).toBeLessThanOrEqual(betaCdf(hi, a, b));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('throws RangeError outside the domain', () => {
    expect(() => betaCdf(1.5, 2, 3)).toThrow(RangeError);
    expect(() => betaCdf(0.5, 0, 3)).toThrow(RangeError);
    expect(() => betaCdf(0.5, 2, Infinity)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 2, -3)).toThrow(RangeError);
    expect(() => betaQuantile(NaN, 2, 3)).toThrow(RangeError);
  });
});
