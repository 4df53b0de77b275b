/**
 * Shares of one whole in percent, exact, and rounded so that they still sum
 * to exactly 100.
 *
 * The parts are integers (counts) or exact weight sums (dyadic rationals
 * brought to a common power of two), so every share `100 part / whole` is a
 * rational known exactly, and so is every remainder the rounding compares.
 */
import type { OutputFormat } from './decimal.js';
import type { Dyadic } from './exact-sum.js';
import { nearestDouble } from './rational.js';

/**
 * Percent shares of integer parts of one whole.
 *
 * Unrounded (`decimals` not set), each share is the double nearest to
 * `100 part / whole`. With `decimals`, the largest-remainder rule: each share
 * is first truncated to `decimals` places; the units still missing from 100
 * go, one each, to the shares with the largest remainders, the earlier share
 * first when remainders are equal; a share with no remainder gets none. The
 * remainders are compared exactly, as the integers
 * `(100 · 10^decimals · part) mod whole`.
 *
 * @param parts - Non-negative integers.
 * @returns One share per part; every share is `null` when the whole is 0.
 */
export function percentShares(parts: readonly bigint[], format: OutputFormat): (number | null)[] {
  let whole = 0n;
  for (const p of parts) whole += p;
  if (whole === 0n) return parts.map(() => null);
  if (format.decimals === null) return parts.map((p) => nearestDouble(100n * p, whole));
  const places = format.decimals;
  const scale = 100n * 10n ** BigInt(places);
  const units = parts.map((p) => (scale * p) / whole);
  const rests = parts.map((p, i) => scale * p - units[i]! * whole);
  let missing = scale;
  for (const u of units) missing -= u;
  const order = parts.map((_, i) => i).sort((i, j) => (rests[j]! > rests[i]! ? 1 : rests[j]! < rests[i]! ? -1 : i - j));
  for (const i of order) {
    if (missing <= 0n || rests[i] === 0n) break;
    units[i]! += 1n;
    missing -= 1n;
  }
  return units.map((u) => (u === 0n ? 0 : Number(`${u}e-${places}`)));
}

/** Percent shares of counts (safe integers), as {@link percentShares}. */
export function countShares(counts: readonly number[], format: OutputFormat): (number | null)[] {
  return percentShares(
    counts.map((c) => BigInt(c)),
    format,
  );
}

/** Percent shares of exact, non-negative weight sums, as {@link percentShares}: the sums are scaled to integers by one power of two. */
export function weightShares(sums: readonly Dyadic[], format: OutputFormat): (number | null)[] {
  let exponent = 0;
  for (const s of sums) if (s.mantissa !== 0n) exponent = Math.min(exponent, s.exponent);
  return percentShares(
    sums.map((s) => (s.mantissa === 0n ? 0n : s.mantissa << BigInt(s.exponent - exponent))),
    format,
  );
}
