/**
 * Field values decoded straight from the bytes of a CSV/TSV field, by the
 * kind of column requested. A field is a byte range `[start, end)` of a
 * buffer; an empty range is `null` for every kind. A value that does not have
 * the form its kind expects is returned as its text, unchanged, so that the
 * library reports it with its own message.
 */
import { TextDecoder } from 'node:util';
import { DAY_MS, daysFromCivil, daysInMonth } from '../../core/time/time.js';

/**
 * A Node.js `Buffer` with the unchecked `latin1Slice` that every `Buffer`
 * has (it backs `toString('latin1')`) but that `@types/node` does not declare.
 */
export type Bytes = Buffer & { latin1Slice(start: number, end: number): string };

/** An uninitialised buffer of `size` bytes. */
export function allocBytes(size: number): Bytes {
  return Buffer.allocUnsafe(size) as Bytes;
}

/** Thrown by the decoders when a field is not valid UTF-8; the CSV reader turns it into a row problem. */
export class Utf8Error extends Error {}

/** A UTF-8 decoder that throws on malformed input instead of substituting U+FFFD. */
export function strictUtf8(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/**
 * The text of the bytes `[start, end)`, read as UTF-8. Fields of ASCII bytes
 * only (the common case) are read as Latin-1, which is the same text.
 *
 * @throws {@link Utf8Error} when the bytes are not valid UTF-8.
 */
export function decodeText(buf: Bytes, start: number, end: number, utf8: TextDecoder): string {
  for (let i = start; i < end; i++) {
    if (buf[i]! >= 0x80) {
      try {
        return utf8.decode(buf.subarray(start, end));
      } catch {
        throw new Utf8Error('invalid UTF-8');
      }
    }
  }
  switch (end - start) {
    case 1:
      return String.fromCharCode(buf[start]!);
    case 2:
      return String.fromCharCode(buf[start]!, buf[start + 1]!);
    case 3:
      return String.fromCharCode(buf[start]!, buf[start + 1]!, buf[start + 2]!);
    default:
      return buf.latin1Slice(start, end);
  }
}

/** A `text` field: `null` when empty, otherwise its text. */
export function decodeTextField(buf: Bytes, start: number, end: number, utf8: TextDecoder): string | null {
  return start === end ? null : decodeText(buf, start, end, utf8);
}

/**
 * Whether `[start, end)` is a decimal number:
 * `^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`, no surrounding spaces.
 */
function isDecimal(buf: Bytes, start: number, end: number): boolean {
  let i = start;
  if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d)) i++;
  const intStart = i;
  while (i < end && (buf[i]! - 0x30) >>> 0 <= 9) i++;
  let digits = i - intStart;
  if (i < end && buf[i] === 0x2e) {
    i++;
    const fracStart = i;
    while (i < end && (buf[i]! - 0x30) >>> 0 <= 9) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return false;
  if (i < end && (buf[i]! | 0x20) === 0x65) {
    i++;
    if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d)) i++;
    const expStart = i;
    while (i < end && (buf[i]! - 0x30) >>> 0 <= 9) i++;
    if (i === expStart) return false;
  }
  return i === end;
}

/**
 * A `number` field: `null` when empty; a decimal number
 * (`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`) as the nearest double, as
 * `Number` reads it (`-0` as `0`); anything else, including a number too large
 * for a double, as its text.
 *
 * @example
 * decodeNumber(Buffer.from('9'), 0, 1, strictUtf8()) // => 9
 * decodeNumber(Buffer.from('9 '), 0, 2, strictUtf8()) // => '9 '
 */
export function decodeNumber(buf: Bytes, start: number, end: number, utf8: TextDecoder): number | string | null {
  if (start === end) return null;
  // Unsigned integers of up to 15 digits are below 2^53: exact from the digits.
  if (end - start <= 15) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const d = buf[i]! - 0x30;
      if (d >>> 0 > 9) break;
      value = value * 10 + d;
    }
    if (i === end) return value;
  }
  if (isDecimal(buf, start, end)) {
    const value = Number(buf.latin1Slice(start, end));
    if (Number.isFinite(value)) return value + 0;
  }
  return decodeText(buf, start, end, utf8);
}

