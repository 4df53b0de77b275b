/**
 * The contract every runtime export keeps, checked call by call:
 *
 * - the call throws a `MetricsError` (by `isMetricsError` and `instanceof`)
 *   naming the export's metric, with a known code and a non-empty path that
 *   starts at one of the export's argument names, or it returns a result;
 * - a result (a tally too) is plain data: deeply frozen, unchanged by a JSON
 *   round trip, with no `NaN`, `±Infinity`, `-0`, `undefined`, functions,
 *   class instances or holes anywhere, and no object shared with the input;
 * - the input is unchanged: a structural fingerprint taken before the call
 *   (own keys and property descriptors, prototypes, extensibility and
 *   frozenness, typed-array bytes, `Date` values, `Map` and `Set` entries,
 *   boxed values) equals the one taken after. This is stricter than
 *   comparing with a `structuredClone`, which loses prototypes and
 *   descriptors and cannot clone proxies, functions or symbols;
 * - no built-in prototype gains, loses or changes a property, and no global
 *   appears;
 * - the call returns within {@link TIME_LIMIT_MS}, measured with
 *   `performance.now()` and asserted after it returns (a synchronous call
 *   cannot be interrupted).
 *
 * A violation names the export and each clause broken; the properties in
 * properties.ts add the input (fast-check's counterexample, shrunk).
 */
import { performance } from 'node:perf_hooks';
import { inspect, isDeepStrictEqual, types } from 'node:util';
import fc from 'fast-check';
import { isMetricsError, METRICS, MetricsError, OPERATIONS } from '../../src/index.js';
import { ALL_HOSTILE, DEEP, type Hostile, hostileFrom, type Made, type PositionKind, wrongKindsFor } from '../helpers/hostile.js';

/** The time a single call may take. */
export const TIME_LIMIT_MS = 2000;

/**
 * Generated calls per export, 1,500 by default (450 valid, 750 hostile, 300
 * with a value of the wrong kind, as {@link SHARES} splits them):
 * `FUZZ_RUNS=100000 npx vitest run tests/contract` runs a larger search.
 */
export const CALLS_PER_EXPORT = readRuns();

function readRuns(): number {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return 1500;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 10) throw new Error(`FUZZ_RUNS must be an integer of at least 10, received ${raw}`);
  return n;
}

/** How the calls of an export are split: valid input, hostile input, a wrong kind at one position. */
export const SHARES = { valid: 0.3, hostile: 0.5, blame: 0.2 } as const;

/** The issue codes of `MetricsError` (API, as documented on `MetricsIssueCode`). */
const CODES: ReadonlySet<string> = new Set([
  'invalid-type',
  'out-of-range',
  'missing-value',
  'unknown-label',
  'unknown-key',
  'invalid-value',
  'inconsistent',
  'duplicate',
]);

/** The names a `MetricsError` may give in `metric`. */
const SOURCES: ReadonlySet<string> = new Set([...Object.keys(METRICS), ...Object.keys(OPERATIONS)]);

/** One export under test. */
export interface ExportSpec {
  /** The export's name in `src/index.ts`. */
  readonly name: string;
  /** Calls the export with an argument list. */
  readonly call: (args: readonly unknown[]) => unknown;
  /** The argument names, in order, from the signature and TSDoc: an error path starts with one of them. */
  readonly params: readonly string[];
  /**
   * Other names an argument's errors use, where its TSDoc documents them:
   * `upsellRatio`'s first argument is `records` when it is a list and
   * `counts` when it is a tally.
   */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** What each argument position holds, for picking values certainly of the wrong kind there. */
  readonly kinds: readonly PositionKind[];
  /** The `metric` its errors name. */
  readonly metric: string;
  /** Arguments valid together, made fresh for each call: a value of the wrong kind replaces one of them, so that only that argument is at fault. */
  readonly neutral: () => unknown[];
  /** Inputs valid by the documentation: the call must return a result. */
  readonly valid: fc.Arbitrary<unknown[]>;
  /** Inputs at the edges of validity (huge amounts, extreme levels, far-off times): a result or a `MetricsError`. */
  readonly wide?: fc.Arbitrary<unknown[]>;
  /** Hostile inputs particular to the export, besides the generic corruptions of `valid` and `wide`. */
  readonly hostile?: fc.Arbitrary<Call>;
  /** Further checks of a result; returns what is wrong, or `null`. */
  readonly checkResult?: (result: unknown, args: readonly unknown[]) => string | null;
  /**
   * Whether the export reads only the fields it needs inside its arguments
   * (results handed to `compare` and `checkTargets`): a class instance or a
   * `Map` inside them may then go unread, and only a whole argument of that
   * kind must be refused.
   */
  readonly readsSomeFields?: boolean;
}

