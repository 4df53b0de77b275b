/**
 * Reference vectors for time to resolution, each with its source.
 *
 * - Business-hours vectors: two weekday examples and hand
 *   calculations written out in docs/metrics/time-to-resolution.md, with the
 *   zone's offsets from the IANA tz database (Europe/Amsterdam changes from
 *   +01:00 to +02:00 at 01:00 UTC on 2026-03-29 and back at 01:00 UTC on
 *   2026-10-25).
 * - Kaplan-Meier vectors: R 4.2.2 with survival 3.5-3, produced by
 *   tests/vectors/scripts/ttr-km.R. Quantiles are observed durations or
 *   midpoints of two and compare exactly; R computes the restricted mean
 *   in doubles, so `rmean` compares within 1e-12 relative.
 */
import type { TimeToResolutionOptions, TimeToResolutionTicket } from '../../src/index.js';
import type { Vector } from './survey.js';

const H = 3_600_000;
const WEEKDAYS_9_TO_18 = {
  mon: ['09:00', '18:00'],
  tue: ['09:00', '18:00'],
  wed: ['09:00', '18:00'],
  thu: ['09:00', '18:00'],
  fri: ['09:00', '18:00'],
} as const;

type Durations = { resolved: number[]; censored: number[] };

/** Tickets through `timeToResolutionCounts`: the durations they tally to. */
export const ttrDurationVectors: Vector<TimeToResolutionTicket[], TimeToResolutionOptions, Durations>[] = [
  {
    name: 'opened Monday 16:00, hours Mon-Fri 09:00-18:00: 2 business hours by Monday close',
    source: 'business hours example 1 in docs/metrics/time-to-resolution.md; hand calculation 16:00 to 18:00',
    input: [{ openedAt: '2026-03-02T16:00:00+01:00' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS_9_TO_18 }, open: 'censor', asOf: '2026-03-02T18:00:00+01:00' },
    expected: { resolved: [], censored: [2 * H] },
  },
  {
    name: 'the same ticket still open at 20:00 Monday: still 2 business hours',
    source: 'business hours example 1 in docs/metrics/time-to-resolution.md; hand calculation: no working time after 18:00',
    input: [{ openedAt: '2026-03-02T16:00:00+01:00' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS_9_TO_18 }, open: 'censor', asOf: '2026-03-02T20:00:00+01:00' },
    expected: { resolved: [], censored: [2 * H] },
  },
  {
    name: 'opened Friday 17:00, resolved Monday 10:00: 2 business hours',
    source: 'business hours example 2 in docs/metrics/time-to-resolution.md; hand calculation: Friday 17:00-18:00 plus Monday 09:00-10:00',
    input: [{ openedAt: '2026-03-06T17:00:00+01:00', resolvedAt: '2026-03-09T10:00:00+01:00' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS_9_TO_18 } },
    expected: { resolved: [2 * H], censored: [] },
  },
  {
    name: 'Friday 17:00 to Monday 10:00 in New York, across the US spring-forward (2026-03-08)',
    source: 'hand calculation in docs/metrics/time-to-resolution.md: 1 h on Friday (UTC-5) plus 1 h on Monday (UTC-4); calendar time 64 h',
    input: [{ openedAt: '2026-03-06T17:00:00-05:00', resolvedAt: '2026-03-09T10:00:00-04:00' }],
    options: { businessHours: { timeZone: 'America/New_York', days: WEEKDAYS_9_TO_18 } },
    expected: { resolved: [2 * H], censored: [] },
  },
  {
    name: 'Friday 16:30 to Monday 11:00 in Amsterdam, across the spring-forward weekend',
    source: 'hand calculation in docs/metrics/time-to-resolution.md: 1.5 h on Friday plus 2 h on Monday = 3.5 h; calendar 65.5 h',
    input: [{ openedAt: '2026-03-27T16:30:00+01:00', resolvedAt: '2026-03-30T11:00:00+02:00' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS_9_TO_18 } },
    expected: { resolved: [3.5 * H], censored: [] },
  },
  {
    name: 'the same ticket in calendar time',
    source: 'hand calculation: 2026-03-27T15:30Z to 2026-03-30T09:00Z = 65.5 h',
    input: [{ openedAt: '2026-03-27T16:30:00+01:00', resolvedAt: '2026-03-30T11:00:00+02:00' }],
    expected: { resolved: [65.5 * H], censored: [] },
  },
  {
    name: 'round-the-clock hours over the spring-forward day: the short day has 23 hours',
    source: 'hand calculation: Saturday 12:00 (+01:00) to Sunday 12:00 (+02:00) is 11:00Z to 10:00Z = 23 h',
    input: [{ openedAt: '2026-03-28T12:00:00+01:00', resolvedAt: '2026-03-29T12:00:00+02:00' }],
    options: {
      businessHours: {
        timeZone: 'Europe/Amsterdam',
        days: { ...WEEKDAYS_9_TO_18, mon: ['00:00', '24:00'], sat: ['00:00', '24:00'], sun: ['00:00', '24:00'] },
      },
    },
    expected: { resolved: [23 * H], censored: [] },
  },
  {
    name: 'a window opening inside the spring-forward gap opens when the clock jumps',
    source:
      'hand calculation in docs/metrics/time-to-resolution.md: Sunday 02:30-05:00 on 2026-03-29; 02:00-03:00 does not exist, so 03:00 (01:00Z) to 05:00 (03:00Z) = 2 h',
    input: [{ openedAt: '2026-03-28T00:00:00Z', resolvedAt: '2026-03-30T00:00:00Z' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: { sun: ['02:30', '05:00'] } } },
    expected: { resolved: [2 * H], censored: [] },
  },
  {
    name: 'a window opening inside the fall-back overlap opens at its first occurrence',
    source:
      'hand calculation in docs/metrics/time-to-resolution.md: Sunday 02:30-04:00 on 2026-10-25; first 02:30 is 00:30Z (+02:00), 04:00 is 03:00Z (+01:00): 2.5 h',
    input: [{ openedAt: '2026-10-24T00:00:00Z', resolvedAt: '2026-10-26T00:00:00Z' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: { sun: ['02:30', '04:00'] } } },
    expected: { resolved: [2.5 * H], censored: [] },
  },
  {
    name: 'a holiday is closed all day',
    source: 'hand calculation: Friday 2026-04-03 17:00 to Tuesday 2026-04-07 10:00 with Easter Monday 2026-04-06 a holiday: 1 h + 1 h',
    input: [{ openedAt: '2026-04-03T17:00:00+02:00', resolvedAt: '2026-04-07T10:00:00+02:00' }],
    options: { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS_9_TO_18, holidays: ['2026-04-06'] } },
    expected: { resolved: [2 * H], censored: [] },
  },
  {
    name: 'a zone that changed its clocks at midnight: Sao Paulo, 2018-11-04 began at 01:00',
    source: 'IANA tz database, America/Sao_Paulo: DST from 2018-11-04 00:00 (-03:00 to -02:00); hand calculation: Sunday ran 23 h',
    input: [{ openedAt: '2018-11-03T12:00:00-03:00', resolvedAt: '2018-11-05T12:00:00-02:00' }],
    options: { businessHours: { timeZone: 'America/Sao_Paulo', days: { sun: ['00:00', '24:00'] } } },
    expected: { resolved: [23 * H], censored: [] },
  },
  {
    name: 'reopened ticket: first resolution',
    source: 'Zendesk, "About native Support time duration metrics": first resolution time runs from creation to the first solve; hand calculation 1 h',
    input: [{ openedAt: '2026-03-02T09:00:00Z', firstResolvedAt: '2026-03-02T10:00:00Z', resolvedAt: '2026-03-03T09:00:00Z' }],
    options: { resolution: 'first' },
    expected: { resolved: [1 * H], censored: [] },
  },
  {
    name: 'reopened ticket: full resolution',
    source: 'Zendesk, "About native Support time duration metrics": full resolution time runs from creation to the latest solve; hand calculation 24 h',
    input: [{ openedAt: '2026-03-02T09:00:00Z', firstResolvedAt: '2026-03-02T10:00:00Z', resolvedAt: '2026-03-03T09:00:00Z' }],
    expected: { resolved: [24 * H], censored: [] },
  },
];

