/**
 * The errors of the numerical kernels. They take validated arguments: a value
 * outside a function's domain is a caller's bug and throws a `RangeError`,
 * never a `MetricsError`.
 */

/**
 * Throws the `RangeError` for an argument outside a function's domain.
 *
 * @param name - The function whose argument it is.
 * @param value - The argument received.
 * @param what - What was expected, e.g. `'a probability from 0 to 1'`.
 * @throws RangeError always.
 */
export function domainError(name: string, value: unknown, what: string): never {
  throw new RangeError(`${name}: expected ${what}, received ${String(value)}`);
}

/**
 * Checks that `p` is a probability, `0 <= p <= 1`.
 *
 * @throws RangeError when it is not (NaN included).
 */
export function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) domainError(name, p, 'a probability from 0 to 1');
}