/** Wraps an export so that it takes an argument list. */
export function viaArgs<A extends unknown[], R>(f: (...args: A) => R): (args: readonly unknown[]) => unknown {
  return (args) => (f as unknown as (...a: readonly unknown[]) => unknown)(...args);
}

const SHOW = { depth: 5, maxArrayLength: 24, maxStringLength: 480, breakLength: Number.POSITIVE_INFINITY, showProxy: true, customInspect: false } as const;

/** Any value, printed safely (proxies, exotic objects and deep nesting included). */
export function show(value: unknown): string {
  return inspect(value, SHOW);
}

/** A generated call: the arguments, notes naming the hostile values placed in them, and what the call must do. */
export class Call {
  constructor(
    readonly name: string,
    readonly args: readonly unknown[],
    readonly notes: readonly string[] = [],
    readonly expectation: Expectation = 'either',
    /** The argument a `MetricsError` must blame, when only it holds a value of the wrong kind. */
    readonly blame: string | null = null,
  ) {}

  [fc.toStringMethod](): string {
    const call = `${this.name}(${this.args.map(show).join(', ')})`;
    return this.notes.length === 0 ? call : `${call}  /* ${this.notes.join('; ')} */`;
  }
}

/** What broke: a clause of the contract and the details. */
export interface Violation {
  readonly clause: string;
  readonly detail: string;
}

// ---------------------------------------------------------------------------
// Fingerprints: the structure and contents of the input, to see it unchanged.

/** Objects never walked into: the globals and built-in prototypes a hostile input may hand over. */
const OPAQUE: ReadonlySet<unknown> = new Set([
  globalThis,
  Math,
  JSON,
  Reflect,
  Object.prototype,
  Array.prototype,
  Function.prototype,
  Date.prototype,
  Map.prototype,
  Set.prototype,
  Promise.prototype,
  Error.prototype,
  RegExp.prototype,
]);

const PROTO_NAMES = new Map<unknown, string>([
  [null, 'null'],
  [Object.prototype, 'Object'],
  [Array.prototype, 'Array'],
  [Function.prototype, 'Function'],
  [Date.prototype, 'Date'],
  [Map.prototype, 'Map'],
  [Set.prototype, 'Set'],
]);

interface Fingerprint {
  readonly tokens: readonly unknown[];
  /** Every object reachable from the input. */
  readonly objects: ReadonlySet<object>;
}

/** Internal state a property walk does not see: dates, typed-array bytes, entries, boxed values. */
function slots(o: object, tokens: unknown[], push: (child: unknown) => void): void {
  if (types.isProxy(o)) {
    tokens.push('proxy');
    return;
  }
  // Plain objects and arrays (all but a few in practice) hold no internal state worth a look.
  const proto = Object.getPrototypeOf(o) as unknown;
  if (proto === Object.prototype || proto === Array.prototype) return;
  try {
    if (types.isDate(o)) tokens.push('date', Date.prototype.getTime.call(o));
    else if (ArrayBuffer.isView(o)) tokens.push('bytes', Buffer.from(o.buffer, o.byteOffset, o.byteLength).toString('base64'));
    else if (types.isArrayBuffer(o)) tokens.push('buffer', Buffer.from(o).toString('base64'));
    else if (types.isMap(o)) {
      const entries = [...Map.prototype.entries.call(o)];
      tokens.push('map', entries.length);
      for (const [k, v] of entries) {
        push(k);
        push(v);
      }
    } else if (types.isSet(o)) {
      const values = [...Set.prototype.values.call(o)];
      tokens.push('set', values.length);
      for (const v of values) push(v);
    } else if (types.isNumberObject(o)) tokens.push('Number', Number.prototype.valueOf.call(o));
    else if (types.isStringObject(o)) tokens.push('String', String.prototype.valueOf.call(o));
    else if (types.isBooleanObject(o)) tokens.push('Boolean', Boolean.prototype.valueOf.call(o));
    else if (types.isBigIntObject(o)) tokens.push('BigInt', BigInt.prototype.valueOf.call(o));
    else if (types.isRegExp(o)) tokens.push('regexp', RegExp.prototype.toString.call(o));
  } catch (e) {
    tokens.push('unreadable', String(e));
  }
}

