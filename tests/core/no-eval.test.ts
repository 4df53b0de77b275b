/**
 * The library never generates code: no `eval`, no `new Function`. Under a
 * Content Security Policy without `'unsafe-eval'` every such attempt is
 * reported as a `securitypolicyviolation`, even when the code that tried
 * catches the error (zod's classic API probes `new Function('')` this way
 * before compiling its object parsers).
 *
 * Every export is called, with valid and with invalid input, while the global
 * `Function` is a stub that records each use and throws as a strict CSP
 * would. The library is loaded afresh first, so its schemas (built on first
 * use) are built inside that window too. A control shows that the stub sees
 * zod's probe when zod's classic API builds an object schema.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Api = typeof import('../../src/index.js');

const realFunction = globalThis.Function;

/** Runs `run` with `Function` replaced by a stub; returns what tried to use it. */
function withFunctionStub(run: () => void): string[] {
  const attempts: string[] = [];
  const refuse = (args: readonly unknown[]): never => {
    attempts.push(String(args.at(-1)));
    throw new EvalError('Code generation from strings disallowed for this context');
  };
  const stub = new Proxy(realFunction, {
    apply: (_target, _this, args: unknown[]) => refuse(args),
    construct: (_target, args: unknown[]) => refuse(args),
  });
  Object.defineProperty(globalThis, 'Function', { value: stub, writable: true, configurable: true, enumerable: false });
  try {
    run();
  } finally {
    Object.defineProperty(globalThis, 'Function', { value: realFunction, writable: true, configurable: true, enumerable: false });
  }
  return attempts;
}

