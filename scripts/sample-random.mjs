/**
 * The seeded draws the sample-data scripts share, so that every run of a
 * script writes the same file.
 */

/** mulberry32: a 32-bit state, a full 2^32 period; returns uniforms on [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a seeded generator: `random()` on [0, 1), `between(lo, hi)` an integer, `pick(values, weights)` one of the values. */
export function draws(seed) {
  const random = mulberry32(seed);
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (values, weights) => {
    const total = weights.reduce((s, w) => s + w, 0);
    let u = random() * total;
    for (let i = 0; i < values.length; i++) {
      u -= weights[i];
      if (u < 0) return values[i];
    }
    return values.at(-1);
  };
  return { random, between, pick };
}