/**
 * How deep a fingerprint looks. Below this an object counts by its identity
 * alone: a change 100 levels down an input is not one a metric makes, and
 * walking 10,000 levels twice per call would cost more than the call.
 */
const FINGERPRINT_DEPTH = 100;

function fingerprint(roots: readonly unknown[], protoIds: Map<unknown, number>): Fingerprint {
  const ids = new Map<unknown, number>();
  const objects = new Set<object>();
  const tokens: unknown[] = [];
  const stack: unknown[] = [...roots].reverse();
  const depths: number[] = roots.map(() => 0);
  const protoTag = (o: object): unknown => {
    const p = Object.getPrototypeOf(o) as unknown;
    const name = PROTO_NAMES.get(p);
    if (name !== undefined) return name;
    let id = protoIds.get(p);
    if (id === undefined) {
      id = protoIds.size;
      protoIds.set(p, id);
    }
    return id;
  };
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    const push = (child: unknown) => {
      stack.push(child);
      depths.push(depth + 1);
    };
    if (typeof v === 'symbol') {
      let id = ids.get(v);
      if (id === undefined) {
        id = ids.size;
        ids.set(v, id);
      }
      tokens.push('symbol', id);
      continue;
    }
    if (typeof v !== 'object' || v === null) {
      if (typeof v !== 'function') {
        tokens.push(typeof v, v);
        continue;
      }
    }
    const o = v as object;
    const seen = ids.get(o);
    if (seen !== undefined) {
      tokens.push('ref', seen);
      continue;
    }
    ids.set(o, ids.size);
    objects.add(o);
    if (OPAQUE.has(o) || depth > FINGERPRINT_DEPTH) {
      tokens.push('opaque', ids.get(o));
      continue;
    }
    tokens.push(typeof o, protoTag(o), Object.isExtensible(o), Object.isFrozen(o));
    slots(o, tokens, push);
    // A typed array's own keys start with its indices, whose contents the bytes above hold.
    const all = Reflect.ownKeys(o);
    const keys = ArrayBuffer.isView(o) && !types.isProxy(o) && !(o instanceof DataView) ? all.slice((o as unknown as ArrayLike<unknown>).length) : all;
    tokens.push('keys', keys.length);
    for (const key of keys) {
      tokens.push(typeof key === 'symbol' ? key.toString() : key);
      const d = Reflect.getOwnPropertyDescriptor(o, key);
      if (d === undefined) {
        tokens.push('gone');
        continue;
      }
      tokens.push((d.enumerable ? 1 : 0) + (d.configurable ? 2 : 0) + (d.writable ? 4 : 0));
      if ('value' in d) push(d.value);
      else {
        push(d.get);
        push(d.set);
      }
    }
  }
  return { tokens, objects };
}

