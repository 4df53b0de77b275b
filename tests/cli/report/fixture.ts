/**
 * A report model as the command line would fill it, for the renderer's tests:
 * NPS by two dimensions over six months with changes and trends (a
 * significant change, a cell below the minimum count with no interval, a
 * small cell, an incomplete last month, negative values, a hostile segment
 * name), CSAT by one dimension without periods, and time to resolution
 * without segments per week.
 */
import type { ReportModel, ReportRow, ReportSection } from '../../../src/cli/report/model.js';

/** A segment name that is markup, quotes and an ampersand: it must be shown as text. */
export const HOSTILE = `<script>alert(1)</script>"'&`;

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] as const;

type Cell = readonly [
  n: number,
  value: number | null,
  lower: number | null,
  upper: number | null,
  p: number | null,
  pAdjusted: number | null,
  flags?: readonly string[],
];

/** One segment's six months of NPS: each month's cell, with the baseline (first month) and the incomplete last month flagged. */
function npsRows(region: string, plan: string, cells: readonly Cell[], significantIn?: string): ReportRow[] {
  return cells.map(([n, value, lower, upper, p, pAdjusted, flags = []], i) => {
    const period = MONTHS[i]!;
    const compared = pAdjusted !== null;
    return {
      segment: `${region} / ${plan}`,
      key: { region, plan },
      period,
      n,
      value,
      lower,
      upper,
      p,
      pAdjusted,
      significant: compared ? period === significantIn : null,
      flags: [...(i === 0 ? ['no-baseline'] : []), ...flags, ...(i === MONTHS.length - 1 ? ['incomplete-period'] : [])],
    };
  });
}

const nps: ReportSection = {
  id: 'nps-region-plan-month',
  title: 'NPS by region, plan, per month (UTC)',
  input: 'responses.csv',
  valueLabel: 'NPS (points)',
  by: ['region', 'plan'],
  periodUnit: 'month',
  rows: [
    ...npsRows(
      'EU',
      'pro',
      [
        [412, 42, 35.1, 48.9, null, null],
        [398, 44.5, 37.6, 51.4, 0.6123, 1],
        [405, 41, 34, 48, 0.4871, 1],
        [421, 47.2, 40.5, 53.9, 0.2013, 1],
        [436, 58.6, 52.4, 64.8, 0.000412345, 0.0082469],
        [118, 55, 43.1, 66.9, 0.6502, 1],
      ],
      '2026-05',
    ),
    ...npsRows('EU', 'free', [
      [230, 18, 8.4, 27.6, null, null],
      [244, 15.5, 6.1, 24.9, 0.7102, 1],
      [251, 20, 10.7, 29.3, 0.4954, 1],
      [239, 12, 2.3, 21.7, 0.2377, 1],
      [262, 22.4, 13.1, 31.7, 0.1187, 1],
      [71, 19, 1.6, 36.4, 0.7421, 1],
    ]),
    ...npsRows('US', 'free', [
      [188, -4, -14.6, 6.6, null, null],
      [195, 2, -8.3, 12.3, 0.4233, 1],
      [176, -8.5, -19.4, 2.4, 0.1702, 1],
      [12, 0, -48.3, 48.3, null, null, ['below-min-count']],
      [201, 3, -7.1, 13.1, 0.9123, 1],
      [64, -2, -20.9, 16.9, 0.6871, 1],
    ]),
    ...npsRows(HOSTILE, 'pro', [
      [150, 30, 19.2, 40.8, null, null],
      [3, 33.3, null, null, null, null, ['below-min-count']],
      [162, 35, 24.6, 45.4, 0.5111, 1],
      [158, 33, 22.4, 43.6, 0.7896, 1],
      [149, 31, 20.1, 41.9, 0.7901, 1],
      [40, null, null, null, null, null, ['below-min-count']],
    ]),
  ],
  changes: { against: 'previous period', adjust: 'holm', comparisons: 17 },
  trends: [
    { segment: 'EU / pro', slope: 2.61, lower: 1.02, upper: 4.2, pAdjusted: 0.00931, significant: true, unit: 'points per month' },
    { segment: 'EU / free', slope: 0.51, lower: -1.4, upper: 2.42, pAdjusted: 1, significant: false, unit: 'points per month' },
    { segment: 'US / free', slope: 0.43, lower: -1.9, upper: 2.76, pAdjusted: 1, significant: false, unit: 'points per month' },
    { segment: `${HOSTILE} / pro`, slope: null, lower: null, upper: null, pAdjusted: null, significant: null, unit: 'points per month' },
  ],
  notes: ['4 rows skipped: score missing.'],
};

const csat: ReportSection = {
  id: 'csat-region',
  title: 'CSAT by region',
  input: 'tickets.csv',
  valueLabel: 'CSAT (% satisfied)',
  by: ['region'],
  periodUnit: null,
  rows: [
    {
      segment: 'EU',
      key: { region: 'EU' },
      period: null,
      n: 1520,
      value: 86.4,
      lower: 84.6,
      upper: 88.1,
      p: null,
      pAdjusted: null,
      significant: null,
      flags: [],
    },
    {
      segment: 'US',
      key: { region: 'US' },
      period: null,
      n: 1304,
      value: 81.2,
      lower: 79,
      upper: 83.2,
      p: null,
      pAdjusted: null,
      significant: null,
      flags: [],
    },
    {
      segment: 'APAC',
      key: { region: 'APAC' },
      period: null,
      n: 9,
      value: 77.8,
      lower: 45.3,
      upper: 93.7,
      p: null,
      pAdjusted: null,
      significant: null,
      flags: ['below-min-count'],
    },
  ],
  changes: null,
  trends: null,
  notes: [],
};

const WEEKS = ['2026-W20', '2026-W21', '2026-W22', '2026-W23', '2026-W24', '2026-W25'] as const;
const TTR: readonly (readonly [number, number, number, number])[] = [
  [311, 6.5, 5.9, 7.2],
  [298, 6.1, 5.5, 6.8],
  [322, 6.8, 6.1, 7.4],
  [305, 5.7, 5.2, 6.3],
  [290, 5.9, 5.3, 6.6],
  [287, 5.2, 4.7, 5.8],
];

const ttr: ReportSection = {
  id: 'ttr-week',
  title: 'Median time to resolution per week (UTC)',
  input: 'tickets.csv',
  valueLabel: 'Median time to resolution (hours)',
  by: [],
  periodUnit: 'week',
  rows: TTR.map(([n, value, lower, upper], i) => ({
    segment: 'all',
    key: {},
    period: WEEKS[i]!,
    n,
    value,
    lower,
    upper,
    p: null,
    pAdjusted: null,
    significant: null,
    flags: [],
  })),
  changes: null,
  trends: [{ segment: 'all', slope: -0.21, lower: -0.39, upper: -0.03, pAdjusted: 0.0312, significant: true, unit: 'hours per week' }],
  notes: [],
};

/** The fixture report: three sections that between them use every part of the model. */
export const FIXTURE: ReportModel = {
  title: `Customer experience, H1 2026 ${HOSTILE}`,
  generatedAt: '2026-06-20T08:30:00Z',
  version: '0.1.0',
  sections: [nps, csat, ttr],
};
