/**
 * Writes examples/data/responses.json: about 2,400 synthetic survey
 * responses of a software product over the twelve months of 2026, each
 * `{ id, answeredAt, region, plan, score, satisfaction }` with `score` the
 * 0-10 recommendation answer (NPS) and `satisfaction` the 1-5 answer (CSAT).
 *
 * What the data holds:
 * - In EU the chance of a promoter rises by 1.5 percentage points a month
 *   and of a detractor falls by as much, so its NPS rises by 3 points a
 *   month (10 in January, 43 in December); its share of satisfied answers
 *   (4 or 5) rises by 1.5 points a month (66% to 82.5%). US and APAC draw
 *   from the same distribution every month.
 * - About 80 answers a month in EU, 70 in US and 50 in APAC; 22 in APAC in
 *   August.
 * - `answeredAt` is the local time in Berlin with the offset in force (+01:00
 *   in winter, +02:00 from 29 March to 25 October). In each month from
 *   February on, at least one EU answer falls in the first hour of the 1st
 *   in Berlin, which is still the previous month in UTC.
 *
 * Everything is drawn from a seeded PRNG (mulberry32), so every run writes
 * the same file. Rerun: node scripts/make-sample-responses.mjs
 */
import { writeFileSync } from 'node:fs';
import { draws } from './sample-random.mjs';

const SEED = 12;
const YEAR = 2026;
const HOUR = 3_600_000;
const OUT = new URL('../examples/data/responses.json', import.meta.url);

const { random, between, pick } = draws(SEED);

// Europe/Berlin in 2026: summer time (+02:00) from 29 March 01:00 UTC to 25 October 01:00 UTC.
const SUMMER_START = Date.UTC(YEAR, 2, 29, 1);
const SUMMER_END = Date.UTC(YEAR, 9, 25, 1);
const offsetHours = (utcMs) => (utcMs >= SUMMER_START && utcMs < SUMMER_END ? 2 : 1);

/** The instant of midnight on the 1st of `month` (0-11, 12 for next January) in Berlin. */
function monthStart(month) {
  const local = Date.UTC(YEAR, month, 1);
  return local - offsetHours(local - 2 * HOUR) * HOUR;
}

/** An instant as Berlin local time with its offset: `2026-03-31T23:50:12+02:00`. */
function berlinTime(utcMs) {
  const hours = offsetHours(utcMs);
  return `${new Date(utcMs + hours * HOUR).toISOString().slice(0, 19)}+0${hours}:00`;
}

/** The answer distributions of a region in a month (0-11). */
function shape(region, month) {
  switch (region) {
    case 'EU':
      return { promoter: 0.35 + 0.015 * month, detractor: 0.25 - 0.015 * month, satisfied: 0.66 + 0.015 * month };
    case 'US':
      return { promoter: 0.45, detractor: 0.2, satisfied: 0.8 };
    case 'APAC':
      return { promoter: 0.4, detractor: 0.22, satisfied: 0.75 };
    default:
      throw new Error(`unknown region ${region}`);
  }
}

const SIZES = { EU: [76, 88], US: [66, 78], APAC: [46, 56] };

function answer(region, month) {
  const s = shape(region, month);
  const u = random();
  const score = u < s.promoter ? pick([9, 10], [1, 1]) : u < 1 - s.detractor ? pick([7, 8], [1, 1]) : pick([0, 1, 2, 3, 4, 5, 6], [1, 1, 1, 2, 2, 3, 4]);
  const satisfaction = random() < s.satisfied ? pick([4, 5], [1, 1]) : pick([1, 2, 3], [1, 2, 4]);
  return { score, satisfaction };
}

const drawn = [];
for (let month = 0; month < 12; month++) {
  const start = monthStart(month);
  const end = monthStart(month + 1);
  for (const region of ['EU', 'US', 'APAC']) {
    const n = region === 'APAC' && month === 7 ? 22 : between(...SIZES[region]);
    for (let i = 0; i < n; i++) {
      // From February on, the first answer of EU's month comes in the first hour of the 1st, Berlin time.
      const early = month > 0 && region === 'EU' && i === 0;
      const t = early ? start + between(0, HOUR / 1000 - 1) * 1000 : start + Math.floor(random() * ((end - start) / 1000)) * 1000;
      drawn.push({ t, region, plan: random() < 0.6 ? 'free' : 'pro', ...answer(region, month) });
    }
  }
}
drawn.sort((a, b) => a.t - b.t);

const responses = drawn.map((r, i) => ({
  id: `r${String(i + 1).padStart(4, '0')}`,
  answeredAt: berlinTime(r.t),
  region: r.region,
  plan: r.plan,
  score: r.score,
  satisfaction: r.satisfaction,
}));

// Answers whose month in Berlin is not their month in UTC.
const early = responses.filter((r) => new Date(r.answeredAt).toISOString().slice(0, 7) !== r.answeredAt.slice(0, 7)).length;

const description =
  'Synthetic survey responses of a software product over 2026, for the demo and the docs. score is the 0-10 recommendation answer (NPS), satisfaction the 1-5 answer (CSAT). ' +
  "EU's chances of a promoter and of a satisfied answer rise by 1.5 percentage points a month and its chance of a detractor falls by as much, so its NPS rises by 3 points a month; US and APAC stay the same all year. " +
  'APAC has 22 answers in August. answeredAt is Berlin time with its offset (+01:00, or +02:00 from 29 March to 25 October); ' +
  `${early} answers were given in the first hours of a month in Berlin, still the previous month in UTC (at least one EU answer a month from February on). ` +
  'Made by scripts/make-sample-responses.mjs.';

const lines = responses.map((r) => `  ${JSON.stringify(r)}`);
writeFileSync(OUT, `{\n"description": ${JSON.stringify(description)},\n"responses": [\n${lines.join(',\n')}\n]\n}\n`);
console.log(`wrote ${responses.length} responses to ${OUT.pathname}`);
