/**
 * The contract on the reproductions of issue 9 ("Nothing escapes, nothing
 * is lost"), one `describe` per break found there, with its exact input.
 * Each call is checked against the whole contract (contract.ts): a
 * `MetricsError` with a path inside the arguments, or a clean, frozen,
 * JSON-safe result, the input unchanged, under the time bound. Where the
 * break is a wrong value or a lost item, the test also says what is correct.
 */
import { describe, expect, it } from 'vitest';
import {
  cesCounts,
  csatCounts,
  firstContactResolutionCounts,
  isMetricsError,
  loyaltyIndexCounts,
  type MetricsError,
  npsCounts,
  repurchaseRateCounts,
  timeToResolutionCounts,
  upsellRatioCounts,
} from '../../src/index.js';
import { deeplyNested } from '../helpers/hostile.js';
import { assertContract, type Checked, checkCall, type Expectation, type ExportSpec } from './contract.js';
import { operationSpecs } from './specs/operations.js';
import { revenueSpecs } from './specs/revenue.js';
import { supportSpecs } from './specs/support.js';
import { surveySpecs } from './specs/survey.js';

const SPECS = new Map<string, ExportSpec>([...surveySpecs, ...supportSpecs, ...revenueSpecs, ...operationSpecs].map((s) => [s.name, s]));

/** Calls an export with `args` and asserts the whole contract on the call. */
function call(name: string, args: unknown[], expectation: Expectation = 'either'): Checked {
  const spec = SPECS.get(name);
  if (spec === undefined) throw new Error(`no spec for ${name}`);
  const checked = checkCall(spec, args, expectation);
  assertContract(spec, checked);
  return checked;
}

/** The error of a checked call, which must be a `MetricsError` whose path starts with `prefix`. */
function refusedAt(checked: Checked, prefix: readonly (string | number)[]): MetricsError {
  expect(isMetricsError(checked.error), `expected a MetricsError, returned ${JSON.stringify(checked.result)?.slice(0, 200)}`).toBe(true);
  const error = checked.error as MetricsError;
  expect(error.path.slice(0, prefix.length)).toStrictEqual(prefix);
  return error;
}

/** A field of a result reached by keys. */
function field(result: unknown, ...keys: string[]): unknown {
  let v = result;
  for (const k of keys) v = (v as Record<string, unknown>)[k];
  return v;
}

const AMSTERDAM_MONDAYS = { timeZone: 'Europe/Amsterdam', days: { mon: ['09:00', '17:00'] } };

describe('1. exotic objects are refused with a path, never crash the error path', () => {
  it('refuses an object with Date.prototype and no date inside it, at any position', () => {
    refusedAt(call('nps', [Object.create(Date.prototype)]), ['scores']);
    refusedAt(call('nps', [[10], Object.create(Date.prototype)]), ['options']);
    refusedAt(call('npsFromCounts', [Object.create(Date.prototype)]), ['counts']);
    refusedAt(call('compare', [Object.create(Date.prototype), Object.create(Date.prototype)]), ['a']);
  });

  it('refuses date lookalikes in time fields, and takes a proxied Date only as the date it is', () => {
    for (const odd of [Object.create(Date.prototype), { [Symbol.toStringTag]: 'Date' }]) {
      refusedAt(call('timeToResolution', [[{ openedAt: odd, resolvedAt: 1000 }]]), ['tickets', 0, 'openedAt']);
      refusedAt(call('timeToResolution', [[{ openedAt: 0 }], { open: 'censor', asOf: odd }]), ['options', 'asOf']);
    }
    const proxied = call('timeToResolution', [[{ openedAt: new Proxy(new Date(0), {}), resolvedAt: 1000 }]]);
    if (proxied.error === undefined) expect(field(proxied.result, 'value')).toBe(1000);
    else refusedAt(proxied, ['tickets', 0, 'openedAt']);
  });

  it('refuses a proxied typed array, or reads it as the answers it holds', () => {
    const checked = call('nps', [new Proxy(new Uint8Array([10]), {})]);
    if (checked.error === undefined) expect(field(checked.result, 'promoters', 'count')).toBe(1);
    else refusedAt(checked, ['scores']);
  });
});

