/**
 * Cutting JSON text that arrives chunk by chunk into records: the elements of
 * a top-level array, or the lines of NDJSON. Only the structure between
 * records is checked here; the text of each record is left to `JSON.parse`.
 */
import { InputError } from './errors.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Whether a JSON value can start with the character `c`. */
function startsValue(c: number): boolean {
  return c === OPEN_BRACE || c === OPEN_BRACKET || c === DOUBLE_QUOTE || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** The message for a character where JSON does not allow it. */
function unexpected(c: number, where = ''): string {
  return `invalid JSON: unexpected character ${JSON.stringify(String.fromCharCode(c))}${where}`;
}

/** What a JSON value starting with the character `c` is, for messages. */
function valueStartingWith(c: number): string {
  if (c === OPEN_BRACKET) return 'an array';
  if (c === OPEN_BRACE) return 'an object';
  if (c === DOUBLE_QUOTE) return 'a string';
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a number';
  return `a value starting with ${JSON.stringify(String.fromCharCode(c))}`;
}

/** Whether a character code is JSON whitespace. */
export function isSpace(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === CARRIAGE_RETURN || c === TAB;
}

const START = 0;
const OPENED = 1;
const AFTER_COMMA = 2;
const IN_RECORD = 3;
const AFTER_RECORD = 4;
const CLOSED = 5;

/**
 * Cuts the text of a JSON array of objects into the text of each object, fed
 * chunk by chunk: it follows strings (with their escapes) and the depth of
 * braces and brackets, and checks the array's own punctuation. The text of a
 * record is left for `JSON.parse` to check.
 */
export class JsonArraySplitter {
  /** The text of the record found by the last `next()` that returned `true`, and the line it starts on. */
  text = '';
  recordLine = 0;
  private chunk = '';
  private pos = 0;
  private state = START;
  private depth = 0;
  private inString = false;
  private afterBackslash = false;
  private line = 1;
  /** The parts of a record cut by chunk ends, and where its part in the current chunk starts. */
  private pieces: string[] = [];
  private recordStart = 0;

  constructor(private readonly file: string) {}

  /** Continues with the next chunk of text; `next()` must have returned `false`. */
  feed(chunk: string): void {
    this.chunk = chunk;
    this.pos = 0;
    this.recordStart = 0;
  }

  /**
   * Finds the next record in the current chunk: `true` when one is complete
   * (in `text`), `false` when the chunk is used up.
   *
   * @throws {@link InputError} when the text is not an array of objects.
   */
  next(): boolean {
    const s = this.chunk;
    const n = s.length;
    let i = this.pos;
    while (i < n) {
      if (this.state === IN_RECORD) {
        let { depth, inString, afterBackslash, line } = this;
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (inString) {
            if (afterBackslash) afterBackslash = false;
            else if (c === BACKSLASH) afterBackslash = true;
            else if (c === DOUBLE_QUOTE) inString = false;
            else if (c === NEWLINE) line++;
          } else if (c === DOUBLE_QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (--depth === 0) break;
          } else if (c === NEWLINE) line++;
        }
        this.depth = depth;
        this.inString = inString;
        this.afterBackslash = afterBackslash;
        this.line = line;
        if (i === n) break;
        i++;
        const tail = s.slice(this.recordStart, i);
        this.text = this.pieces.length === 0 ? tail : this.pieces.join('') + tail;
        this.pieces = [];
        this.state = AFTER_RECORD;
        this.pos = i;
        return true;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        if (c === NEWLINE) this.line++;
        i++;
        continue;
      }
      this.structure(c, i);
      i++;
    }
    // A record cut by the end of the chunk: keep its part in this chunk.
    if (this.state === IN_RECORD) this.pieces.push(s.slice(this.recordStart));
    this.pos = n;
    return false;
  }

  /** Takes the character `c` at `i` between records. */
  private structure(c: number, i: number): void {
    const state = this.state;
    if (state === START) {
      if (c === OPEN_BRACKET) this.state = OPENED;
      else if (!startsValue(c)) this.fail(unexpected(c));
      else {
        const hint = c === OPEN_BRACE ? ' (for one object per line, use the ndjson format)' : '';
        this.fail(`the top level of JSON input must be an array of records, found ${valueStartingWith(c)}${hint}`);
      }
    } else if (state === OPENED || state === AFTER_COMMA) {
      if (c === OPEN_BRACE) {
        this.state = IN_RECORD;
        this.depth = 1;
        this.inString = false;
        this.afterBackslash = false;
        this.recordStart = i;
        this.recordLine = this.line;
        return;
      }
      if (c === CLOSE_BRACKET && state === OPENED) this.state = CLOSED;
      else if (!startsValue(c)) this.fail(unexpected(c, state === AFTER_COMMA ? ' after a comma' : ''));
      else this.fail(`expected each record to be a JSON object, found ${valueStartingWith(c)}`);
    } else if (state === AFTER_RECORD) {
      if (c === COMMA) this.state = AFTER_COMMA;
      else if (c === CLOSE_BRACKET) this.state = CLOSED;
      else this.fail(unexpected(c, ", expected ',' or ']' after a record"));
    } else {
      this.fail('invalid JSON: unexpected text after the end of the array');
    }
  }

  /** Checks that the array is complete at the end of the input; `true` when the input held nothing but whitespace. */
  end(): boolean {
    if (this.state === CLOSED) return false;
    if (this.state === START) return true;
    if (this.state === IN_RECORD) throw new InputError('invalid JSON: the input ends inside a record', this.file, this.recordLine, null);
    return this.fail('invalid JSON: the input ends before the array is closed');
  }

  private fail(message: string): never {
    throw new InputError(message, this.file, this.line, null);
  }
}

/** Splits text fed chunk by chunk into lines ending in LF (a CR before the LF is kept). */
export class LineSplitter {
  /** The line found by the last `next()` that returned `true`, and its 1-based number. */
  text = '';
  line = 0;
  private chunk = '';
  private pos = 0;
  private pieces: string[] = [];

  /** Continues with the next chunk of text; `next()` must have returned `false`. */
  feed(chunk: string): void {
    this.chunk = chunk;
    this.pos = 0;
  }

  /** Finds the next complete line: `true` when found (in `text`), `false` when the chunk is used up. */
  next(): boolean {
    const at = this.chunk.indexOf('\n', this.pos);
    if (at < 0) {
      if (this.pos < this.chunk.length) this.pieces.push(this.chunk.slice(this.pos));
      this.pos = this.chunk.length;
      return false;
    }
    const tail = this.chunk.slice(this.pos, at);
    this.text = this.pieces.length === 0 ? tail : this.pieces.join('') + tail;
    this.pieces = [];
    this.pos = at + 1;
    this.line++;
    return true;
  }

  /** The last line when the input does not end in LF: `true` when there is one (in `text`). */
  end(): boolean {
    if (this.pieces.length === 0) return false;
    this.text = this.pieces.join('');
    this.pieces = [];
    this.line++;
    return true;
  }
}
