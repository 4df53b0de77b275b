/**
 * The bytes of CSV/TSV fields: which bytes end an unquoted field, where a
 * quoted field closes (a doubled quote `""` inside it is one quote of data),
 * and the content of a quoted field with its doubled quotes made single.
 */
import type { Bytes } from './decode.js';

/** The double quote, which opens and closes a quoted field. */
export const QUOTE = 0x22;
/** Line feed. */
export const LF = 0x0a;
/** Carriage return. */
export const CR = 0x0d;

/** `closingQuote` found no closing quote before the end of the input. */
export const UNTERMINATED = -2;
/** `closingQuote` needs more bytes to tell where the field closes. */
export const NEED_MORE = -1;

/** Whether byte `c` ends a field outside quotes: the delimiter, CR or LF. */
export function endsField(c: number, delimiter: number): boolean {
  return c === delimiter || c === LF || c === CR;
}

/** What `closingQuote` learned about a quoted field. */
export interface QuotedField {
  /** 1 when the field holds doubled quotes, else 0. */
  escaped: number;
  /** Line breaks inside the field (CRLF, LF and a lone CR count one each). */
  breaks: number;
}

/**
 * The position of the quote closing the quoted field that opens at `open`.
 * {@link NEED_MORE} when the buffer ends first, or ends right after a quote
 * (which may be the first of a doubled pair), and more input may follow;
 * {@link UNTERMINATED} at the end of the input (`final`) inside the field.
 * Fills `field` when the field closes.
 */
export function closingQuote(buf: Bytes, open: number, end: number, final: boolean, field: QuotedField): number {
  let q = open + 1;
  let escaped = 0;
  let breaks = 0;
  for (;;) {
    if (q >= end) return final ? UNTERMINATED : NEED_MORE;
    const b = buf[q]!;
    if (b === QUOTE) {
      if (q + 1 >= end) {
        if (!final) return NEED_MORE;
        break;
      }
      if (buf[q + 1] !== QUOTE) break;
      escaped = 1;
      q += 2;
      continue;
    }
    if (b === LF || (b === CR && (q + 1 >= end || buf[q + 1] !== LF))) breaks++;
    q++;
  }
  field.escaped = escaped;
  field.breaks = breaks;
  return q;
}

/**
 * Copies the content `[start, end)` of a quoted field into `out` with each
 * doubled quote made single, and returns the length written. `out` must hold
 * at least `end - start` bytes.
 */
export function unescapeQuotes(buf: Bytes, start: number, end: number, out: Bytes): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    out[n++] = b;
    if (b === QUOTE) i++;
  }
  return n;
}
