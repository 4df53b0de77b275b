import { describe, expect, it } from 'vitest';
import type { ReportRow, ReportSection } from '../../../src/cli/report/model.js';
import { hasPeriods, lastPeriodRows, sectionPeriods, sectionSegments } from '../../../src/cli/report/shape.js';

const r = (segment: string, period: string | null): ReportRow => ({
  segment,
  key: {},
  period,
  n: 1,
  value: 1,
  lower: null,
  upper: null,
  p: null,
  pAdjusted: null,
  significant: null,
  flags: [],
});

const section = (periodUnit: string | null, rows: readonly ReportRow[]): ReportSection => ({
  id: 's',
  title: 'S',
  input: 'in.csv',
  valueLabel: 'v',
  by: ['region'],
  periodUnit,
  rows,
  changes: null,
  trends: null,
  notes: [],
});

describe('hasPeriods', () => {
  it('is true when the unit is set or a row has a period', () => {
    expect(hasPeriods(section(null, [r('EU', null)]))).toBe(false);
    expect(hasPeriods(section('month', []))).toBe(true);
    expect(hasPeriods(section(null, [r('EU', '2026-01')]))).toBe(true);
  });
});

describe('sectionSegments', () => {
  it('lists each segment once, in order of first appearance', () => {
    expect(sectionSegments(section('month', [r('EU', '2026-01'), r('US', '2026-01'), r('EU', '2026-02')]))).toStrictEqual(['EU', 'US']);
  });
});

describe('sectionPeriods', () => {
  it('orders calendar labels in time, whatever the order of the rows', () => {
    expect(sectionPeriods(section('month', [r('EU', '2026-02'), r('EU', '2025-12'), r('US', '2026-01'), r('US', '2026-02')]))).toStrictEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(sectionPeriods(section('week', [r('a', '2026-W10'), r('a', '2025-W52'), r('a', '2026-W01')]))).toStrictEqual(['2025-W52', '2026-W01', '2026-W10']);
    expect(sectionPeriods(section('quarter', [r('a', 'FY2026-Q1'), r('a', 'FY2025-Q4')]))).toStrictEqual(['FY2025-Q4', 'FY2026-Q1']);
  });

  it('orders extended years by their number, not their text', () => {
    expect(sectionPeriods(section('year', [r('a', '+010000'), r('a', '9999'), r('a', '-000001'), r('a', '0000')]))).toStrictEqual([
      '-000001',
      '0000',
      '9999',
      '+010000',
    ]);
  });

  it('keeps the order of first appearance for label periods and for labels that are not calendar ones', () => {
    expect(sectionPeriods(section('label', [r('a', 'spring'), r('a', 'autumn'), r('b', 'spring')]))).toStrictEqual(['spring', 'autumn']);
    expect(sectionPeriods(section('month', [r('a', '2026-02'), r('a', 'launch')]))).toStrictEqual(['2026-02', 'launch']);
  });

  it('leaves out rows without a period', () => {
    expect(sectionPeriods(section('month', [r('a', null), r('a', '2026-01')]))).toStrictEqual(['2026-01']);
    expect(sectionPeriods(section(null, [r('a', null)]))).toStrictEqual([]);
  });
});

describe('lastPeriodRows', () => {
  it('takes the rows of the last period in time', () => {
    const rows = [r('EU', '2026-02'), r('EU', '2026-01'), r('US', '2026-02')];
    expect(lastPeriodRows(section('month', rows))).toStrictEqual({ period: '2026-02', rows: [rows[0], rows[2]] });
  });

  it('takes every row without periods', () => {
    const rows = [r('EU', null), r('US', null)];
    expect(lastPeriodRows(section(null, rows))).toStrictEqual({ period: null, rows });
  });
});
