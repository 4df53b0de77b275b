/**
 * "Nothing is lost": a result accounts for every item of its input. Each
 * check reads a result field by field and compares it with the input it
 * came from; it returns what does not add up, or `null`. Inputs may be
 * hostile, so they are read through own data properties only, and a check
 * that cannot tell (an input that is not an array) passes.
 */

/** The length of an array or typed array (a proxy of one included), or `null`. */
export function lengthOf(input: unknown): number | null {
  if (Array.isArray(input)) return input.length;
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) return (input as unknown as ArrayLike<unknown>).length;
  return null;
}

/** An own data property of an object, or `undefined`. */
export function own(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const d = Reflect.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

/** The sum of the own enumerable values of an object that are numbers. */
export function sumOfValues(o: unknown): number {
  if (typeof o !== 'object' || o === null) return Number.NaN;
  let total = 0;
  for (const key of Reflect.ownKeys(o)) {
    const d = Reflect.getOwnPropertyDescriptor(o, key);
    if (d?.enumerable && typeof d.value === 'number') total += d.value;
  }
  return total;
}

function num(o: unknown, ...path: string[]): number {
  let v = o;
  for (const k of path) v = own(v, k);
  return typeof v === 'number' ? v : Number.NaN;
}

/** The result's metric is `metric`. */
export function hasMetric(metric: string) {
  return (result: unknown): string | null =>
    own(result, 'metric') === metric ? null : `metric is ${JSON.stringify(own(result, 'metric'))}, expected ${JSON.stringify(metric)}`;
}

/** `counted(result) + excluded` equals the number of answers in the first argument. */
export function accountsFor(metric: string, counted: (result: unknown) => number) {
  return (result: unknown, args: readonly unknown[]): string | null => {
    const wrongMetric = hasMetric(metric)(result);
    if (wrongMetric !== null) return wrongMetric;
    const n = lengthOf(args[0]);
    if (n === null) return null;
    const excluded = own(result, 'excluded');
    const accounted = counted(result) + (typeof excluded === 'number' ? excluded : 0);
    return accounted === n ? null : `accounts for ${accounted} of ${n} input items (nothing may be dropped)`;
  };
}

/** The total of a result from a tally equals the tally's counts. */
export function totalIs(metric: string, expected: (counts: unknown) => number, field = 'total') {
  return (result: unknown, args: readonly unknown[]): string | null => {
    const wrongMetric = hasMetric(metric)(result);
    if (wrongMetric !== null) return wrongMetric;
    const want = expected(args[0]);
    const got = num(result, field);
    return Number.isNaN(want) || Object.is(want, got) || want === got ? null : `${field} is ${got}, but the tally holds ${want} (nothing may be dropped)`;
  };
}

export { num };