function firstDifference(before: readonly unknown[], after: readonly unknown[]): string | null {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    if (!Object.is(before[i], after[i])) {
      const window = (t: readonly unknown[]) => show(t.slice(Math.max(0, i - 6), i + 4));
      return `at token ${i}: before ${window(before)}, after ${window(after)}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Globals: the built-in prototypes and the global object.

const WATCHED: readonly (readonly [string, object])[] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Date.prototype', Date.prototype],
  ['Map.prototype', Map.prototype],
  ['TypedArray.prototype', Object.getPrototypeOf(Uint8Array.prototype) as object],
];

type GlobalSnapshot = readonly (readonly unknown[])[];

function snapshotGlobals(): GlobalSnapshot {
  const out: unknown[][] = [];
  for (const [, o] of WATCHED) {
    const row: unknown[] = [Object.getPrototypeOf(o)];
    for (const key of Reflect.ownKeys(o)) {
      const d = Reflect.getOwnPropertyDescriptor(o, key)!;
      row.push(key, 'value' in d ? d.value : d.get);
    }
    out.push(row);
  }
  out.push(Reflect.ownKeys(globalThis));
  return out;
}

function globalsChange(before: GlobalSnapshot, after: GlobalSnapshot): string | null {
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    const a = after[i]!;
    if (b.length === a.length && b.every((x, j) => Object.is(x, a[j]))) continue;
    const name = WATCHED[i]?.[0] ?? 'globalThis';
    const keysOf = (row: readonly unknown[]) => new Set(i < WATCHED.length ? row.filter((_, j) => j % 2 === 1) : row);
    const kb = keysOf(b);
    const ka = keysOf(a);
    const added = [...ka].filter((k) => !kb.has(k)).map(String);
    const removed = [...kb].filter((k) => !ka.has(k)).map(String);
    return `${name} changed${added.length > 0 ? `, gained ${added.join(', ')}` : ''}${removed.length > 0 ? `, lost ${removed.join(', ')}` : ''}`;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Results.

/** A place in a result: its parent place and the key, so that a path is spelled out only when reported. */
interface Place {
  readonly parent: Place | null;
  readonly key: string | number | symbol;
}

function pathText(place: Place | null): string {
  const keys: (string | number | symbol)[] = [];
  for (let p = place; p !== null; p = p.parent) keys.push(p.key);
  let out = 'result';
  for (const k of keys.reverse()) {
    out += typeof k === 'number' ? `[${k}]` : typeof k === 'symbol' ? `[${k.toString()}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  }
  return out;
}

function prototypeName(proto: unknown): string {
  if (proto === null) return 'null';
  const ctor = (proto as { constructor?: unknown }).constructor;
  if (typeof ctor === 'function' && ctor.prototype === proto) return `${ctor.name}.prototype`;
  return `another object (${show(proto).slice(0, 60)})`;
}

/** Everything wrong with a result: impure values, unfrozen objects, objects shared with the input, a changing JSON round trip. */
function resultProblems(result: unknown, inputObjects: ReadonlySet<object>): Violation[] {
  const found = new Map<string, string[]>();
  const add = (clause: string, detail: () => string) => {
    const list = found.get(clause) ?? [];
    if (list.length < 4) list.push(detail());
    found.set(clause, list);
  };
  const seen = new Set<object>();
  const stack: [unknown, Place | null][] = [[result, null]];
  while (stack.length > 0) {
    const [v, place] = stack.pop()!;
    switch (typeof v) {
      case 'number':
        if (!Number.isFinite(v) || Object.is(v, -0)) add('result holds NaN, Infinity or -0', () => `${pathText(place)} is ${Object.is(v, -0) ? '-0' : v}`);
        continue;
      case 'string':
      case 'boolean':
        continue;
      case 'object':
        if (v === null) continue;
        break;
      default:
        add('result is not plain data', () => `${pathText(place)} is ${typeof v === 'function' ? 'a function' : `a ${typeof v}`}`);
        continue;
    }
    const o = v as object;
    if (seen.has(o)) continue;
    seen.add(o);
    if (inputObjects.has(o)) add('result shares an object with the input', () => `${pathText(place)} is an object of the input`);
    const proto = Object.getPrototypeOf(o) as unknown;
    const array = Array.isArray(o);
    if (types.isProxy(o) || (array ? proto !== Array.prototype : proto !== Object.prototype)) {
      add('result is not plain data', () => `${pathText(place)} is ${show(o).slice(0, 60)}, whose prototype is ${prototypeName(proto)}`);
      continue;
    }
    if (!Object.isFrozen(o)) add('result is not deeply frozen', () => `${pathText(place)} is not frozen`);
    for (const key of Reflect.ownKeys(o)) {
      if (array && key === 'length') continue;
      const d = Reflect.getOwnPropertyDescriptor(o, key)!;
      const here: Place = { parent: place, key: array && typeof key === 'string' ? Number(key) : key };
      if (typeof key === 'symbol') add('result is not plain data', () => `${pathText(here)} is a symbol key`);
      else if (!('value' in d)) add('result is not plain data', () => `${pathText(here)} is an accessor`);
      else if (!d.enumerable) add('result is not plain data', () => `${pathText(here)} is not enumerable`);
      else stack.push([d.value, here]);
    }
    if (array) {
      const a = o as unknown[];
      for (let i = 0; i < a.length; i++) if (!(i in a)) add('result is not plain data', () => `${pathText(place)}[${i}] is a hole`);
    }
  }
  const out: Violation[] = [...found].map(([clause, details]) => ({ clause, detail: details.join('; ') }));
  if (out.length === 0) {
    try {
      const copy: unknown = JSON.parse(JSON.stringify(result) ?? 'null');
      if (!isDeepStrictEqual(copy, result)) out.push({ clause: 'result changes in a JSON round trip', detail: `round trip gives ${show(copy)}` });
    } catch (e) {
      out.push({ clause: 'result changes in a JSON round trip', detail: `JSON.stringify throws ${String(e)}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Errors.

/** The first frame of an error's stack inside the library, to say where it came from. */
function origin(e: unknown): string {
  const stack = typeof e === 'object' && e !== null ? (e as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return '';
  const frame = stack.split('\n').find((line) => line.includes('/src/'));
  if (frame === undefined) return '';
  const m = /\/(src\/[^):]+:\d+)/.exec(frame);
  return m === null ? '' : ` (from ${m[1]})`;
}

function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message.split('\n')[0]!.slice(0, 300)}${origin(e)}`;
  return `a thrown ${typeof e}: ${show(e).slice(0, 200)}`;
}

/** Every name an error path of the export may start with. */
function namesOf(spec: ExportSpec): string[] {
  return [...spec.params, ...Object.values(spec.aliases ?? {}).flat()];
}

function errorProblems(e: unknown, spec: ExportSpec, blame: string | null): Violation[] {
  if (!isMetricsError(e) || !(e instanceof MetricsError)) {
    return [{ clause: 'threw something other than a MetricsError', detail: describeThrown(e) }];
  }
  const out: Violation[] = [];
  const issues = e.issues as readonly unknown[];
  if (!Array.isArray(issues) || issues.length === 0) out.push({ clause: 'MetricsError without issues', detail: e.message });
  for (const issue of Array.isArray(issues) ? issues : []) {
    const { path, code } = issue as { path?: unknown; code?: unknown };
    const where = Array.isArray(path) ? `[${path.map((p) => JSON.stringify(p)).join(', ')}]` : show(path);
    const ok =
      Array.isArray(path) &&
      path.length > 0 &&
      path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0)) &&
      namesOf(spec).includes(path[0] as string);
    if (!ok) out.push({ clause: 'MetricsError path outside the arguments', detail: `path ${where} (arguments: ${spec.params.join(', ')}): ${e.message}` });
    if (typeof code !== 'string' || !CODES.has(code)) out.push({ clause: 'MetricsError with an unknown code', detail: `code ${show(code)} at ${where}` });
  }
  if (!isDeepStrictEqual(e.path, (issues[0] as { path?: unknown } | undefined)?.path) || e.code !== (issues[0] as { code?: unknown } | undefined)?.code) {
    out.push({ clause: 'MetricsError path or code differs from its first issue', detail: e.message });
  }
  if (e.metric !== spec.metric || !SOURCES.has(e.metric)) {
    out.push({
      clause: 'MetricsError names another metric',
      detail: `metric ${JSON.stringify(e.metric)}, expected ${JSON.stringify(spec.metric)}: ${e.message}`,
    });
  }
  if (blame !== null && e.path[0] !== blame && !(spec.aliases?.[blame] ?? []).includes(e.path[0] as string)) {
    out.push({
      clause: 'MetricsError blames the wrong argument',
      detail: `path [${e.path.map((p) => JSON.stringify(p)).join(', ')}], expected it to start at ${blame}: ${e.message}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// One call.

/**
 * What a call must do: return a result (`'valid'`); return one or throw a
 * `MetricsError` (`'either'`); throw a `MetricsError` (`'refuse'`, for a
 * value of the wrong kind, such as a non-plain object where a plain one goes).
 */
export type Expectation = 'valid' | 'either' | 'refuse';

/** The outcome of one checked call. */
export interface Checked {
  readonly violations: readonly Violation[];
  readonly result?: unknown;
  readonly error?: unknown;
  readonly ms: number;
}

/** Calls `spec` with `args` and checks every clause of the contract. */
export function checkCall(spec: ExportSpec, args: readonly unknown[], expectation: Expectation, blame: string | null = null): Checked {
  const protoIds = new Map<unknown, number>();
  const before = fingerprint(args, protoIds);
  const globalsBefore = snapshotGlobals();
  let result: unknown;
  let error: unknown;
  let threw = false;
  const start = performance.now();
  try {
    result = spec.call(args);
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - start;
  const violations: Violation[] = [];
  const globalChange = globalsChange(globalsBefore, snapshotGlobals());
  if (globalChange !== null) violations.push({ clause: 'a built-in prototype or global changed', detail: globalChange });
  const inputChange = firstDifference(before.tokens, fingerprint(args, protoIds).tokens);
  if (inputChange !== null) violations.push({ clause: 'input changed', detail: inputChange });
  if (ms > TIME_LIMIT_MS) violations.push({ clause: `call took longer than ${TIME_LIMIT_MS} ms`, detail: `${Math.round(ms)} ms` });
  if (threw) {
    if (expectation === 'valid') {
      const where = isMetricsError(error) ? ` at [${error.path.map((p) => JSON.stringify(p)).join(', ')}]` : '';
      violations.push({ clause: 'refused a valid input', detail: `${describeThrown(error)}${where}` });
      if (!isMetricsError(error)) violations.push(...errorProblems(error, spec, blame));
    } else {
      violations.push(...errorProblems(error, spec, blame));
    }
  } else {
    if (expectation === 'refuse') {
      const where = blame ?? 'an argument';
      violations.push({
        clause: 'accepted a value of the wrong kind',
        detail: `${where} held a value of the wrong kind; returned ${show(result).slice(0, 200)}`,
      });
    }
    violations.push(...resultProblems(result, before.objects));
    const extra = spec.checkResult?.(result, args) ?? null;
    if (extra !== null) violations.push({ clause: 'result is not what the export promises', detail: extra });
  }
  return { violations, result, error, ms };
}

/** Throws an error naming the export, the clauses broken and their details, when there are any. */
export function assertContract(spec: ExportSpec, checked: Checked): void {
  if (checked.violations.length === 0) return;
  const lines = checked.violations.map((v) => `  - ${v.clause}: ${v.detail}`);
  throw new Error(`${spec.name} broke the contract:\n${lines.join('\n')}`);
}

// ---------------------------------------------------------------------------
// Hostile variations of valid input.

/** Keys a hostile caller adds: the names of built-in properties, and others a metric does not know. */
const KEYS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'extra', '', '0', '-1', '1.5', 'metric', 'length'] as const;

/** A copy of generated data: plain objects and arrays copied (own `__proto__` keys kept), typed arrays and dates too. */
export function copyData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyData);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return (v as unknown as { slice(): unknown }).slice();
  if (types.isDate(v)) return new Date(Date.prototype.getTime.call(v));
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      Object.defineProperty(o, k, { value: copyData((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

interface Node {
  readonly parent: Record<string | number, unknown>;
  readonly key: string | number;
  readonly path: string;
  /** 0 for a whole argument, 1 for a field or element of it, and so on. */
  readonly depth: number;
}

/** Every value inside `root` with its parent, in a fixed order. */
function nodesOf(root: Record<string | number, unknown>, key: number, name: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ parent: root, key, path: name, depth: 0 }];
  while (stack.length > 0 && out.length < 400) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.parent[node.key];
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ parent: v as unknown as Record<number, unknown>, key: i, path: `${node.path}[${i}]`, depth: node.depth + 1 });
    } else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      for (const k of Object.keys(v).reverse())
        stack.push({ parent: v as Record<string, unknown>, key: k, path: `${node.path}[${JSON.stringify(k)}]`, depth: node.depth + 1 });
    }
  }
  return out;
}

const TYPED = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array] as const;

class Record2 {
  constructor(fields: object) {
    Object.assign(this, fields);
  }
}
class List extends Array<unknown> {}

/** The ways a value inside valid input is made hostile. */
const OPERATIONS_ON_NODES = [
  'set',
  'set',
  'set',
  'add-key',
  'delete',
  'null-prototype',
  'proxy',
  'class',
  'map',
  'freeze',
  'retype',
  'hole',
  'duplicate',
] as const;
type Operation = (typeof OPERATIONS_ON_NODES)[number];

function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies `op` at `node`; returns the note, or `null` when the operation does not apply there. */
function corrupt(node: Node, op: Operation, hostile: Made, pick: number): string | null {
  const v = node.parent[node.key];
  const replace = (value: unknown) => {
    node.parent[node.key] = value;
  };
  const isObject = typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  switch (op) {
    case 'set':
      replace(hostile.value);
      return `${node.path} := ${hostile.label}`;
    case 'add-key': {
      if (!isObject) return null;
      const key = KEYS[pick % KEYS.length]!;
      setOwn(v, key, hostile.value);
      return `${node.path} gets own key ${JSON.stringify(key)}: ${hostile.label}`;
    }
    case 'delete': {
      if (!isObject && !Array.isArray(v)) return null;
      const keys = Object.keys(v as object);
      if (keys.length === 0) return null;
      const key = keys[pick % keys.length]!;
      if (Array.isArray(v)) v.splice(Number(key), 1);
      else delete (v as Record<string, unknown>)[key];
      return `${node.path}[${JSON.stringify(key)}] deleted`;
    }
    case 'null-prototype':
      if (isObject) replace(Object.assign(Object.create(null), v));
      else if (Array.isArray(v)) replace(Object.setPrototypeOf([...v], null));
      else return null;
      return `${node.path} given a null prototype`;
    case 'proxy':
      if (typeof v !== 'object' || v === null) return null;
      replace(new Proxy(v, {}));
      return `${node.path} wrapped in new Proxy(..., {})`;
    case 'class':
      if (isObject) replace(new Record2(v));
      else if (Array.isArray(v)) replace(List.from(v));
      else return null;
      return `${node.path} made a class instance`;
    case 'map':
      if (!isObject) return null;
      replace(new Map(Object.entries(v)));
      return `${node.path} made a Map`;
    case 'freeze':
      if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return null;
      Object.freeze(v);
      return `${node.path} frozen`;
    case 'retype': {
      const T = TYPED[pick % TYPED.length]!;
      if (Array.isArray(v) && v.every((x) => typeof x === 'number')) replace(T.from(v as number[]));
      else if (ArrayBuffer.isView(v)) replace(T.from(v as unknown as ArrayLike<number>));
      else return null;
      return `${node.path} as a ${T.name}`;
    }
    case 'hole':
      if (!Array.isArray(v) || v.length === 0) return null;
      delete v[pick % v.length];
      return `${node.path}[${pick % v.length}] made a hole`;
    case 'duplicate':
      if (!Array.isArray(v) || v.length === 0) return null;
      v.push(v[pick % v.length]);
      return `${node.path} repeats its element ${pick % v.length}`;
  }
}

/** An edit made: its note, and whether it put a non-plain object (a class instance, a `Map`) where a plain object was, at what depth. */
interface Edited {
  readonly note: string;
  readonly nonPlain: boolean;
  readonly depth: number;
}

/** {@link corrupt} at the node `k` (modulo the number of nodes) of argument `i`, or `null` where the edit does not apply or an earlier edit froze its place. */
function tryCorrupt(args: unknown[], names: readonly string[], i: number, k: number, op: Operation, hostile: Made, pick: number): Edited | null {
  const nodes = nodesOf(args as unknown as Record<number, unknown>, i, names[i] ?? `args[${i}]`);
  const node = nodes[k % nodes.length]!;
  const v = node.parent[node.key];
  const plain = typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  try {
    const note = corrupt(node, op, hostile, pick);
    return note === null ? null : { note, nonPlain: plain && (op === 'class' || op === 'map'), depth: node.depth };
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

const anyHostile = hostileFrom(ALL_HOSTILE);

/** Hostile calls derived from valid or edge input: one or two values inside it corrupted, or a whole argument replaced. */
export function derivedHostile(spec: ExportSpec): fc.Arbitrary<Call> {
  const base = spec.wide === undefined ? spec.valid : fc.oneof({ arbitrary: spec.valid, weight: 1 }, { arbitrary: spec.wide, weight: 1 });
  // Valid input tagged as such: only there is a single corruption the one thing wrong.
  const tagged = fc.oneof(
    { arbitrary: spec.valid.map((args) => ({ args, valid: true })), weight: 1 },
    ...(spec.wide === undefined ? [] : [{ arbitrary: spec.wide.map((args) => ({ args, valid: false })), weight: 1 }]),
  );
  const position = fc.nat(spec.params.length - 1);
  const edit = fc.record({ i: position, k: fc.nat(), op: fc.constantFrom(...OPERATIONS_ON_NODES), hostile: anyHostile, pick: fc.nat() });
  const corrupted = fc.tuple(tagged, fc.array(edit, { minLength: 1, maxLength: 2 })).map(([raw, edits]) => {
    const args = raw.args.map(copyData);
    const done: (Edited & { readonly i: number })[] = [];
    for (const e of edits) {
      const edited = tryCorrupt(args, spec.params, e.i, e.k, e.op, e.hostile, e.pick);
      if (edited !== null) done.push({ ...edited, i: e.i });
    }
    const notes = done.map((d) => d.note);
    // A class instance or a Map where a plain object was in valid input is of the wrong kind (where the export reads that place).
    const only = done.length === 1 ? done[0]! : null;
    if (raw.valid && only?.nonPlain === true && (spec.readsSomeFields !== true || only.depth === 0)) {
      return new Call(spec.name, args, notes, 'refuse', spec.params[only.i]!);
    }
    return new Call(spec.name, args, notes);
  });
  const replaced = fc.tuple(base, position, anyHostile).map(([raw, i, x]) => {
    const args = raw.map(copyData);
    args[i] = x.value;
    return new Call(spec.name, args, [`${spec.params[i]} := ${x.label}`]);
  });
  const deep = fc.tuple(base, position, hostileFrom(DEEP), fc.nat()).map(([raw, i, x, k]) => {
    const args = raw.map(copyData);
    const edited = tryCorrupt(args, spec.params, i, k, 'set', x, 0);
    return new Call(spec.name, args, edited === null ? [] : [edited.note]);
  });
  const edge = spec.wide?.map((args) => new Call(spec.name, args, ['edge input'])) ?? null;
  // Deep nesting is costly to fingerprint (10,000 objects, twice): drawn rarely, it still comes up dozens of times per export.
  const parts: fc.WeightedArbitrary<Call>[] = [
    { arbitrary: corrupted, weight: 18 },
    { arbitrary: replaced, weight: 6 },
    { arbitrary: deep, weight: 1 },
  ];
  if (edge !== null) parts.push({ arbitrary: edge, weight: 6 });
  if (spec.hostile !== undefined) parts.push({ arbitrary: spec.hostile, weight: 9 });
  return fc.oneof(...parts);
}

/** Calls with a value certainly of the wrong kind at one position and neutral values elsewhere. */
export function blameCalls(spec: ExportSpec): fc.Arbitrary<Call> {
  const perPosition = spec.kinds.map((kind, i) =>
    hostileFrom(wrongKindsFor(kind) as Hostile[]).map((x) => {
      const args = spec.neutral();
      args[i] = x.value;
      return new Call(spec.name, args, [`${spec.params[i]} := ${x.label}`], 'refuse', spec.params[i]!);
    }),
  );
  return fc.oneof(...perPosition);
}