describe('2. deep or odd tallies do not crash mergeCounts', () => {
  const nps = { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 };

  it('refuses tallies nested 10,000 levels deep within the time bound', () => {
    call('mergeCounts', [
      { ...nps, extra: deeplyNested(10_000, 'object') },
      { ...nps, extra: deeplyNested(10_000, 'object') },
    ]);
    call('mergeCounts', [
      { metric: 'timeToResolution', resolved: deeplyNested(10_000, 'array'), censored: [], open: 0 },
      { metric: 'timeToResolution', resolved: deeplyNested(10_000, 'array'), censored: [], open: 0 },
    ]);
  });

  it('refuses or reads arrays with a null prototype', () => {
    const left = { metric: 'timeToResolution', resolved: Object.setPrototypeOf([1000], null), censored: [], open: 0 };
    const right = { metric: 'timeToResolution', resolved: Object.setPrototypeOf([2000], null), censored: [], open: 0 };
    const checked = call('mergeCounts', [left, right]);
    if (checked.error === undefined) expect(field(checked.result, 'resolved')).toStrictEqual([1000, 2000]);
  });
});

describe('3. integer typed arrays are range-checked as the values they hold', () => {
  it('counts both answers of new Uint32Array([4294967295, 9]) on the scale -1 to 9, or refuses the first', () => {
    const checked = call('nps', [new Uint32Array([4294967295, 9]), { scale: { min: -1, max: 9 }, promoterMin: 8, detractorMax: 5 }]);
    if (checked.error === undefined) expect(field(checked.result, 'total')).toBe(2);
    else refusedAt(checked, ['scores', 0]);
  });

  it('does the same in csat and ces', () => {
    for (const name of ['csat', 'ces']) {
      const checked = call(name, [new Uint32Array([4294967295, 1]), { scale: { min: -1, max: 5 } }]);
      if (checked.error === undefined) expect(field(checked.result, 'total')).toBe(2);
      else refusedAt(checked, ['responses', 0]);
    }
  });
});

describe('4. no -0 in results', () => {
  it('gives promoters.count 0, not -0, for a tally with promoters: -0', () => {
    const checked = call('npsFromCounts', [{ metric: 'nps', promoters: -0, passives: 1, detractors: 0, excluded: 0 }], 'valid');
    expect(Object.is(field(checked.result, 'promoters', 'count'), 0)).toBe(true);
  });

  it('gives min 0, not -0, for a duration of -0', () => {
    const checked = call('timeToResolutionFromCounts', [{ resolved: [-0], open: 0 }], 'valid');
    expect(Object.is(field(checked.result, 'min'), 0)).toBe(true);
  });

  it('copies a threshold of -0 as 0', () => {
    const checked = call(
      'checkTargets',
      [[{ metric: 'nps', unit: 'points', value: -0 }], { nps: { comparison: '>=', threshold: -0, unit: 'points', source: 'x' } }],
      'valid',
    );
    expect(Object.is(field((checked.result as unknown[])[0], 'target', 'threshold'), 0)).toBe(true);
  });

  it('rounds a tiny negative net MRR churn to 0, not -0', () => {
    call('netMrrChurn', [{ startingMrr: '1000000', churnedMrr: '0', expansionMrr: '1' }, { decimals: 2 }], 'valid');
    call('netMrrChurn', [{ startingMrr: 0.3, churnedMrr: 0, expansionMrr: '0.000000001' }, { decimals: 0 }], 'valid');
  });
});

describe('5. money a double cannot hold is refused, never Infinity', () => {
  it('refuses or computes expansion revenue of a 401-digit amount', () => {
    const checked = call('expansionRevenue', [{ startingMrr: '1', expansionMrr: `1${'0'.repeat(400)}` }]);
    if (checked.error !== undefined) refusedAt(checked, ['movements']);
  });

  it('refuses or computes net MRR churn of a 401-digit expansion', () => {
    const checked = call('netMrrChurn', [{ startingMrr: '1', churnedMrr: '0', expansionMrr: `1${'0'.repeat(400)}` }]);
    if (checked.error !== undefined) refusedAt(checked, ['movements']);
  });
});

describe('6. plans at extreme levels and expectations give a number or an error', () => {
  it('plans with level 5e-324', () => {
    call('sampleSizeFor', [{ metric: 'csat', marginOfError: 5, level: 5e-324, population: 1 }]);
  });

  it('plans with expected 5e-324', () => {
    call('sampleSizeFor', [{ metric: 'csat', marginOfError: 5, expected: 5e-324, population: 1 }]);
  });
});

describe('7. weighted CSAT and CES far from 0 keep their variance', () => {
  const weights = [1, 0.5, 0.25];

  it('gives the variance and intervals of the same answers on a scale at 0', () => {
    for (const name of ['csat', 'ces']) {
      const far = call(name, [[1e9, 1e9 + 4, 1e9 + 4], { scale: { min: 1e9, max: 1e9 + 4 }, weights, interval: true }], 'valid').result;
      const near = call(name, [[0, 4, 4], { scale: { min: 0, max: 4 }, weights, interval: true }], 'valid').result;
      expect(field(far, 'variance')).toBe(field(near, 'variance'));
      expect(field(far, 'variance') as number).toBeGreaterThanOrEqual(0);
      expect(field(far, 'interval')).toStrictEqual(field(near, 'interval'));
      expect(field(far, 'meanInterval')).not.toBeNull();
    }
  });
});