/** The two decimal digits at `i` as a number, or -1 when either is not a digit. */
export function twoDigits(buf: Bytes, i: number): number {
  const a = buf[i]! - 0x30;
  const b = buf[i + 1]! - 0x30;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/**
 * Epoch milliseconds of `[start, end)` when it has the strict form
 * `YYYY-MM-DDTHH:MM:SS(.f{1,3})?(Z|[+-]HH:MM)` and names a real date and
 * time; `NaN` otherwise. Agrees with `timeToMs` on every string it accepts.
 */
export function isoTimeMs(buf: Bytes, start: number, end: number): number {
  const length = end - start;
  if (length < 20 || length > 29) return Number.NaN;
  const century = twoDigits(buf, start);
  const yy = twoDigits(buf, start + 2);
  const month = twoDigits(buf, start + 5);
  const day = twoDigits(buf, start + 8);
  const hour = twoDigits(buf, start + 11);
  const minute = twoDigits(buf, start + 14);
  const second = twoDigits(buf, start + 17);
  if (
    buf[start + 4] !== 0x2d ||
    buf[start + 7] !== 0x2d ||
    buf[start + 10] !== 0x54 ||
    buf[start + 13] !== 0x3a ||
    buf[start + 16] !== 0x3a ||
    (century | yy | day | hour | minute | second) < 0 ||
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return Number.NaN;
  }
  const year = century * 100 + yy;
  if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let i = start + 19;
  let millis = 0;
  if (buf[i] === 0x2e) {
    i++;
    // One to three digits of a second, as tenths, hundredths or thousandths.
    let scale = 100;
    const fracStart = i;
    while (i < end && i - fracStart < 3 && (buf[i]! - 0x30) >>> 0 <= 9) {
      millis += (buf[i]! - 0x30) * scale;
      scale /= 10;
      i++;
    }
    if (i === fracStart) return Number.NaN;
  }
  let offset = 0;
  if (end - i === 1) {
    if (buf[i] !== 0x5a) return Number.NaN;
  } else if (end - i === 6) {
    const sign = buf[i];
    const oh = twoDigits(buf, i + 1);
    const om = twoDigits(buf, i + 4);
    if ((sign !== 0x2b && sign !== 0x2d) || buf[i + 3] !== 0x3a || oh < 0 || om < 0 || oh > 23 || om > 59) return Number.NaN;
    offset = (oh * 60 + om) * 60_000;
    if (sign === 0x2d) offset = -offset;
  } else {
    return Number.NaN;
  }
  // Four-digit years are well within the range of a Date: no range check needed.
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

/**
 * A `time` field: `null` when empty; digits with an optional leading `-` as
 * epoch milliseconds; a strict ISO-8601 time
 * (`YYYY-MM-DDTHH:MM:SS(.f{1,3})?(Z|[+-]HH:MM)`) of a real date as epoch
 * milliseconds; anything else as its text, for the library's own time parser
 * to accept (other ISO-8601 forms) or refuse.
 *
 * @example
 * decodeTime(Buffer.from('2026-03-14T09:26:53Z'), 0, 20, strictUtf8()) // => 1773480413000
 */
export function decodeTime(buf: Bytes, start: number, end: number, utf8: TextDecoder): number | string | null {
  if (start === end) return null;
  let i = buf[start] === 0x2d ? start + 1 : start;
  const digitsStart = i;
  let value = 0;
  for (; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d >>> 0 > 9) break;
    value = value * 10 + d;
  }
  if (i === end && i > digitsStart) {
    // Beyond 15 digits the sum of digits may round; Number reads the text correctly rounded.
    if (end - digitsStart > 15) value = Number(buf.latin1Slice(digitsStart, end));
    return digitsStart === start ? value : 0 - value;
  }
  const ms = isoTimeMs(buf, start, end);
  return ms === ms ? ms : decodeText(buf, start, end, utf8);
}

/**
 * A `boolean` field: `null` when empty; `true`, `yes`, `1` as `true` and
 * `false`, `no`, `0` as `false`, in any case; anything else as its text.
 */
export function decodeBoolean(buf: Bytes, start: number, end: number, utf8: TextDecoder): boolean | string | null {
  const b0 = buf[start]! | 0x20;
  switch (end - start) {
    case 0:
      return null;
    case 1:
      if (buf[start] === 0x31) return true;
      if (buf[start] === 0x30) return false;
      break;
    case 2:
      if (b0 === 0x6e && (buf[start + 1]! | 0x20) === 0x6f) return false;
      break;
    case 3:
      if (b0 === 0x79 && (buf[start + 1]! | 0x20) === 0x65 && (buf[start + 2]! | 0x20) === 0x73) return true;
      break;
    case 4:
      if (b0 === 0x74 && (buf[start + 1]! | 0x20) === 0x72 && (buf[start + 2]! | 0x20) === 0x75 && (buf[start + 3]! | 0x20) === 0x65) return true;
      break;
    case 5:
      if (
        b0 === 0x66 &&
        (buf[start + 1]! | 0x20) === 0x61 &&
        (buf[start + 2]! | 0x20) === 0x6c &&
        (buf[start + 3]! | 0x20) === 0x73 &&
        (buf[start + 4]! | 0x20) === 0x65
      ) {
        return false;
      }
      break;
  }
  return decodeText(buf, start, end, utf8);
}
