/**
 * Calendar periods in a time zone: which day, week, month, quarter or year
 * an instant falls in on the zone's wall clock, each period's label, and the
 * instants it starts and ends.
 *
 * A period is a run of local calendar dates; an instant belongs to the
 * period of its local date (its UTC instant plus the offset in force then).
 * A period starts at the first instant whose local date is its first date
 * (local midnight, or the end of a daylight-saving gap that swallows
 * midnight) and ends where the next one starts.
 *
 * Each period is numbered by an integer ordinal (days, weeks, months,
 * quarters or years from an epoch). The starts of the periods an input spans
 * are computed once, with `Intl`, and kept in a sorted table; an instant is
 * then placed by comparing it with the last period found and, failing that,
 * by a binary search in the table: no `Intl` call per record. An instant
 * outside the table is placed by its local date (one `Intl` call) and
 * extends the table when the instants placed so far justify its size (at
 * most {@link MAX_TABLE} periods): far-off instants are placed one by one,
 * so a placeholder date costs one lookup, not a table spanning millennia.
 */
import type { Weekday } from './business-hours.js';
import { civilFromDays, DAY_MS, daysFromCivil } from './time.js';
import { zoneClock } from './zone.js';

/** The length of a period: a local calendar day, week, month, quarter or year. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The units, in order of length. */
export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const satisfies readonly PeriodUnit[];

/** Days of the week in the order `weekdayOf` numbers them: 0 is Sunday. */
export const WEEKDAY_NUMBERS: Readonly<Record<Weekday, number>> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** How periods are cut. */
export interface CalendarSettings {
  readonly unit: PeriodUnit;
  /** An IANA time zone name, already validated. */
  readonly timeZone: string;
  /** The first day of a week. */
  readonly weekStart: Weekday;
  /** The first month (1-12) of a (fiscal) year and its quarters. */
  readonly yearStart: number;
}

/** Periods of one calendar: instants to ordinals, ordinals to labels and instants. */
export interface Calendar {
  /** The ordinal of the period an instant (epoch milliseconds) falls in. */
  ordinalOf(t: number): number;
  /** The label of a period: `'2024-03-31'`, `'2025-W01'`, `'2024-03'`, `'2024-Q1'`, `'2024'` (fiscal: `'FY2025-Q1'`, `'FY2025'`). */
  label(ordinal: number): string;
  /** The ordinal of a label, or `NaN` when it is not one of this calendar's labels. */
  ordinalOfLabel(label: string): number;
  /** The first instant of a period, in epoch milliseconds. */
  start(ordinal: number): number;
  /** An instant as ISO 8601 with the offset in force then: `'2024-03-01T00:00:00+01:00'`. */
  format(t: number): string;
}

/** Labels and starts remembered per calendar before the memo is cleared. */
const MEMO = 100_000;

/** The most periods kept in the table of starts. */
export const MAX_TABLE = 100_000;

/** A day number with `weekdayOf` 0 (Sunday): 1970-01-04. */
const FIRST_SUNDAY = 3;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A year as ISO 8601 writes it: four digits, or a sign and six beyond 0000-9999. */
function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
}

const YEAR = '([+-]\\d{6}|\\d{4})';
const parseYear = (text: string): number => Number(text);

/**
 * The calendar of `settings`. Week labels generalise ISO 8601's: a week
 * belongs to the year of its fourth day and week 1 is the first week whose
 * fourth day is in the year (with weeks from Monday, exactly ISO weeks). A
 * fiscal year (`yearStart` after January) is named by the calendar year it
 * ends in: with `yearStart: 10`, October 2024 is in `'FY2025-Q1'`.
 */