describe('8. an error is blamed on the argument as the signature names it', () => {
  it('blames purchasesPerCustomer when repeat purchases pass 2^53', () => {
    refusedAt(call('repurchaseRate', [[2 ** 53 - 1, 3]]), ['purchasesPerCustomer']);
  });
});

describe('9. mergeCounts validates both sides and builds a fresh tally', () => {
  const nps = { metric: 'nps', promoters: 0, passives: 0, detractors: 0, excluded: 0 };

  it('refuses a negative count', () => {
    refusedAt(call('mergeCounts', [npsCounts([10]), { ...nps, promoters: -5 }]), ['b']);
  });

  it('refuses NaN, functions, Dates and cycles on one side only', () => {
    const cyclic: Record<string, unknown> = { ...nps };
    cyclic.self = cyclic;
    refusedAt(call('mergeCounts', [npsCounts([10]), { ...nps, weights: Number.NaN }]), ['b']);
    refusedAt(call('mergeCounts', [{ ...nps, extra: () => 1 }, npsCounts([10])]), ['a']);
    refusedAt(call('mergeCounts', [npsCounts([10]), { ...nps, extra: new Date(0) }]), ['b']);
    refusedAt(call('mergeCounts', [cyclic, npsCounts([10])]), ['a']);
  });

  it('shares no object with its inputs', () => {
    call('mergeCounts', [npsCounts([10], { weights: [2] }), npsCounts([9, 6], { weights: [1, 3] })], 'valid');
    call('mergeCounts', [csatCounts([5], { weights: [2] }), csatCounts([4], { weights: [1] })], 'valid');
    call('mergeCounts', [timeToResolutionCounts([{ openedAt: 0, resolvedAt: 5 }]), timeToResolutionCounts([])], 'valid');
  });
});

describe('10. keys are data: prototype-named keys are read as keys', () => {
  it('counts the five answers under an own "__proto__" key, or refuses the key', () => {
    const checked = call('csatFromCounts', [{ points: JSON.parse('{"__proto__": 5, "1": 2}') }]);
    if (checked.error === undefined) expect(field(checked.result, 'total')).toBe(7);
    else refusedAt(checked, ['counts', 'points', '__proto__']);
  });

  it('finds a label named "__proto__" in a label map parsed from JSON', () => {
    const checked = call('csat', [['__proto__'], { labels: JSON.parse('{"__proto__": 5}') }], 'valid');
    expect(field(checked.result, 'satisfied', 'count')).toBe(1);
  });

  it('keeps the prototype of a merged tally whatever its keys', () => {
    const a = JSON.parse('{"metric":"nps","promoters":1,"passives":0,"detractors":0,"excluded":0,"__proto__":{"promoters":5}}');
    call('mergeCounts', [a, npsCounts([10])]);
  });

  it('blames a built-in name where it is, in the argument that holds it', () => {
    refusedAt(call('csatFromCounts', [{ points: { toString: 1 } }]), ['counts', 'points', 'toString']);
    call('csat', [['toString', 'constructor'], { labels: { toString: 1, constructor: 5 } }], 'valid');
    call('csatCounts', [['hasOwnProperty'], { labels: { hasOwnProperty: 4 } }], 'valid');
  });
});

describe('11. only plain objects are read as options and records', () => {
  it("refuses new Map([['decimals', 1]]) as options at ['options']", () => {
    const error = refusedAt(call('nps', [[10, 0], new Map([['decimals', 1]])]), ['options']);
    expect(error.path).toStrictEqual(['options']);
  });

  it('refuses class instances with the right fields as records and nested options, at their paths', () => {
    class Counts {
      promoters = 1;
      passives = 0;
      detractors = 0;
    }
    class Ticket {
      openedAt = 0;
      resolvedAt = 5;
    }
    class Scale {
      min = 0;
      max = 10;
    }
    expect(refusedAt(call('npsFromCounts', [new Counts()]), ['counts']).path).toStrictEqual(['counts']);
    expect(refusedAt(call('timeToResolution', [[new Ticket()]]), ['tickets', 0]).path).toStrictEqual(['tickets', 0]);
    expect(refusedAt(call('nps', [[10], { scale: new Scale() }]), ['options', 'scale']).path).toStrictEqual(['options', 'scale']);
    expect(refusedAt(call('nps', [[10], { interval: new Map() }]), ['options', 'interval']).path).toStrictEqual(['options', 'interval']);
  });

  class Options {
    decimals = 1;
  }
  for (const [label, options] of [
    ['a Set', new Set()],
    ['a Date', new Date(0)],
    ['a RegExp', /x/],
    ['a boxed number', new Number(1)],
    ['a class instance', new Options()],
  ] as const) {
    it(`refuses ${label} as options, and as a record`, () => {
      expect(refusedAt(call('csat', [[5], options]), ['options']).path).toStrictEqual(['options']);
      expect(refusedAt(call('customerChurn', [options]), ['counts']).path).toStrictEqual(['counts']);
    });
  }
});

