import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstContactResolution, firstContactResolutionCounts, firstContactResolutionFromCounts, mergeCounts } from '../../src/index.js';
import { expectMetricsError } from '../helpers/errors.js';
import { exactPercent, isClean } from '../helpers/rational.js';

const METRIC = 'firstContactResolution';
const ticket = fc.record(
  { contacts: fc.integer({ min: 1, max: 20 }), resolved: fc.boolean(), reopened: fc.boolean() },
  { requiredKeys: ['contacts', 'resolved'] },
);
const tickets = fc.array(ticket, { maxLength: 100 });
const answers = fc.array(fc.boolean(), { maxLength: 100 });
const denominator = fc.constantFrom('resolved' as const, 'all' as const);
const decimals = fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined });
const counts = fc.tuple(fc.nat({ max: 1e9 }), fc.nat({ max: 1e9 }), fc.nat({ max: 1e9 })).map(([a, b, c]) => {
  const [resolvedFirstContact, resolved, total] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { total, resolved, resolvedFirstContact };
});

function shuffle<T>(items: readonly T[], seeds: number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seeds[i % seeds.length] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('firstContactResolution: properties', () => {
  it('stays within 0..100, adds up with the repeat percent, and the output is clean', () => {
    fc.assert(
      fc.property(counts, denominator, decimals, (c, d, dec) => {
        const r = firstContactResolutionFromCounts(c, dec === undefined ? { denominator: d } : { denominator: d, decimals: dec });
        expect(isClean(r)).toBe(true);
        if (r.value === null) {
          expect(r.repeatContactPercent).toBe(null);
          return;
        }
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
        if (dec !== undefined && dec <= 8) expect(Math.round((r.value + r.repeatContactPercent!) * 1e8) / 1e8).toBe(100);
      }),
    );
  });

  it('equals the exact rational 100 * firstContact / denominator, converted once (BigInt oracle)', () => {
    fc.assert(
      fc.property(counts, denominator, (c, d) => {
        const r = firstContactResolutionFromCounts(c, { denominator: d });
        expect(r.value).toBe(exactPercent(c.resolvedFirstContact, d === 'all' ? c.total : c.resolved));
        const whole = d === 'all' ? c.total : c.resolved;
        expect(r.repeatContactPercent).toBe(exactPercent(whole - c.resolvedFirstContact, whole));
      }),
    );
  });

  it('counts a ticket as first contact exactly when resolved, one contact and not reopened', () => {
    fc.assert(
      fc.property(tickets, (t) => {
        const c = firstContactResolutionCounts(t);
        expect(c.total).toBe(t.length);
        expect(c.resolved).toBe(t.filter((x) => x.resolved).length);
        expect(c.resolvedFirstContact).toBe(t.filter((x) => x.resolved && x.contacts === 1 && x.reopened !== true).length);
      }),
    );
  });

  it('does not depend on the order of tickets', () => {
    fc.assert(
      fc.property(tickets, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), denominator, (t, seeds, d) => {
        expect(firstContactResolution(shuffle(t, seeds), { denominator: d })).toStrictEqual(firstContactResolution(t, { denominator: d }));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result on the raw path and the counts path', () => {
    fc.assert(
      fc.property(fc.oneof(tickets, answers), denominator, decimals, (t, d, dec) => {
        const o = dec === undefined ? { denominator: d } : { denominator: d, decimals: dec };
        expect(firstContactResolutionFromCounts(firstContactResolutionCounts(t), o)).toStrictEqual(firstContactResolution(t, o));
      }),
      { numRuns: 150 },
    );
  });

  it('reads survey answers as resolved tickets of one contact or two', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const asTickets = a.map((yes) => ({ contacts: yes ? 1 : 2, resolved: true }));
        expect(firstContactResolutionCounts(a)).toStrictEqual(firstContactResolutionCounts(asTickets));
      }),
      { numRuns: 100 },
    );
  });

  it('merges: the tallies of two parts merge into the tally of the whole', () => {
    fc.assert(
      fc.property(tickets, tickets, (a, b) => {
        const merged = mergeCounts(firstContactResolutionCounts(a), firstContactResolutionCounts(b));
        expect(merged).toStrictEqual(firstContactResolutionCounts([...a, ...b]));
        expect(firstContactResolutionFromCounts(merged)).toStrictEqual(firstContactResolution([...a, ...b]));
      }),
      { numRuns: 150 },
    );
  });

  it('throws a MetricsError at the first bad ticket, wherever it is', () => {
    const bad = fc.oneof(
      fc.record({ contacts: fc.integer({ min: -5, max: 0 }), resolved: fc.boolean() }),
      fc.record({ contacts: fc.double({ min: 1, max: 5, noNaN: true }).filter((x) => !Number.isInteger(x)), resolved: fc.boolean() }),
      fc.record({ contacts: fc.constant(1), resolved: fc.constantFrom(0, 1, 'true', null) }),
      fc.record({ contacts: fc.constant(1), resolved: fc.constant(true), reopened: fc.constantFrom(0, 'no', null) }),
      fc.constantFrom(null, undefined, 1, 'ticket', true, []),
    );
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 20 }), bad, tickets, (before, x, after) => {
        const e = expectMetricsError(() => firstContactResolution([...before, x as never, ...after]), METRIC, ['tickets', before.length, ...pathTail(x)]);
        expect(e.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

/** The field a bad ticket is reported at: the first invalid field, or none for a non-object. */
function pathTail(x: unknown): string[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return [];
  const t = x as Record<string, unknown>;
  if (!(typeof t.contacts === 'number' && Number.isInteger(t.contacts) && t.contacts >= 1)) return ['contacts'];
  if (typeof t.resolved !== 'boolean') return ['resolved'];
  return ['reopened'];
}