type Summary = {
  value: number | null;
  mean: number | null;
  median: number | null;
  p90: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
};

/** Tickets through `timeToResolution`: the whole summary. */
export const ttrSummaryVectors: Vector<TimeToResolutionTicket[], TimeToResolutionOptions, Summary>[] = [
  {
    name: 'worked example of docs/metrics/time-to-resolution.md, open excluded',
    source: 'hand calculation in docs/metrics/time-to-resolution.md: resolved in 1, 2, 3, 5 and 9 h; one open',
    input: [
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T10:00:00+01:00' },
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T11:00:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T13:00:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T15:00:00+01:00' },
      { openedAt: '2026-03-02T11:00:00+01:00', resolvedAt: '2026-03-02T20:00:00+01:00' },
      { openedAt: '2026-03-02T12:00:00+01:00', resolvedAt: null },
    ],
    expected: { value: 3 * H, mean: 4 * H, median: 3 * H, p90: 9 * H, p95: 9 * H, min: 1 * H, max: 9 * H },
  },
  {
    name: 'worked example, open ticket censored at 21:00',
    source: 'hand calculation in docs/metrics/time-to-resolution.md: the open ticket is censored at 9 h, after every resolution, so S = 1/6 after 9 h',
    input: [
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T10:00:00+01:00' },
      { openedAt: '2026-03-02T09:00:00+01:00', resolvedAt: '2026-03-02T11:00:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T13:00:00+01:00' },
      { openedAt: '2026-03-02T10:00:00+01:00', resolvedAt: '2026-03-02T15:00:00+01:00' },
      { openedAt: '2026-03-02T11:00:00+01:00', resolvedAt: '2026-03-02T20:00:00+01:00' },
      { openedAt: '2026-03-02T12:00:00+01:00', resolvedAt: null },
    ],
    options: { open: 'censor', asOf: '2026-03-02T21:00:00+01:00' },
    expected: { value: 4 * H, mean: (29 * H) / 6, median: 4 * H, p90: null, p95: null, min: 1 * H, max: 9 * H },
  },
  {
    name: 'odd count: the middle duration',
    source: 'hand calculation: sorted 60, 120, 600 s: median 120 s; p90 and p95 rank ceil(2.7) = ceil(2.85) = 3',
    input: [
      { openedAt: 0, resolvedAt: 600_000 },
      { openedAt: 0, resolvedAt: 60_000 },
      { openedAt: 0, resolvedAt: 120_000 },
    ],
    expected: { value: 120_000, mean: 260_000, median: 120_000, p90: 600_000, p95: 600_000, min: 60_000, max: 600_000 },
  },
  {
    name: 'even count: the median ends in half a millisecond',
    source: 'hand calculation: (1 + 2) / 2 = 1.5 ms',
    input: [
      { openedAt: 0, resolvedAt: 1 },
      { openedAt: 10, resolvedAt: 12 },
    ],
    expected: { value: 1.5, mean: 1.5, median: 1.5, p90: 2, p95: 2, min: 1, max: 2 },
  },
];

