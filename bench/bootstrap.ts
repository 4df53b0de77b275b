/**
 * The seeded NPS bootstrap: 2,000 resamples of n answers through exact
 * binomial draws, against the naive bootstrap that draws n categorical
 * answers per resample (Math.random-free, the same xoshiro128** stream).
 * Target: n = 10^6 with 2,000 resamples well under a second; the
 * cost must not grow with n (the naive one grows linearly).
 */

import { bootstrapNpsInterval } from '../src/core/stats/nps-bootstrap.js';
import { xoshiro128ss } from '../src/core/stats/random.js';
import { measure, ratio } from './harness.js';

const RESAMPLES = 2000;

/** The textbook bootstrap: for each resample, n uniform draws sorted into the three groups. */
function naiveBootstrap(promoters: number, passives: number, detractors: number, resamples: number): number[] {
  const n = promoters + passives + detractors;
  const random = xoshiro128ss(1);
  const scores: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let p = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const u = random.nextDouble() * n;
      if (u < promoters) p++;
      else if (u >= promoters + passives) d++;
    }
    scores.push((100 * (p - d)) / n);
  }
  return scores.sort((a, b) => a - b);
}

export async function run(): Promise<boolean> {
  let ok = true;
  for (const n of [1e3, 1e5, 1e6, 1e7]) {
    const counts = { promoters: 0.45 * n, passives: 0.35 * n, detractors: 0.2 * n };
    // The naive bootstrap at 2,000 resamples of 10^6 answers takes about a minute: time it on fewer resamples and scale.
    const naiveResamples = n >= 1e6 ? 2 : n >= 1e5 ? 20 : RESAMPLES;
    const times = await measure(`NPS bootstrap, ${RESAMPLES} resamples`, n, [
      { name: 'bootstrapNpsInterval', fn: () => bootstrapNpsInterval(counts, 0.95, RESAMPLES, 1) },
      { name: `naive bootstrap (${naiveResamples} resamples)`, fn: () => naiveBootstrap(counts.promoters, counts.passives, counts.detractors, naiveResamples) },
    ]);
    const ms = times.get('bootstrapNpsInterval')!;
    const met = ms < 1000;
    ok &&= met;
    console.log(`  bootstrapNpsInterval: ${ms.toFixed(2)} ms per interval  target < 1000 ms: ${met ? 'met' : 'MISSED'}`);
    const scaled = new Map([
      ...times,
      ['naive, scaled to 2000 resamples', times.get(`naive bootstrap (${naiveResamples} resamples)`)! * (RESAMPLES / naiveResamples)],
    ]);
    ratio(scaled, 'naive, scaled to 2000 resamples', 'bootstrapNpsInterval');
  }
  return ok;
}