/** Each export called with valid and invalid arguments, as thunks; each outcome is ignored (errors are expected). */
function calls(api: Api): (() => unknown)[] {
  const tickets = [
    { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T11:00:00+01:00' },
    { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: null },
  ];
  const businessHours = { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'] }, holidays: ['2026-03-03'] } as const;
  const before = api.npsFromCounts({ promoters: 300, passives: 400, detractors: 300 });
  const after = api.npsFromCounts({ promoters: 400, passives: 350, detractors: 250 });
  return [
    () => api.nps([10, 9, 8, 6, 10], { interval: true, decimals: 1, rounding: 'half-even' }),
    () => api.nps([10, 9, 0], { interval: { method: 'bootstrap', resamples: 200, seed: 7 } }),
    () => api.nps([10, 6], { weights: [3, 1], interval: true }),
    () => api.nps([10, 11]),
    () => api.nps([10], { scale: { min: 0, max: -1 } }),
    () => api.nps([10], { interval: { level: 2, method: 'nope' } } as never),
    () => api.npsCounts([10, null], { missing: 'exclude' }),
    () => api.npsFromCounts({ promoters: 1, passives: 1, detractors: 1 }, { decimals: 1 }),
    () => api.npsFromCounts({ promoters: -1, passives: 0, detractors: 0, extra: 1 } as never),
    () => api.csat(['Yes', 'No', 'Yes'], { scale: { min: 0, max: 1 }, labels: { Yes: 1, No: 0 }, interval: true }),
    () => api.csat([5, 4, 3], { satisfied: [9] }),
    () => api.csatCounts([5, 4, 5], { weights: [1, 2, 0.5] }),
    () => api.csatFromCounts({ points: { 1: 10, 5: 50 } }, { interval: { method: 'jeffreys' } }),
    () => api.csatFromCounts({ points: { x: 1 } }),
    () => api.ces([7, 6, 5, 2, 7], { direction: 'lower-is-easier', scale: { min: 1, max: 7 } }),
    () => api.cesCounts(['very easy'], { labels: { easy: 6 } }),
    () => api.cesFromCounts({ points: { 1: 5, 7: 35 } }, { interval: true, decimals: 1 }),
    () => api.loyaltyIndex([{ recommend: 9, repurchase: 8, upsell: 6 }], { interval: true }),
    () => api.loyaltyIndex([{ recommend: 9, repurchase: 'x', upsell: 6 }] as never, { missing: 'exclude' }),
    () => api.loyaltyIndexCounts([{ recommend: null, repurchase: 8, upsell: 6 }] as never),
    () => api.loyaltyIndexFromCounts({ respondents: 4, sums: { recommend: 32, repurchase: 30, upsell: 20 } }),
    () => api.loyaltyIndexFromCounts({ respondents: -4, sums: { recommend: 32 } } as never),
    () =>
      api.firstContactResolution(
        [
          { contacts: 1, resolved: true },
          { contacts: 2, resolved: true, reopened: true },
        ],
        { interval: true },
      ),
    () => api.firstContactResolution([{ contacts: 0, resolved: 'yes' }] as never),
    () => api.firstContactResolutionCounts([true, false]),
    () => api.firstContactResolutionFromCounts({ total: 5, resolved: 6, resolvedFirstContact: 1 }),
    () => api.timeToResolution(tickets, { businessHours, open: 'censor', asOf: '2026-03-04T00:00:00Z' }),
    () => api.timeToResolution(tickets, { businessHours: { timeZone: 'Nowhere/Else', days: { mon: ['17:00', '09:00'] } } } as never),
    () => api.timeToResolutionCounts([{ openedAt: 0, resolvedAt: 60000 }, { openedAt: 1000 }], { open: 'censor', asOf: 90000 }),
    () => api.timeToResolutionFromCounts({ resolved: [1000, 3000], censored: [5000], open: 1 }, { open: 'censor', statistic: 'median' }),
    () => api.timeToResolutionFromCounts({ resolved: 'soon', open: -1 } as never),
    () => api.customerChurn({ customersAtStart: 200, customersLost: 9, customersAdded: 25 }, { denominator: 'start-plus-added', interval: true }),
    () => api.customerChurn({ customersAtStart: 200, customersLost: 201 }),
    () => api.churnToAnnual(5, { decimals: 2 }),
    () => api.churnToMonthly(101),
    () => api.mrrChurn({ startingMrr: '1000.00', churnedMrr: '4.5', contractionMrr: 1 }, { contraction: 'exclude' } as never),
    () => api.mrrChurn({ startingMrr: 'a lot', churnedMrr: -1 }),
    () => api.netMrrChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 }),
    () => api.expansionRevenue({ startingMrr: '2000.00', expansionMrr: '150.00' }, { decimals: 2 }),
    () => api.expansionRevenue({ startingMrr: 0, expansionMrr: '1.234567890123456789012345' }),
    () =>
      api.mrrMovements([
        { id: 'a', startMrr: '100.00', endMrr: '120.00' },
        { id: 'b', startMrr: '50.00', endMrr: 0 },
      ]),
    () => api.mrrMovements([{ id: 'a', startMrr: '1', endMrr: '2' }, { id: 'a' }] as never),
    () => api.mrrChurn(api.mrrMovements([{ id: 'a', startMrr: '100.00', endMrr: '80.00' }])),
    () => api.repurchaseRate([1, 2, 5, 1], { interval: true }),
    () => api.repurchaseRate(new Uint8Array([0, 1, 3]), { method: 'repurchases' }),
    () => api.repurchaseRate([1, -2]),
    () => api.repurchaseRateFromCounts({ purchases: { 5: 30, 3: 15, 1: 55 } }),
    () => api.repurchaseRateFromCounts({ purchases: { many: 1 } }),
    () => api.upsellRatio([{ upgraded: true }, { upgraded: false }], { interval: true }),
    () => api.upsellRatioCounts([{ upgraded: 'maybe' }] as never),
    () => api.upsellRatioFromCounts({ upgraded: 12, notUpgraded: 48 }),
    () => api.compare(after, before, { level: 0.9 }),
    () => api.compare(after, { metric: 'nps' } as never),
    () => api.sampleSizeFor({ metric: 'nps', marginOfError: 5, expected: { promoters: 40, detractors: 20 }, population: 1000 }),
    () => api.sampleSizeFor({ metric: 'csat', marginOfError: 500, expected: 150 }),
    () => api.checkTargets([api.customerChurn({ customersAtStart: 200, customersLost: 9 })], api.sourceTargets),
    () => api.checkTargets([{ metric: 'nps' }] as never, { nps: { comparison: '>>' } } as never),
    () => api.mergeCounts(api.npsCounts([10]), api.npsCounts([0])),
    () => api.mergeCounts(api.npsCounts([10]), api.csatCounts([5]) as never),
  ];
}

describe('code generation', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('never happens: every export, valid and invalid input, with Function stubbed', async () => {
    vi.resetModules();
    const api: Api = await import('../../src/index.js');
    const thunks = calls(api);
    const outcomes: string[] = [];
    const attempts = withFunctionStub(() => {
      for (const thunk of thunks) {
        try {
          thunk();
          outcomes.push('result');
        } catch (error) {
          outcomes.push(api.isMetricsError(error) ? 'MetricsError' : `other: ${String(error)}`);
        }
      }
    });
    expect(attempts).toStrictEqual([]);
    // The calls reached both outcomes, and nothing failed for another reason.
    expect(outcomes).toContain('result');
    expect(outcomes).toContain('MetricsError');
    expect(outcomes.filter((o) => o.startsWith('other'))).toStrictEqual([]);
  });

  it('would be seen: zod classic probes Function when it builds an object schema', async () => {
    const { z } = await import('zod');
    const attempts = withFunctionStub(() => {
      try {
        z.object({ a: z.number() }).safeParse({ a: 1 });
      } catch {
        // The stub's error, if zod compiles a parser without probing first.
      }
    });
    expect(attempts.length).toBeGreaterThan(0);
  });
});
