/**
 * A deliberately naive second implementation of `mrrSeries` and `cohorts`
 * (the semantics of /work/notes/revenue-semantics.md), for the oracle
 * property test. Nothing here shares code with src/revenue or
 * src/core/time: period boundaries are local midnights found by bisection
 * on `Intl.DateTimeFormat`, labels are built by hand, and every customer's
 * MRR at every boundary is found by scanning all of their changes. Amounts
 * are exact BigInt units at the input's common scale; rates are the nearest
 * double of an exact rational.
 */
import type { CohortTable, MrrSeries, MrrSeriesRow } from '../../src/index.js';
import { expectedNumber, type OracleRounding, q } from '../helpers/rational.js';

export type NaiveUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface NaivePeriodSpec {
  readonly unit: NaiveUnit;
  readonly timeZone: string;
  /** 1 (default) or a fiscal year's first month. */
  readonly yearStart?: number;
}

export type NaiveAt = string | number | Date;

/** A change record as the library takes it: `plan` is read only with `by: 'plan'`. */
export interface NaiveChange {
  readonly customerId: string | number;
  readonly at: NaiveAt;
  readonly mrr: string | number;
  readonly plan?: string;
}

export interface NaiveSeriesOptions {
  readonly period: NaivePeriodSpec;
  readonly by?: 'plan';
  readonly asOf?: NaiveAt;
  readonly joinedAndLeft?: 'exclude' | 'count';
  readonly reactivation?: 'always' | { readonly within: number };
  readonly rates?: OracleRounding;
}

export interface NaiveCohortOptions {
  readonly period: NaivePeriodSpec;
  readonly by?: 'plan';
  readonly asOf?: NaiveAt;
  readonly measure?: 'end' | 'active';
  readonly horizon?: number;
  readonly decimals?: number;
  readonly rounding?: 'half-up' | 'half-even';
}

// ---------------------------------------------------------------------------
// Civil dates (proleptic Gregorian, no time zone involved)

interface CivilDate {
  readonly y: number;
  readonly m: number; // 1-12
  readonly d: number;
}