describe('12. one placeholder date does not stall a call', () => {
  it('answers within the time bound for a ticket opened in year 0 with business hours', () => {
    call('timeToResolutionCounts', [[{ openedAt: '0000-01-01T00:00:00Z' }], { open: 'censor', asOf: 0, businessHours: AMSTERDAM_MONDAYS }]);
  });

  it('answers within the time bound for a ticket from 1900 to 2026 with business hours', () => {
    call('timeToResolution', [[{ openedAt: '1900-01-01T00:00:00Z', resolvedAt: '2026-01-01T00:00:00Z' }], { businessHours: AMSTERDAM_MONDAYS }]);
  });
});

describe('13. every tally is frozen', () => {
  const tallies: [string, () => unknown][] = [
    ['npsCounts', () => npsCounts([10, 6])],
    ['npsCounts weighted', () => npsCounts([10, 6], { weights: [1, 2] })],
    ['csatCounts', () => csatCounts([5, 4])],
    ['csatCounts weighted', () => csatCounts([5, 4], { weights: [1, 2] })],
    ['cesCounts', () => cesCounts([7, 1])],
    ['cesCounts weighted', () => cesCounts([7, 1], { weights: [1, 2] })],
    ['loyaltyIndexCounts', () => loyaltyIndexCounts([{ recommend: 9, repurchase: 8, upsell: 6 }])],
    ['firstContactResolutionCounts', () => firstContactResolutionCounts([true, false])],
    ['timeToResolutionCounts', () => timeToResolutionCounts([{ openedAt: 0, resolvedAt: 1000 }])],
    ['repurchaseRateCounts', () => repurchaseRateCounts([1, 2])],
    ['upsellRatioCounts', () => upsellRatioCounts([{ upgraded: true }])],
  ];

  for (const [label, make] of tallies) {
    it(`${label} and its merge with itself are deeply frozen`, () => {
      const tally = make();
      call('mergeCounts', [tally, make()], 'valid');
      const stack: unknown[] = [tally];
      while (stack.length > 0) {
        const v = stack.pop();
        if (typeof v !== 'object' || v === null) continue;
        expect(Object.isFrozen(v), `${label}: every object of the tally is frozen`).toBe(true);
        stack.push(...Object.values(v));
      }
    });
  }

  it('gives frozen tallies from every ...Counts call, checked by the contract', () => {
    call('npsCounts', [[10, 6]], 'valid');
    call('csatCounts', [[5, 4], { weights: [1, 2] }], 'valid');
    call('cesCounts', [[7, 1]], 'valid');
    call('loyaltyIndexCounts', [[{ recommend: 9, repurchase: 8, upsell: 6 }]], 'valid');
    call('firstContactResolutionCounts', [[true, false]], 'valid');
    call('timeToResolutionCounts', [[{ openedAt: 0, resolvedAt: 1000 }]], 'valid');
    call('repurchaseRateCounts', [[1, 2]], 'valid');
    call('upsellRatioCounts', [[{ upgraded: true }]], 'valid');
  });
});

describe('the breaks of other exports stay fixed', () => {
  it('checks a result list against targets without dropping one', () => {
    const results = [
      { metric: 'nps', unit: 'points', value: 42 },
      { metric: 'toString', unit: 'points', value: 1 },
      { metric: '__proto__', unit: 'points', value: 1 },
    ];
    const checked = call('checkTargets', [results], 'valid');
    expect((checked.result as unknown[]).length).toBe(3);
    expect(field((checked.result as unknown[])[1], 'status')).toBe('no-target');
  });

  it('computes ces and csat from labels that are built-in names', () => {
    expect(field(call('ces', [['valueOf'], { labels: { valueOf: 7 } }], 'valid').result, 'total')).toBe(1);
    expect(field(call('csat', [['constructor'], { labels: { constructor: 5 } }], 'valid').result, 'total')).toBe(1);
  });
});
