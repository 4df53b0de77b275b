/**
 * The header row of a CSV/TSV input: the column names, read from the bytes
 * after any empty lines, and where each requested column is in a row.
 */
import type { TextDecoder } from 'node:util';
import { CR, closingQuote, endsField, LF, NEED_MORE, QUOTE, type QuotedField, UNTERMINATED, unescapeQuotes } from './csv-fields.js';
import { allocBytes, type Bytes, decodeText, Utf8Error } from './decode.js';
import { InputError, MissingColumnsError } from './errors.js';
import type { ColumnRequest } from './read.js';

/** A header row read from the bytes. */
export interface HeaderRow {
  /** The column names, in field order. */
  readonly names: readonly string[];
  /** The line the header is on. */
  readonly line: number;
  /** Where the first row after the header starts in the buffer, and on which line. */
  readonly next: number;
  readonly nextLine: number;
}

/** Where the requested columns are in a row. */
export interface ColumnLayout {
  /** Field index -> slot of a requested field, or -1. */
  readonly slotOfField: Int32Array;
  /** Slot -> field index. */
  readonly fieldOfSlot: Int32Array;
  /** Request index -> slot (two requests of one column share a slot). */
  readonly slotOfRequest: Int32Array;
}

const AFTER_QUOTE = 'unexpected text after the closing quote of a quoted field in the header';

/** A header field's text. */
function headerName(buf: Bytes, start: number, end: number, escaped: number, utf8: TextDecoder, place: () => InputError): string {
  try {
    if (escaped === 0) return decodeText(buf, start, end, utf8);
    const out = allocBytes(end - start);
    return decodeText(out, 0, unescapeQuotes(buf, start, end, out), utf8);
  } catch (error) {
    if (error instanceof Utf8Error) throw place();
    throw error;
  }
}

/**
 * The header row starting at or after `start` (empty lines before it are
 * skipped), or `null` when the buffer ends before the header does and more
 * input may follow.
 *
 * @param line - The line `start` is on.
 * @throws {@link InputError} when the input is empty, a quoted name is not
 *   closed or has text after its closing quote, or a name is not UTF-8.
 */
export function readHeader(
  buf: Bytes,
  start: number,
  end: number,
  final: boolean,
  delimiter: number,
  line: number,
  file: string,
  utf8: TextDecoder,
): HeaderRow | null {
  let p = start;
  for (;;) {
    if (p >= end) {
      if (final) throw new InputError('the input is empty: expected a header row', file, null, null);
      return null;
    }
    const b = buf[p]!;
    if (b !== LF && b !== CR) break;
    if (b === CR && p + 1 >= end && !final) return null;
    p += b === CR && p + 1 < end && buf[p + 1] === LF ? 2 : 1;
    line++;
  }
  let breaks = 0;
  const names: string[] = [];
  const quoted: QuotedField = { escaped: 0, breaks: 0 };
  for (;;) {
    const column = names.length + 1;
    const here = line + breaks;
    const place = (message: string) => () => new InputError(message, file, here, column);
    if (p < end && buf[p] === QUOTE) {
      const close = closingQuote(buf, p, end, final, quoted);
      if (close === NEED_MORE) return null;
      if (close === UNTERMINATED) throw place('a quoted field is not closed at the end of the input')();
      names.push(headerName(buf, p + 1, close, quoted.escaped, utf8, place('the header is not valid UTF-8')));
      breaks += quoted.breaks;
      p = close + 1;
      if (p < end && !endsField(buf[p]!, delimiter)) throw new InputError(AFTER_QUOTE, file, line + breaks, column);
    } else {
      const fieldStart = p;
      while (p < end && !endsField(buf[p]!, delimiter)) p++;
      if (p >= end && !final) return null;
      names.push(headerName(buf, fieldStart, p, 0, utf8, place('the header is not valid UTF-8')));
    }
    if (p >= end) break;
    const b = buf[p]!;
    if (b === delimiter) {
      p++;
      continue;
    }
    if (b === CR && p + 1 >= end && !final) return null;
    p += b === CR && p + 1 < end && buf[p + 1] === LF ? 2 : 1;
    breaks++;
    break;
  }
  return { names, line, next: p, nextLine: line + breaks };
}

/**
 * Where each requested column is in a row of a file with this header.
 *
 * @throws {@link InputError} when the header names a column twice (at the second).
 * @throws {@link MissingColumnsError} when a requested column is not in the header.
 */
export function columnLayout(header: HeaderRow, requests: readonly ColumnRequest[], file: string): ColumnLayout {
  const { names } = header;
  const fieldOfName = new Map<string, number>();
  names.forEach((name, i) => {
    const first = fieldOfName.get(name);
    if (first !== undefined) {
      throw new InputError(`the header names the column ${JSON.stringify(name)} twice, in fields ${first + 1} and ${i + 1}`, file, header.line, i + 1);
    }
    fieldOfName.set(name, i);
  });
  const missing = requests.filter((r) => !fieldOfName.has(r.name)).map((r) => r.name);
  if (missing.length > 0) throw new MissingColumnsError(missing, names);
  const slotOfField = new Int32Array(names.length).fill(-1);
  const fieldOfSlot: number[] = [];
  const slotOfRequest = Int32Array.from(requests, (r) => {
    const field = fieldOfName.get(r.name)!;
    if (slotOfField[field] === -1) {
      slotOfField[field] = fieldOfSlot.length;
      fieldOfSlot.push(field);
    }
    return slotOfField[field]!;
  });
  return { slotOfField, fieldOfSlot: Int32Array.from(fieldOfSlot), slotOfRequest };
}