export function calendar(settings: CalendarSettings): Calendar {
  const zone = zoneClock(settings.timeZone);
  const { unit, yearStart } = settings;
  const fiscal = yearStart !== 1;
  const weekAnchor = FIRST_SUNDAY + WEEKDAY_NUMBERS[settings.weekStart];

  /** The ordinal of the period holding local day `d`. */
  const ordinalOfDay = (d: number): number => {
    if (unit === 'day') return d;
    if (unit === 'week') return Math.floor((d - weekAnchor) / 7);
    const { year, month } = civilFromDays(d);
    const shifted = year * 12 + month - yearStart;
    if (unit === 'month') return year * 12 + month - 1;
    return unit === 'quarter' ? Math.floor(shifted / 3) : Math.floor(shifted / 12);
  };

  /** The first local day of a period. */
  const firstDay = (ordinal: number): number => {
    if (unit === 'day') return ordinal;
    if (unit === 'week') return weekAnchor + 7 * ordinal;
    const monthIndex = unit === 'month' ? ordinal : ordinal * (unit === 'quarter' ? 3 : 12) + yearStart - 1;
    return daysFromCivil(Math.floor(monthIndex / 12), (((monthIndex % 12) + 12) % 12) + 1, 1);
  };

  const label = (ordinal: number): string => {
    const first = firstDay(ordinal);
    if (unit === 'day' || unit === 'month') {
      const { year, month, day } = civilFromDays(first);
      return unit === 'day' ? `${formatYear(year)}-${pad(month)}-${pad(day)}` : `${formatYear(year)}-${pad(month)}`;
    }
    if (unit === 'week') {
      const { year } = civilFromDays(first + 3);
      return `${formatYear(year)}-W${pad(Math.floor((first + 3 - daysFromCivil(year, 1, 1)) / 7) + 1)}`;
    }
    const yearOrdinal = unit === 'quarter' ? Math.floor(ordinal / 4) : ordinal;
    const name = fiscal ? `FY${formatYear(yearOrdinal + 1)}` : formatYear(yearOrdinal);
    return unit === 'quarter' ? `${name}-Q${ordinal - yearOrdinal * 4 + 1}` : name;
  };

  const labelPattern = new RegExp(
    unit === 'day'
      ? `^${YEAR}-(\\d{2})-(\\d{2})$`
      : unit === 'week'
        ? `^${YEAR}-W(\\d{2})$`
        : unit === 'month'
          ? `^${YEAR}-(\\d{2})$`
          : `^${fiscal ? 'FY' : ''}${YEAR}${unit === 'quarter' ? '-Q([1-4])' : ''}$`,
  );
  const labelMemo = new Map<string, number>();
  const ordinalOfLabel = (text: string): number => {
    let ordinal = labelMemo.get(text);
    if (ordinal === undefined) {
      ordinal = readLabel(text);
      if (labelMemo.size >= MEMO) labelMemo.clear();
      labelMemo.set(text, ordinal);
    }
    return ordinal;
  };
  const readLabel = (text: string): number => {
    const m = labelPattern.exec(text);
    if (m === null) return Number.NaN;
    const year = parseYear(m[1]!);
    let ordinal: number;
    if (unit === 'day') ordinal = daysFromCivil(year, Number(m[2]), Number(m[3]));
    else if (unit === 'month') ordinal = year * 12 + Number(m[2]) - 1;
    else if (unit === 'week') ordinal = ordinalOfDay(daysFromCivil(year, 1, 4)) + Number(m[2]) - 1;
    else {
      const yearOrdinal = fiscal ? year - 1 : year;
      ordinal = unit === 'quarter' ? yearOrdinal * 4 + Number(m[2]) - 1 : yearOrdinal;
    }
    // Only the canonical label of a period reads back (no '2024-13', no '2024-W54').
    return label(ordinal) === text ? ordinal : Number.NaN;
  };

  const startMemo = new Map<number, number>();
  const start = (ordinal: number): number => {
    let t = startMemo.get(ordinal);
    if (t === undefined) {
      t = zone.firstInstant(firstDay(ordinal) * DAY_MS);
      if (startMemo.size >= MEMO) startMemo.clear();
      startMemo.set(ordinal, t);
    }
    return t;
  };

  const format = (t: number): string => {
    const offset = zone.offsetAt(t);
    const local = t + offset;
    const d = Math.floor(local / DAY_MS);
    const { year, month, day } = civilFromDays(d);
    const ms = local - d * DAY_MS;
    const seconds = Math.floor(ms / 1000);
    const fraction = ms % 1000 === 0 ? '' : `.${pad(ms % 1000, 3)}`;
    const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${fraction}`;
    const abs = Math.abs(offset) / 1000;
    const zoneText = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${abs % 60 === 0 ? '' : `:${pad(abs % 60)}`}`;
    return `${formatYear(year)}-${pad(month)}-${pad(day)}T${time}${zoneText}`;
  };

  // The table: starts[i] is the start of period lo + i, for i in 0..size (the last is the end of period lo + size - 1).
  let lo = 0;
  let starts = new Float64Array(0);
  let last = Number.NaN;
  let lastStart = Number.POSITIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;

  // Instants placed without the table: the table grows only as far as they justify (sparse data spread over
  // centuries is placed one by one, at one Intl call each, rather than tabling every period between).
  let placed = 0;
  const extend = (ordinal: number): boolean => {
    const size = starts.length - 1;
    const from = size < 0 ? ordinal : Math.min(lo, ordinal);
    const to = size < 0 ? ordinal : Math.max(lo + size - 1, ordinal);
    const wanted = to - from + 1;
    if (wanted > MAX_TABLE || wanted > 64 + 4 * placed) return false;
    const next = new Float64Array(wanted + 1);
    for (let o = from; o <= to + 1; o++) {
      const i = o - lo;
      next[o - from] = size >= 0 && i >= 0 && i <= size ? starts[i]! : start(o);
    }
    lo = from;
    starts = next;
    return true;
  };

  const ordinalOf = (t: number): number => {
    if (t >= lastStart && t < lastEnd) return last;
    const n = starts.length - 1;
    let ordinal: number;
    if (n > 0 && t >= starts[0]! && t < starts[n]!) {
      let a = 0;
      let b = n;
      // Invariant: starts[a] <= t < starts[b].
      while (b - a > 1) {
        const mid = (a + b) >>> 1;
        if (starts[mid]! <= t) a = mid;
        else b = mid;
      }
      ordinal = lo + a;
      lastStart = starts[a]!;
      lastEnd = starts[a + 1]!;
    } else {
      ordinal = ordinalOfDay(Math.floor((t + zone.offsetAt(t)) / DAY_MS));
      placed++;
      if (extend(ordinal)) {
        lastStart = starts[ordinal - lo]!;
        lastEnd = starts[ordinal - lo + 1]!;
      } else {
        lastStart = Number.POSITIVE_INFINITY;
        lastEnd = Number.NEGATIVE_INFINITY;
      }
    }
    last = ordinal;
    return ordinal;
  };

  return { ordinalOf, label, ordinalOfLabel, start, format };
}