function civilFromDays(days: number): CivilDate {
  const t = new Date(days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysOf(c: CivilDate): number {
  return Date.UTC(c.y, c.m - 1, c.d) / 86_400_000;
}

function addMonths(c: CivilDate, n: number): CivilDate {
  const total = c.y * 12 + (c.m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: c.d };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------
// Local time in an IANA zone, by Intl alone

const formatters = new Map<string, Intl.DateTimeFormat>();

interface LocalParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
}

function localParts(timeZone: string, ms: number): LocalParts {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { y: out.year!, m: out.month!, d: out.day!, h: out.hour!, mi: out.minute!, s: out.second! };
}

const dateKey = (y: number, m: number, d: number): number => y * 10_000 + m * 100 + d;

const midnights = new Map<string, number>();

/** The first instant whose local date in `timeZone` is `c` or later: the local day's start, found by bisection. */
export function startOfLocalDay(timeZone: string, c: CivilDate): number {
  const id = `${timeZone} ${c.y}-${c.m}-${c.d}`;
  const cached = midnights.get(id);
  if (cached !== undefined) return cached;
  const target = dateKey(c.y, c.m, c.d);
  const reached = (ms: number) => {
    const p = localParts(timeZone, ms);
    return dateKey(p.y, p.m, p.d) >= target;
  };
  let lo = Date.UTC(c.y, c.m - 1, c.d) - 36 * 3_600_000;
  let hi = Date.UTC(c.y, c.m - 1, c.d) + 36 * 3_600_000;
  if (reached(lo) || !reached(hi)) throw new Error(`naive: no local midnight bracket for ${id}`);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  midnights.set(id, hi);
  return hi;
}

/** The local date of an instant. */
function localDate(timeZone: string, ms: number): CivilDate {
  const p = localParts(timeZone, ms);
  return { y: p.y, m: p.m, d: p.d };
}

/** An instant as local time with its UTC offset: '2025-03-01T00:00:00+01:00'. */
export function formatLocal(timeZone: string, ms: number): string {
  const p = localParts(timeZone, ms);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  const offset = Math.round((Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - wholeSecond) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

// ---------------------------------------------------------------------------
// Calendar periods

/** The first date of the period holding the date `c`. */
function periodStartDate(spec: NaivePeriodSpec, c: CivilDate): CivilDate {
  const yearStart = spec.yearStart ?? 1;
  switch (spec.unit) {
    case 'day':
      return c;
    case 'week': {
      const days = daysOf(c);
      const weekday = new Date(days * 86_400_000).getUTCDay(); // 0 = Sunday
      return civilFromDays(days - ((weekday + 6) % 7));
    }
    case 'month':
      return { y: c.y, m: c.m, d: 1 };
    case 'quarter': {
      const sinceYearStart = (c.m - yearStart + 12) % 12;
      return addMonths({ y: c.y, m: c.m, d: 1 }, -(sinceYearStart % 3));
    }
    case 'year':
      return addMonths({ y: c.y, m: c.m, d: 1 }, -((c.m - yearStart + 12) % 12));
  }
}

function nextStartDate(spec: NaivePeriodSpec, c: CivilDate): CivilDate {
  switch (spec.unit) {
    case 'day':
      return civilFromDays(daysOf(c) + 1);
    case 'week':
      return civilFromDays(daysOf(c) + 7);
    case 'month':
      return addMonths(c, 1);
    case 'quarter':
      return addMonths(c, 3);
    case 'year':
      return addMonths(c, 12);
  }
}

/** The label of the period starting on `c`. */
export function periodLabel(spec: NaivePeriodSpec, c: CivilDate): string {
  const yearStart = spec.yearStart ?? 1;
  switch (spec.unit) {
    case 'day':
      return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday.
      const thursday = civilFromDays(daysOf(c) + 3);
      const dayOfYear = daysOf(thursday) - daysOf({ y: thursday.y, m: 1, d: 1 }) + 1;
      return `${pad(thursday.y, 4)}-W${pad(Math.floor((dayOfYear - 1) / 7) + 1)}`;
    }
    case 'month':
      return `${pad(c.y, 4)}-${pad(c.m)}`;
    case 'quarter': {
      const q = Math.floor(((c.m - yearStart + 12) % 12) / 3) + 1;
      if (yearStart === 1) return `${pad(c.y, 4)}-Q${q}`;
      // A fiscal year is named by the calendar year it ends in.
      return `FY${pad(c.m >= yearStart ? c.y + 1 : c.y, 4)}-Q${q}`;
    }
    case 'year':
      return yearStart === 1 ? pad(c.y, 4) : `FY${pad(c.m >= yearStart ? c.y + 1 : c.y, 4)}`;
  }
}

interface Period {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** The periods from the one holding `first` to the one holding `last`, each checked to hold what it should. */
export function periodsBetween(spec: NaivePeriodSpec, first: number, last: number): Period[] {
  let date = periodStartDate(spec, localDate(spec.timeZone, first));
  const out: Period[] = [];
  for (;;) {
    const next = nextStartDate(spec, date);
    const start = startOfLocalDay(spec.timeZone, date);
    const end = startOfLocalDay(spec.timeZone, next);
    if (!(start < end)) throw new Error('naive: empty period');
    out.push({ label: periodLabel(spec, date), start, end });
    if (out.length === 1 && !(start <= first && first < end)) throw new Error('naive: first period does not hold the first instant');
    if (last < end) break;
    date = next;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Amounts

interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

function readAmount(x: string | number): Decimal {
  const s = typeof x === 'number' ? String(x) : x;
  if (!/^\d+(\.\d+)?$/.test(s)) throw new Error(`naive: unexpected amount ${s}`);
  const [whole, fraction = ''] = s.split('.');
  return { units: BigInt(whole! + fraction), scale: fraction.length };
}

function formatUnits(units: bigint, scale: number): string {
  if (units < 0n) throw new Error('naive: negative amount');
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function readInstant(at: NaiveAt): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new Error(`naive: bad instant ${String(at)}`);
  return ms;
}

// ---------------------------------------------------------------------------
// The log

interface Change {
  readonly at: number;
  readonly mrr: bigint; // units at the common scale
  readonly segment: string; // segment id
}

interface Customer {
  readonly id: string | number;
  readonly changes: readonly Change[]; // in input order: every lookup scans them all
}

interface Log {
  readonly scale: number;
  readonly customers: readonly Customer[];
  readonly periods: readonly Period[];
  readonly through: string | null;
  readonly asOf: number | null;
  /** Segment id to its key object and sort value. */
  readonly segments: Map<string, { key: Record<string, string>; sort: string }>;
}

function readLog(changes: readonly NaiveChange[], spec: NaivePeriodSpec, by: 'plan' | undefined, asOf: NaiveAt | undefined): Log {
  let scale = 0;
  for (const c of changes) scale = Math.max(scale, readAmount(c.mrr).scale);
  const segments = new Map<string, { key: Record<string, string>; sort: string }>();
  const byId = new Map<string, { id: string | number; changes: Change[] }>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const c of changes) {
    const a = readAmount(c.mrr);
    const at = readInstant(c.at);
    const plan = by === 'plan' ? c.plan! : '';
    const segment = JSON.stringify(plan);
    if (!segments.has(segment)) segments.set(segment, { key: by === 'plan' ? { plan } : {}, sort: plan });
    const id = `${typeof c.customerId}:${c.customerId}`;
    let customer = byId.get(id);
    if (customer === undefined) {
      customer = { id: c.customerId, changes: [] };
      byId.set(id, customer);
    }
    customer.changes.push({ at, mrr: a.units * 10n ** BigInt(scale - a.scale), segment });
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  const asOfMs = asOf === undefined ? null : readInstant(asOf);
  if (asOfMs !== null && asOfMs < last) throw new Error('naive: a change after asOf');
  let periods: Period[] = [];
  if (changes.length > 0) periods = periodsBetween(spec, first, asOfMs ?? last);
  else if (asOfMs !== null) periods = periodsBetween(spec, asOfMs, asOfMs);
  const through = periods.length === 0 ? null : periods[periods.length - 1]!.label;
  return { scale, customers: [...byId.values()], periods, through, asOf: asOfMs, segments };
}

const NONE = { mrr: 0n, segment: '' } as const;

/** The change in force just before `t` (the latest with at < t), by scanning every change. */
function inForceBefore(c: Customer, t: number): { mrr: bigint; segment: string } {
  let best: Change | null = null;
  for (const x of c.changes) if (x.at < t && (best === null || x.at > best.at)) best = x;
  return best ?? NONE;
}

/** The change in force at `t` (the latest with at <= t). */
function inForceAt(c: Customer, t: number): { mrr: bigint; segment: string } {
  let best: Change | null = null;
  for (const x of c.changes) if (x.at <= t && (best === null || x.at > best.at)) best = x;
  return best ?? NONE;
}

/** The customer's changes with start <= at < end, in time order. */
function changesWithin(c: Customer, start: number, end: number): Change[] {
  return c.changes.filter((x) => start <= x.at && x.at < end).sort((a, b) => a.at - b.at);
}

function describe(p: Period, timeZone: string, asOf: number | null) {
  return { label: p.label, start: formatLocal(timeZone, p.start), end: formatLocal(timeZone, p.end), complete: asOf === null || p.end <= asOf };
}

/** `100 part / whole` as documented: rounded as asked, then the nearest double. */
const percent = (part: bigint, whole: bigint, o: OracleRounding): number | null => (whole === 0n ? null : expectedNumber(q(100n * part, whole), o));

// ---------------------------------------------------------------------------
// mrrSeries

interface Tally {
  // the row
  atStart: number;
  atEnd: number;
  new: number;
  expansion: number;
  contraction: number;
  churned: number;
  reactivation: number;
  movedIn: number;
  movedOut: number;
  unchanged: number;
  startingMrr: bigint;
  endingMrr: bigint;
  newMrr: bigint;
  expansionMrr: bigint;
  contractionMrr: bigint;
  churnedMrr: bigint;
  reactivationMrr: bigint;
  movedInMrr: bigint;
  movedOutMrr: bigint;
  // the movements: the segment's starting customers, wherever they ended, and its new and returning ones
  mAtStart: number;
  mAtEnd: number;
  mNew: number;
  mExpansion: number;
  mContraction: number;
  mChurned: number;
  mReactivation: number;
  mUnchanged: number;
  mStartingMrr: bigint;
  mEndingMrr: bigint;
  mNewMrr: bigint;
  mExpansionMrr: bigint;
  mContractionMrr: bigint;
  mChurnedMrr: bigint;
  mReactivationMrr: bigint;
}

function emptyTally(): Tally {
  return {
    atStart: 0,
    atEnd: 0,
    new: 0,
    expansion: 0,
    contraction: 0,
    churned: 0,
    reactivation: 0,
    movedIn: 0,
    movedOut: 0,
    unchanged: 0,
    startingMrr: 0n,
    endingMrr: 0n,
    newMrr: 0n,
    expansionMrr: 0n,
    contractionMrr: 0n,
    churnedMrr: 0n,
    reactivationMrr: 0n,
    movedInMrr: 0n,
    movedOutMrr: 0n,
    mAtStart: 0,
    mAtEnd: 0,
    mNew: 0,
    mExpansion: 0,
    mContraction: 0,
    mChurned: 0,
    mReactivation: 0,
    mUnchanged: 0,
    mStartingMrr: 0n,
    mEndingMrr: 0n,
    mNewMrr: 0n,
    mExpansionMrr: 0n,
    mContractionMrr: 0n,
    mChurnedMrr: 0n,
    mReactivationMrr: 0n,
  };
}

export function naiveMrrSeries(changes: readonly NaiveChange[], options: NaiveSeriesOptions): MrrSeries {
  const spec = options.period;
  const log = readLog(changes, spec, options.by, options.asOf);
  const joinedAndLeft = options.joinedAndLeft ?? 'exclude';
  const reactivation = options.reactivation ?? 'always';
  const rates = options.rates ?? {};
  const within = reactivation === 'always' ? null : reactivation.within;
  const P = log.periods.length;
  // cells.get(segment)[p]
  const cells = new Map<string, (Tally | undefined)[]>();
  const tally = (segment: string, p: number): Tally => {
    let row = cells.get(segment);
    if (row === undefined) {
      row = new Array<Tally | undefined>(P).fill(undefined);
      cells.set(segment, row);
    }
    let t = row[p];
    if (t === undefined) {
      t = emptyTally();
      row[p] = t;
    }
    return t;
  };
  for (const c of log.customers) {
    let hasPaid = false;
    let leftIn: number | null = null;
    const returning = (p: number) => hasPaid && (within === null || p - leftIn! <= within);
    for (let p = 0; p < P; p++) {
      const period = log.periods[p]!;
      const s = inForceBefore(c, period.start);
      const e = inForceBefore(c, period.end);
      if (s.mrr > 0n && e.mrr > 0n) {
        const ts = tally(s.segment, p);
        ts.atStart++;
        ts.startingMrr += s.mrr;
        ts.mAtStart++;
        ts.mStartingMrr += s.mrr;
        ts.mAtEnd++;
        ts.mEndingMrr += e.mrr;
        if (e.mrr > s.mrr) {
          ts.mExpansion++;
          ts.mExpansionMrr += e.mrr - s.mrr;
        } else if (e.mrr < s.mrr) {
          ts.mContraction++;
          ts.mContractionMrr += s.mrr - e.mrr;
        } else ts.mUnchanged++;
        const te = tally(e.segment, p);
        te.atEnd++;
        te.endingMrr += e.mrr;
        if (s.segment === e.segment) {
          if (e.mrr > s.mrr) {
            ts.expansion++;
            ts.expansionMrr += e.mrr - s.mrr;
          } else if (e.mrr < s.mrr) {
            ts.contraction++;
            ts.contractionMrr += s.mrr - e.mrr;
          } else ts.unchanged++;
        } else {
          ts.movedOut++;
          ts.movedOutMrr += s.mrr;
          te.movedIn++;
          te.movedInMrr += e.mrr;
        }
      } else if (s.mrr > 0n) {
        const ts = tally(s.segment, p);
        ts.atStart++;
        ts.startingMrr += s.mrr;
        ts.churned++;
        ts.churnedMrr += s.mrr;
        ts.mAtStart++;
        ts.mStartingMrr += s.mrr;
        ts.mChurned++;
        ts.mChurnedMrr += s.mrr;
        leftIn = p;
      } else if (e.mrr > 0n) {
        const te = tally(e.segment, p);
        te.atEnd++;
        te.endingMrr += e.mrr;
        te.mAtEnd++;
        te.mEndingMrr += e.mrr;
        if (returning(p)) {
          te.reactivation++;
          te.reactivationMrr += e.mrr;
          te.mReactivation++;
          te.mReactivationMrr += e.mrr;
        } else {
          te.new++;
          te.newMrr += e.mrr;
          te.mNew++;
          te.mNewMrr += e.mrr;
        }
        hasPaid = true;
      } else {
        const firstPositive = changesWithin(c, period.start, period.end).find((x) => x.mrr > 0n);
        if (firstPositive !== undefined && joinedAndLeft === 'count') {
          const t = tally(firstPositive.segment, p);
          if (returning(p)) {
            t.reactivation++;
            t.mReactivation++;
          } else {
            t.new++;
            t.mNew++;
          }
          t.churned++;
          t.mChurned++;
          hasPaid = true;
          leftIn = p;
        }
      }
    }
  }

  const amount = (u: bigint) => formatUnits(u, log.scale);
  const denominator = joinedAndLeft === 'count' ? 'start-plus-added' : 'start';
  const rowOf = (segment: string, p: number, t: Tally): MrrSeriesRow => {
    const period = describe(log.periods[p]!, spec.timeZone, log.asOf);
    const added = t.mNew + t.mReactivation;
    const lost = t.mChurnedMrr + t.mContractionMrr;
    const net = lost - t.mExpansionMrr - t.mReactivationMrr;
    const start = t.mStartingMrr;
    return {
      key: log.segments.get(segment)!.key,
      period,
      flags: period.complete ? [] : ['incomplete-period'],
      startingMrr: amount(t.startingMrr),
      newMrr: amount(t.newMrr),
      expansionMrr: amount(t.expansionMrr),
      reactivationMrr: amount(t.reactivationMrr),
      movedInMrr: amount(t.movedInMrr),
      contractionMrr: amount(t.contractionMrr),
      churnedMrr: amount(t.churnedMrr),
      movedOutMrr: amount(t.movedOutMrr),
      endingMrr: amount(t.endingMrr),
      customers: {
        atStart: t.atStart,
        new: t.new,
        expansion: t.expansion,
        reactivation: t.reactivation,
        movedIn: t.movedIn,
        contraction: t.contraction,
        churned: t.churned,
        movedOut: t.movedOut,
        unchanged: t.unchanged,
        atEnd: t.atEnd,
      },
      movements: {
        metric: 'mrrMovements',
        startingMrr: amount(t.mStartingMrr),
        newMrr: amount(t.mNewMrr),
        expansionMrr: amount(t.mExpansionMrr),
        reactivationMrr: amount(t.mReactivationMrr),
        contractionMrr: amount(t.mContractionMrr),
        churnedMrr: amount(t.mChurnedMrr),
        endingMrr: amount(t.mEndingMrr),
        customersAtStart: t.mAtStart,
        customersLost: t.mChurned,
        customersAdded: added,
        customersAtEnd: t.mAtEnd,
        customers: {
          new: t.mNew,
          expansion: t.mExpansion,
          contraction: t.mContraction,
          churned: t.mChurned,
          reactivation: t.mReactivation,
          unchanged: t.mUnchanged,
        },
      },
      customerChurn: percent(BigInt(t.mChurned), BigInt(denominator === 'start' ? t.mAtStart : t.mAtStart + added), rates),
      mrrChurn: percent(lost, start, rates),
      netMrrChurn: percent(net, start, rates),
      netRevenueRetention: percent(start - net, start, rates),
      grossRevenueRetention: percent(start - lost, start, rates),
      expansionRevenue: percent(t.mExpansionMrr, start, rates),
    };
  };

  const rows: MrrSeriesRow[] = [];
  const ordered = [...cells.keys()].sort((a, b) => compareStrings(log.segments.get(a)!.sort, log.segments.get(b)!.sort));
  for (const segment of ordered) {
    const row = cells.get(segment)!;
    const first = row.findIndex((t) => t !== undefined);
    for (let p = first; p < P; p++) rows.push(rowOf(segment, p, row[p] ?? emptyTally()));
  }
  return {
    kind: 'mrrSeries',
    by: options.by === 'plan' ? ['plan'] : [],
    period: settingsOf(spec),
    through: log.through!,
    joinedAndLeft,
    reactivation: reactivation === 'always' ? 'always' : { within: reactivation.within },
    rates: { denominator, contraction: 'include', reactivation: 'include' },
    rows,
  };
}

function settingsOf(spec: NaivePeriodSpec) {
  return { field: 'at', unit: spec.unit, timeZone: spec.timeZone, weekStart: 'mon', yearStart: spec.yearStart ?? 1 } as const;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// cohorts

/** A cohort cell without its warnings (compared on their own). */
export type NaiveCohortTable = Omit<CohortTable, 'rows'> & {
  readonly rows: readonly (Omit<CohortTable['rows'][number], 'cells'> & {
    readonly cells: readonly Omit<CohortTable['rows'][number]['cells'][number], 'warnings'>[];
  })[];
};

export function naiveCohorts(changes: readonly NaiveChange[], options: NaiveCohortOptions): NaiveCohortTable {
  const spec = options.period;
  const log = readLog(changes, spec, options.by, options.asOf);
  const measure = options.measure ?? 'end';
  const P = log.periods.length;
  // An empty log spans no period: the horizon is then 0, not -1.
  const horizon = Math.max(0, Math.min(options.horizon ?? P - 1, P - 1));
  const valueIn = (c: Customer, q: number): bigint => {
    const period = log.periods[q]!;
    if (measure === 'end') return inForceBefore(c, period.end).mrr;
    // The values in force during the period, in time order; the last positive one.
    const values = [
      inForceAt(c, period.start).mrr,
      ...changesWithin(c, period.start, period.end)
        .filter((x) => x.at > period.start)
        .map((x) => x.mrr),
    ];
    let last = 0n;
    for (const v of values) if (v > 0n) last = v;
    return last;
  };
  // Cohorts by segment and period.
  const groups = new Map<string, { segment: string; p: number; members: Customer[] }>();
  for (const c of log.customers) {
    let first: Change | null = null;
    for (const x of c.changes) if (x.mrr > 0n && (first === null || x.at < first.at)) first = x;
    if (first === null) continue;
    const p = log.periods.findIndex((q) => q.start <= first.at && first.at < q.end);
    const id = `${first.segment} ${p}`;
    let g = groups.get(id);
    if (g === undefined) {
      g = { segment: first.segment, p, members: [] };
      groups.set(id, g);
    }
    g.members.push(c);
  }
  const ordered = [...groups.values()].sort((a, b) => compareStrings(log.segments.get(a.segment)!.sort, log.segments.get(b.segment)!.sort) || a.p - b.p);
  const amount = (u: bigint) => formatUnits(u, log.scale);
  return {
    kind: 'cohorts',
    by: options.by === 'plan' ? ['plan'] : [],
    period: settingsOf(spec),
    measure,
    horizon,
    rows: ordered.map((g) => {
      const n = g.members.length;
      const base = g.members.map((c) => valueIn(c, g.p));
      const baseSum = base.reduce((s, v) => s + v, 0n);
      const cells = [];
      for (let a = 0; a <= Math.min(horizon, P - 1 - g.p); a++) {
        const values = g.members.map((c) => valueIn(c, g.p + a));
        const retained = values.filter((v) => v > 0n).length;
        const mrr = values.reduce((s, v) => s + v, 0n);
        const capped = values.reduce((s, v, i) => s + (v < base[i]! ? v : base[i]!), 0n);
        const period = describe(log.periods[g.p + a]!, spec.timeZone, log.asOf);
        cells.push({
          age: a,
          period,
          flags: period.complete ? [] : (['incomplete-period'] as const),
          customers: retained,
          percent: percent(BigInt(retained), BigInt(n), options)!,
          mrr: amount(mrr),
          netRevenueRetention: percent(mrr, baseSum, options),
          grossRevenueRetention: percent(capped, baseSum, options),
        });
      }
      return {
        key: log.segments.get(g.segment)!.key,
        cohort: describe(log.periods[g.p]!, spec.timeZone, log.asOf),
        customers: n,
        startingMrr: amount(baseSum),
        cells,
      };
    }),
  };
}