/** Durations through `timeToResolutionFromCounts` under `open: 'censor'`. */
export interface KaplanMeierVector {
  readonly name: string;
  readonly resolved: number[];
  readonly censored: number[];
  readonly median: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly rmean: number;
}

export const KAPLAN_MEIER_SOURCE =
  'R 4.2.2, survival 3.5-3: quantile(survfit(Surv(time, status) ~ 1), c(0.5, 0.9, 0.95)) and summary(fit, rmean = "common"); tests/vectors/scripts/ttr-km.R';

// generated by ttr-km.R: begin
export const kaplanMeierVectors: KaplanMeierVector[] = [
  {
    name: '6 tickets, 2 open (minutes)',
    resolved: [120000, 180000, 300000, 480000],
    censored: [60000, 180000],
    median: 300000,
    p90: 480000,
    p95: 480000,
    rmean: 294000,
  },
  {
    name: '10 resolved, none open (hours)',
    resolved: [3600000, 7200000, 10800000, 14400000, 18000000, 21600000, 25200000, 28800000, 32400000, 36000000],
    censored: [],
    median: 19800000,
    p90: 34200000,
    p95: 36000000,
    rmean: 19800000,
  },
  {
    name: '8 tickets, the 3 longest open',
    resolved: [3600000, 7200000, 14400000, 21600000, 25200000],
    censored: [28800000, 32400000, 36000000],
    median: 23400000,
    p90: null,
    p95: null,
    rmean: 22500000,
  },
  {
    name: 'ties between resolved and open',
    resolved: [7200000, 7200000, 7200000, 14400000, 14400000, 21600000, 32400000],
    censored: [7200000, 14400000, 14400000, 25200000],
    median: 21600000,
    p90: 32400000,
    p95: 32400000,
    rmean: 19916883.116883118,
  },
  {
    name: 'seeded month, 60 tickets',
    resolved: [
      3624000, 44156000, 47160000, 34676000, 53322000, 11012000, 36212000, 1024000, 86897000, 16212000, 6361000, 20004000, 18219000, 2641000, 11468000,
      17483000, 14463000, 15177000, 29032000, 29425000, 93666000, 24114000, 52295000, 6358000, 19030000, 3895000, 6024000, 7848000, 89422000, 46952000,
      45143000, 5973000, 18277000, 117531000, 12660000, 49352000, 40158000, 10254000, 22933000, 18290000, 131567000, 7433000, 35898000, 9964000, 90173000,
      6966000, 9997000, 73217000, 193243000, 199802000, 11323000, 14075000, 18064000, 12133000, 3638000, 32941000, 6085000, 15920000, 14506000,
    ],
    censored: [83155000],
    median: 18248000,
    p90: 90173000,
    p95: 131567000,
    rmean: 36682927.083333321,
  },
  {
    name: 'seeded month, 400 tickets, slow desk',
    resolved: [
      29074000, 409302000, 1093616000, 24380000, 285123000, 21870000, 111586000, 60671000, 551626000, 2781000, 65371000, 147631000, 35936000, 42263000,
      15475000, 54354000, 307914000, 8608000, 20478000, 10960000, 515228000, 4704000, 162869000, 1689008000, 311914000, 1278000, 14978000, 34239000, 8683000,
      499822000, 660718000, 789000, 16957000, 79623000, 10726000, 253951000, 229562000, 56995000, 51611000, 189573000, 23525000, 408230000, 357285000, 2786000,
      101573000, 36940000, 61024000, 37450000, 166127000, 37612000, 1704280000, 481978000, 1910000, 9918000, 175288000, 101831000, 480394000, 558693000,
      16800000, 6412000, 1393597000, 544831000, 27866000, 14760000, 74037000, 19355000, 217611000, 13599000, 173478000, 14644000, 22881000, 321337000, 18132000,
      143256000, 168607000, 268022000, 39017000, 40826000, 380002000, 37074000, 168699000, 62979000, 296161000, 6978000, 81238000, 1450617000, 180533000,
      1107000, 62091000, 73626000, 234612000, 41693000, 123436000, 21634000, 85178000, 6800000, 28747000, 96268000, 15201000, 58244000, 16177000, 4452000,
      860422000, 188127000, 32591000, 52395000, 159889000, 12819000, 319000, 14606000, 180173000, 2584000, 361182000, 2013662000, 52997000, 11145000, 222650000,
      6552000, 25108000, 62344000, 36905000, 319873000, 4326000, 8051000, 35086000, 702538000, 179841000, 363944000, 221042000, 33660000, 434895000, 169299000,
      106909000, 59159000, 15868000, 52187000, 754590000, 89539000, 22186000, 602630000, 182480000, 283068000, 760857000, 674273000, 20690000, 33726000,
      3858000, 10245000, 515327000, 189329000, 304382000, 255654000, 22928000, 7104000, 57236000, 230020000, 208409000, 35690000, 1145649000, 309697000,
      12904000, 142872000, 4274000, 15091000, 116989000, 703000, 163312000, 19851000, 6632000, 81822000, 102196000, 69396000, 111155000, 63489000, 20751000,
      56828000, 19381000, 12992000, 58744000, 31991000, 20572000, 4584000, 225077000, 15316000, 109400000, 2262000, 36435000, 150106000, 119490000, 127832000,
      23952000, 10492000, 28024000, 634760000, 340609000, 9650000, 5377000, 383581000, 11833000, 318397000, 1202929000, 13003000, 432549000, 217857000, 9717000,
      197326000, 6077000, 64515000, 12375000, 17999000, 21429000, 33053000, 1020001000, 140949000, 3575000, 342573000, 50966000, 13971000, 234901000, 6990000,
      62932000, 793106000, 3722000, 2274000, 51461000, 115692000, 873620000, 38554000, 170744000, 438711000, 398803000, 24058000, 20815000, 8878000, 320911000,
      4836000, 6214000, 5094000, 245517000, 69682000, 15060000, 314447000, 438410000, 22871000, 335973000, 168521000, 1664000, 38996000, 81710000, 146817000,
      790871000, 52606000, 11293000, 100163000, 5914000, 68188000, 32842000, 139844000, 172290000, 16774000, 264544000, 3186000, 201341000, 34959000, 146033000,
      1131298000, 689592000, 725153000, 91742000, 28888000, 10324000, 171601000, 22405000, 41946000, 5001000, 494263000, 442369000, 2195000, 231917000,
      112723000, 286108000, 145401000, 93047000, 265142000, 1014279000, 181980000, 345013000, 207670000, 407794000, 20183000, 32626000, 282360000, 115655000,
      255426000, 66811000, 139796000, 133083000, 1834000, 690992000, 104210000, 3419000, 174727000, 64313000, 419729000, 13992000, 22237000, 158348000,
      35235000, 199762000, 330293000, 820489000, 1630195000, 13119000, 18526000, 18104000, 22417000, 338411000, 16580000, 55020000, 199520000, 8895000,
      1048836000, 578859000, 10058000, 12753000, 23232000, 8233000, 383063000, 9524000, 254729000, 132380000, 2928000, 166525000, 193576000, 79413000,
      239127000, 12249000, 10370000, 44576000, 265213000, 268704000, 785244000, 5586000, 148815000, 31521000, 5006000, 45546000, 83853000, 86957000, 3105000,
    ],
    censored: [
      226351000, 325172000, 18962000, 405812000, 40993000, 483380000, 12242000, 528455000, 283904000, 1377211000, 1238211000, 1967845000, 2356785000, 295857000,
      370957000, 2212355000, 174332000, 96316000, 939700000, 571278000, 516966000, 329510000, 1624682000, 56564000, 67442000, 458862000, 866746000, 671114000,
      675918000, 1381515000, 646268000, 41626000, 243305000, 1331473000, 1038801000, 210961000, 2145794000, 354989000, 1438106000, 2487761000, 1613737000,
      120258000, 1898362000, 1576321000, 360982000, 30800000, 1217407000, 420104000, 1145152000, 1558006000,
    ],
    median: 104210000,
    p90: 1093616000,
    p95: 2013662000,
    rmean: 353283421.78535229,
  },
];

// generated by ttr-km.R: end

/**
 * Where this library and R differ on purpose: the survival curve rests at
 * exactly 0.5 after the last resolution, so the flat stretch that defines the
 * median has no observed end. R's quantile.survfit returns the midpoint with
 * the longest censored time (3 h), summary.survfit the start of the stretch
 * (2 h); the data say only "2 h or later", so the median is null.
 */
export const kaplanMeierOpenEnded = {
  name: 'survival rests at exactly 0.5 after the last resolution',
  source: 'hand calculation in docs/metrics/time-to-resolution.md; R 4.2.2 survival 3.5-3 gives 3 h (quantile) and 2 h (summary table)',
  input: { resolved: [1 * H, 2 * H], censored: [3 * H, 4 * H], open: 2 },
  expected: { median: null, p90: null, p95: null, mean: 2.75 * H },
} as const;
