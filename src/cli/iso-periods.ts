/**
 * The period of a row's time, read from the bytes of a CSV/TSV field.
 *
 * A time of the strict ISO 8601 form the CSV reader decodes
 * (`YYYY-MM-DDTHH:MM:SS(.f{1,3})?` with `Z` or an offset, as `isoTimeMs`
 * reads it) is read from its digits. Periods start at a local midnight, so
 * most days of the calendar lie in one period, and so do most hours of the
 * clock. The instant of each date as written is kept with the period of
 * that day in UTC, and the period of each hour of the clock, in small
 * direct-mapped tables (a few years of dates fit in the processor's nearest
 * cache, where hours would not); the calendar is asked only for a new date
 * or hour and for one a period starts within. A time written in `Z` on a
 * date that lies in one period costs its digit checks and one lookup.
 *
 * The form's checks repeat those of `isoTimeMs`, which reads a bounded field
 * for the reader: one reader for both, handing the parts over in an array,
 * made the scan measurably slower (`npm run bench:cli`), and a property test
 * holds the two to the same times (`tests/cli/cell-table.property.test.ts`).
 */
import type { Calendar } from '../core/time/periods.js';
import { DAY_MS, daysFromCivil, daysInMonth } from '../core/time/time.js';
import { type Bytes, twoDigits } from './input/decode.js';

const HOUR_MS = 3_600_000;
/** Hours of the clock whose period is kept, a power of two: 65,536 hours is seven and a half years. */
const HOURS_KEPT = 65536;
/** Dates of the calendar whose instant and period are kept, a power of two: 4,096 days is eleven years. */
const DATES_KEPT = 4096;
/** The period of a day or an hour in which a period starts: none, ask the calendar. */
const SPLIT = -2147483648;
/** {@link IsoPeriods.read} of bytes that are not a time of its form; no period ordinal (hours from 1970 at most) comes near it. */
export const NOT_ISO = -2147483647;

/** A date as one integer, distinct for distinct dates. */
function dateCode(year: number, month: number, day: number): number {
  return (year * 12 + month - 1) * 31 + day - 1;
}

/** The periods of a calendar, found from times written in bytes and from instants; see the module's description. */
export class IsoPeriods {
  /** Where the time read by the last {@link IsoPeriods.read} ends. */
  end = 0;
  readonly #cal: Calendar;
  /** Dates as written: the code ({@link dateCode}) or -1 when free, the UTC midnight of the date, the period of that day in UTC or {@link SPLIT}. */
  readonly #dateTag = new Int32Array(DATES_KEPT).fill(-1);
  readonly #dateMs = new Float64Array(DATES_KEPT);
  readonly #datePeriod = new Int32Array(DATES_KEPT);
  /** Hours of the clock (`floor(t / HOUR_MS)`) whose period is known, and that period or {@link SPLIT}. */
  readonly #hourTag = new Float64Array(HOURS_KEPT).fill(Number.NaN);
  readonly #hourPeriod = new Int32Array(HOURS_KEPT);

  constructor(cal: Calendar) {
    this.#cal = cal;
  }

  /**
   * The period of the time at `s` in the strict ISO 8601 form `isoTimeMs`
   * reads, or {@link NOT_ISO} when the bytes there do not start with one;
   * sets {@link IsoPeriods.end} to where the time ends. The bytes are read
   * up to the first that does not fit the form, so never past a line feed
   * that follows.
   */
  read(buf: Bytes, s: number): number {
    const century = twoDigits(buf, s);
    const yy = twoDigits(buf, s + 2);
    const month = twoDigits(buf, s + 5);
    const day = twoDigits(buf, s + 8);
    const hour = twoDigits(buf, s + 11);
    const minute = twoDigits(buf, s + 14);
    const second = twoDigits(buf, s + 17);
    if (
      buf[s + 4] !== 0x2d ||
      buf[s + 7] !== 0x2d ||
      buf[s + 10] !== 0x54 ||
      buf[s + 13] !== 0x3a ||
      buf[s + 16] !== 0x3a ||
      (century | yy | hour | minute | second) < 0 ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > 31 ||
      hour > 23 ||
      minute > 59 ||
      second > 59
    ) {
      return NOT_ISO;
    }
    let i = s + 19;
    let millis = 0;
    if (buf[i] === 0x2e) {
      i++;
      // One to three digits of a second, as tenths, hundredths or thousandths.
      let scale = 100;
      const fracStart = i;
      while (i - fracStart < 3 && (buf[i]! - 0x30) >>> 0 <= 9) {
        millis += (buf[i]! - 0x30) * scale;
        scale /= 10;
        i++;
      }
      if (i === fracStart) return NOT_ISO;
    }
    let offset = 0;
    const sign = buf[i];
    if (sign === 0x5a) {
      this.end = i + 1;
    } else {
      const oh = twoDigits(buf, i + 1);
      const om = twoDigits(buf, i + 4);
      if ((sign !== 0x2b && sign !== 0x2d) || buf[i + 3] !== 0x3a || oh < 0 || om < 0 || oh > 23 || om > 59) return NOT_ISO;
      offset = (oh * 60 + om) * 60_000;
      if (sign === 0x2d) offset = -offset;
      this.end = i + 6;
    }
    const code = dateCode(century * 100 + yy, month, day);
    const slot = code & (DATES_KEPT - 1);
    if (this.#dateTag[slot] !== code) {
      const year = century * 100 + yy;
      if (day > daysInMonth(year, month)) return NOT_ISO;
      const ms = daysFromCivil(year, month, day) * DAY_MS;
      this.#dateTag[slot] = code;
      this.#dateMs[slot] = ms;
      const first = this.#cal.ordinalOf(ms);
      this.#datePeriod[slot] = this.#cal.ordinalOf(ms + DAY_MS - 1) === first ? first : SPLIT;
    }
    const period = this.#datePeriod[slot]!;
    if (offset === 0 && period !== SPLIT) return period;
    return this.of(this.#dateMs[slot]! + (((hour * 60 + minute) * 60 + second) * 1000 + millis) - offset);
  }

  /** The period ordinal of the instant `t` (epoch milliseconds). */
  of(t: number): number {
    const hour = Math.floor(t / HOUR_MS);
    const i = hour & (HOURS_KEPT - 1);
    const cal = this.#cal;
    if (this.#hourTag[i] === hour) {
      const ordinal = this.#hourPeriod[i]!;
      return ordinal !== SPLIT ? ordinal : cal.ordinalOf(t);
    }
    const first = cal.ordinalOf(hour * HOUR_MS);
    this.#hourTag[i] = hour;
    this.#hourPeriod[i] = cal.ordinalOf(hour * HOUR_MS + HOUR_MS - 1) === first ? first : SPLIT;
    return cal.ordinalOf(t);
  }
}
