/**
 * Values a hostile caller passes: wrong types, exotic objects, boundary
 * numbers, deep nesting, prototype-named keys, sparse arrays, huge money
 * strings and far-off timestamps. Each is made fresh by a factory, so no call
 * sees an object another call could have changed.
 *
 * None of them throws when inspected: no throwing getters, no revoked
 * proxies. The contract is about data a caller can build, not about
 * sabotaging the reads themselves.
 */
import fc from 'fast-check';

/** A hostile value and the name a failure report gives it. */
export interface Hostile {
  readonly label: string;
  readonly make: () => unknown;
}

const h = (label: string, make: () => unknown): Hostile => ({ label, make });

/** Builds `levels` nested objects `{ a: { a: ... } }` (or arrays `[[...]]`) without recursion. */
export function deeplyNested(levels: number, kind: 'object' | 'array'): unknown {
  let value: unknown = kind === 'object' ? {} : [];
  for (let i = 0; i < levels; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/** An object with an own, enumerable data property for every entry, `__proto__` included (as `JSON.parse` makes it). */
export function ownKeys(entries: readonly (readonly [string, unknown])[], proto: object | null = Object.prototype): Record<string, unknown> {
  const o = Object.create(proto) as Record<string, unknown>;
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

function argumentsOf(..._: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: an arguments object is the point.
  return arguments;
}

class Options {
  decimals = 1;
  missing = 'exclude';
}
class Scores extends Array<number> {}
class Bytes extends Uint8Array {}

/** Primitives of every type, and `null` and `undefined`. */
export const PRIMITIVES: readonly Hostile[] = [
  h('undefined', () => undefined),
  h('null', () => null),
  h('true', () => true),
  h('false', () => false),
  h('""', () => ''),
  h('"abc"', () => 'abc'),
  h('"10"', () => '10'),
  h('"__proto__"', () => '__proto__'),
  h('10n', () => 10n),
  h('-1n', () => -1n),
  h('Symbol("x")', () => Symbol('x')),
  h('Symbol.iterator', () => Symbol.iterator),
  h('() => 10', () => () => 10),
  h('class {}', () => class {}),
  h('Math.max', () => Math.max),
];

/** Numbers at and beyond every boundary a metric checks. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  2 ** 31,
  -(2 ** 31) - 1,
  4294967295,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  5e-324,
  -5e-324,
  1e-100,
  1e100,
  1e-101,
  1.0000000000000002e100,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  8.64e15,
  8.64e15 + 1,
  100.00000000000001,
  1 - 2 ** -53,
];

const NUMBERS: readonly Hostile[] = BOUNDARY_NUMBERS.map((n) => h(Object.is(n, -0) ? '-0' : String(n), () => n));

/** Objects that are not plain objects or arrays, or only look like them. */
export const EXOTIC_OBJECTS: readonly Hostile[] = [
  h('Object.create(Date.prototype)', () => Object.create(Date.prototype)),
  h('new Proxy(new Date(), {})', () => new Proxy(new Date(0), {})),
  h("{ [Symbol.toStringTag]: 'Date' }", () => ({ [Symbol.toStringTag]: 'Date' })),
  h('new Date(NaN)', () => new Date(Number.NaN)),
  h('new Date(0)', () => new Date(0)),
  h('new Proxy(new Uint8Array([10]), {})', () => new Proxy(new Uint8Array([10]), {})),
  h('new Proxy([10, 9], {})', () => new Proxy([10, 9], {})),
  h('new Proxy({}, {})', () => new Proxy({}, {})),
  h('new Map()', () => new Map()),
  h("new Map([['decimals', 1]])", () => new Map([['decimals', 1]])),
  h('new Set([10])', () => new Set([10])),
  h('/10/g', () => /10/g),
  h('new Number(1)', () => new Number(1)),
  h('new String("10")', () => new String('10')),
  h('new Boolean(true)', () => new Boolean(true)),
  h('Object(10n)', () => Object(10n)),
  h('Object(Symbol("x"))', () => Object(Symbol('x'))),
  h('new (class Options { decimals = 1 })()', () => new Options()),
  h('new (class Scores extends Array)(10, 9)', () => Scores.from([10, 9])),
  h('new (class Bytes extends Uint8Array)([10])', () => new Bytes([10])),
  h('Object.create(null)', () => Object.create(null)),
  h('Object.assign(Object.create(null), { decimals: 1 })', () => Object.assign(Object.create(null), { decimals: 1 })),
  h('Object.setPrototypeOf([10, 9], null)', () => Object.setPrototypeOf([10, 9], null)),
  h('Object.setPrototypeOf([], null)', () => Object.setPrototypeOf([], null)),
  h('Object.create(Array.prototype)', () => Object.create(Array.prototype)),
  h('{ length: 2, 0: 10, 1: 9 }', () => ({ length: 2, 0: 10, 1: 9 })),
  h('(function () { return arguments })(10, 9)', () => argumentsOf(10, 9)),
  h('(function* () { yield 10 })()', () =>
    (function* () {
      yield 10;
    })(),
  ),
  h('new ArrayBuffer(8)', () => new ArrayBuffer(8)),
  h('new DataView(new ArrayBuffer(8))', () => new DataView(new ArrayBuffer(8))),
  h('new Uint32Array([4294967295, 9])', () => new Uint32Array([4294967295, 9])),
  h('new Int8Array([-1, 127, -128])', () => new Int8Array([-1, 127, -128])),
  h('new Float64Array([NaN, -0, Infinity])', () => new Float64Array([Number.NaN, -0, Number.POSITIVE_INFINITY])),
  h('new Float32Array([0.1, 16777217])', () => new Float32Array([0.1, 16777217])),
  h('new BigInt64Array([10n])', () => new BigInt64Array([10n])),
  h('new Uint8ClampedArray([300])', () => new Uint8ClampedArray([300])),
  h('new Error("x")', () => new Error('x')),
  h('new WeakMap()', () => new WeakMap()),
  h('Promise.resolve(10)', () => Promise.resolve(10)),
  h("{ name: 'MetricsError', metric: 'nps', issues: [] }", () => ({ name: 'MetricsError', metric: 'nps', issues: [] })),
  h('globalThis', () => globalThis),
  h('Math', () => Math),
  h('JSON', () => JSON),
  h('Object.prototype', () => Object.prototype),
  h('Array.prototype', () => Array.prototype),
  h('Object.freeze([])', () => Object.freeze([])),
  h('Object.freeze({})', () => Object.freeze({})),
];

/** Objects whose own keys are the names of built-in properties, made as `JSON.parse` makes them. */
export const PROTOTYPE_KEYS: readonly Hostile[] = [
  h('JSON.parse(\'{"__proto__": 5, "1": 2}\')', () => JSON.parse('{"__proto__": 5, "1": 2}')),
  h('JSON.parse(\'{"__proto__": {"polluted": 1}}\')', () => JSON.parse('{"__proto__": {"polluted": 1}}')),
  h('JSON.parse(\'{"__proto__": null}\')', () => JSON.parse('{"__proto__": null}')),
  h('{ toString: 1 }', () => ({ toString: 1 })),
  h('{ valueOf: 1 }', () => ({ valueOf: 1 })),
  h('{ constructor: 1 }', () => ({ constructor: 1 })),
  h('{ hasOwnProperty: 1 }', () => ({ hasOwnProperty: 1 })),
  h('{ constructor: { prototype: { polluted: 1 } } }', () => ({ constructor: { prototype: { polluted: 1 } } })),
  h('{ __defineGetter__: 1, isPrototypeOf: 2 }', () => ({ __defineGetter__: 1, isPrototypeOf: 2 })),
  h('{ "": 1 }', () => ({ '': 1 })),
  h('{ [Symbol("k")]: 1 }', () => ({ [Symbol('k')]: 1 })),
];

/** Arrays with holes, extra properties or a length far beyond their elements. */
export const ODD_ARRAYS: readonly Hostile[] = [
  // biome-ignore lint/suspicious/noSparseArray: a hole is the point.
  h('[10, , 9]', () => [10, , 9]),
  h('new Array(5)', () => new Array(5)),
  // biome-ignore lint/suspicious/noSparseArray: a hole is the point.
  h('[,]', () => [,]),
  h('Object.assign([10], { extra: 1 })', () => Object.assign([10], { extra: 1 })),
  h('(a = [], a[10000] = 10, a)', () => {
    const a: number[] = [];
    a[10000] = 10;
    return a;
  }),
  h('[[10]]', () => [[10]]),
  h('[null]', () => [null]),
  h('[undefined]', () => [undefined]),
  h('[NaN]', () => [Number.NaN]),
  h('[{}]', () => [{}]),
  h('["10"]', () => ['10']),
];

/** Nesting 10,000 levels deep: as an object, as an array, and under a key a metric reads. */
export const DEEP: readonly Hostile[] = [
  h('{ a: { a: ... } } (10,000 levels)', () => deeplyNested(10_000, 'object')),
  h('[[[...]]] (10,000 levels)', () => deeplyNested(10_000, 'array')),
];

/** Money amounts at and past every limit: huge, too precise, signed, exponent, separators. */
export const ODD_MONEY: readonly Hostile[] = [
  h("'1' + '0'.repeat(400)", () => `1${'0'.repeat(400)}`),
  h("'9'.repeat(309)", () => '9'.repeat(309)),
  h("'1' + '0'.repeat(30)", () => `1${'0'.repeat(30)}`),
  h("'0.' + '0'.repeat(19) + '1'", () => `0.${'0'.repeat(19)}1`),
  h("'0.' + '0'.repeat(20) + '1'", () => `0.${'0'.repeat(20)}1`),
  h("'1.' + '0'.repeat(400)", () => `1.${'0'.repeat(400)}`),
  h("'-1'", () => '-1'),
  h("'+1'", () => '+1'),
  h("'-0'", () => '-0'),
  h("'1e5'", () => '1e5'),
  h("' 1'", () => ' 1'),
  h("'1,000.00'", () => '1,000.00'),
  h("'.5'", () => '.5'),
  h("'5.'", () => '5.'),
  h("'0x10'", () => '0x10'),
  h("'١٢٣'", () => '١٢٣'),
  h('1e21', () => 1e21),
  h('1e-7', () => 1e-7),
  h('0.1 + 0.2', () => 0.1 + 0.2),
  h('Number.MAX_VALUE', () => Number.MAX_VALUE),
  h('5e-324', () => 5e-324),
];

/** Times at and past the range of a `Date`, without a zone, impossible, or in exotic wrappers. */
export const ODD_TIMES: readonly Hostile[] = [
  h("'0000-01-01T00:00:00Z'", () => '0000-01-01T00:00:00Z'),
  h("'1900-01-01T00:00:00Z'", () => '1900-01-01T00:00:00Z'),
  h("'-271821-04-20T00:00:00Z'", () => '-271821-04-20T00:00:00Z'),
  h("'+275760-09-13T00:00:00Z'", () => '+275760-09-13T00:00:00Z'),
  h("'+275760-09-13T00:00:00.001Z'", () => '+275760-09-13T00:00:00.001Z'),
  h("'2026-03-02T09:00:00'", () => '2026-03-02T09:00:00'),
  h("'2026-02-30T00:00:00Z'", () => '2026-02-30T00:00:00Z'),
  h("'2026-03-02T24:00:00Z'", () => '2026-03-02T24:00:00Z'),
  h("'2026-03-02T09:00:00+24:00'", () => '2026-03-02T09:00:00+24:00'),
  h("'2026-03-29T02:30:00+01:00'", () => '2026-03-29T02:30:00+01:00'),
  h('-8.64e15', () => -8.64e15),
  h('8.64e15', () => 8.64e15),
];

/** Every hostile value above. */
export const ALL_HOSTILE: readonly Hostile[] = [
  ...PRIMITIVES,
  ...NUMBERS,
  ...EXOTIC_OBJECTS,
  ...PROTOTYPE_KEYS,
  ...ODD_ARRAYS,
  ...DEEP,
  ...ODD_MONEY,
  ...ODD_TIMES,
];

/**
 * What an argument position holds, for choosing values that are certainly of
 * the wrong kind there.
 *
 * - `list`: an array of records or booleans.
 * - `numbers`: an array or a typed array of numbers.
 * - `object`: a plain object (counts, movements, a plan, a result).
 * - `options`: a plain object or `undefined`.
 * - `number`: a number.
 * - `list-or-object`: an array or a plain object (`upsellRatio`'s data).
 */
export type PositionKind = 'list' | 'numbers' | 'object' | 'options' | 'number' | 'list-or-object';

const isPlainObjectLabel = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
};

/**
 * Whether a hostile value is certainly of the wrong kind for a position,
 * whatever its contents: a position expecting an object gets no plain
 * object, one expecting a list no array, and proxies (which may pass for
 * their target) are left out.
 */
function wrongKind(kind: PositionKind, label: string, v: unknown): boolean {
  if (label.startsWith('new Proxy')) return false;
  // Globals and prototypes pass for plain objects by their prototype: wrong only where a list or a number goes.
  if (label === 'Object.prototype' || label === 'globalThis' || label === 'Math' || label === 'JSON')
    return kind === 'list' || kind === 'numbers' || kind === 'number';
  const array = Array.isArray(v);
  const typed = ArrayBuffer.isView(v) && !(v instanceof DataView);
  switch (kind) {
    case 'list':
      return !array;
    case 'numbers':
      return !array && !typed;
    case 'object':
      return !isPlainObjectLabel(v);
    case 'options':
      return v !== undefined && !isPlainObjectLabel(v);
    case 'number':
      return typeof v !== 'number' || !(v >= 0 && v <= 100);
    case 'list-or-object':
      return !array && !isPlainObjectLabel(v);
  }
}

/** The hostile values certainly of the wrong kind for `kind`. */
export function wrongKindsFor(kind: PositionKind): readonly Hostile[] {
  return ALL_HOSTILE.filter((x) => wrongKind(kind, x.label, x.make()));
}

/** A labelled hostile value, made fresh. */
export interface Made {
  readonly label: string;
  readonly value: unknown;
}

/** An arbitrary over a catalog of hostile values, each made fresh. */
export function hostileFrom(catalog: readonly Hostile[]): fc.Arbitrary<Made> {
  return fc.constantFrom(...catalog).map((x) => ({ label: x.label, value: x.make() }));
}
