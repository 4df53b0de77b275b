/**
 * The header row read from bytes (`readHeader`): empty lines before it, each
 * line end, quoted names with delimiters, quotes and line breaks, where the
 * next row starts and on which line, when more input is needed, and the
 * errors with their line and column.
 */
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../src/cli/input/csv-header.js';
import { type Bytes, strictUtf8 } from '../../../src/cli/input/decode.js';
import { InputError } from '../../../src/cli/input/errors.js';

const COMMA = 0x2c;
const TAB = 0x09;

/** The header of `text` (a string, or bytes) from `start`, with `final` telling whether the input ends there. */
function header(text: string | readonly number[], final: boolean, options: { start?: number; line?: number; delimiter?: number } = {}) {
  const buf = (typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text)) as Bytes;
  return readHeader(buf, options.start ?? 0, buf.length, final, options.delimiter ?? COMMA, options.line ?? 1, 'h.csv', strictUtf8());
}
function refused(text: string | readonly number[], final = true): InputError {
  try {
    header(text, final);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  return expect.fail(`${JSON.stringify(text)} was read`);
}

describe('readHeader', () => {
  it('reads the names up to the line end, and where the next row starts', () => {
    expect(header('a,b\nrest', false)).toStrictEqual({ names: ['a', 'b'], line: 1, next: 4, nextLine: 2 });
    expect(header('a,b\r\nrest', false)).toStrictEqual({ names: ['a', 'b'], line: 1, next: 5, nextLine: 2 });
    expect(header('a,b\rrest', false)).toStrictEqual({ names: ['a', 'b'], line: 1, next: 4, nextLine: 2 });
    expect(header('a\tb,c\n', false, { delimiter: TAB })).toStrictEqual({ names: ['a', 'b,c'], line: 1, next: 6, nextLine: 2 });
    expect(header('xxa,,b\n', false, { start: 2, line: 7 })).toStrictEqual({ names: ['a', '', 'b'], line: 7, next: 7, nextLine: 8 });
  });

  it('skips empty lines of every line end before the header, counting them', () => {
    expect(header('\n\r\n\ra,b\r\nx', false)).toStrictEqual({ names: ['a', 'b'], line: 4, next: 9, nextLine: 5 });
  });

  it('at the end of the input: the last name ends the header, with or without a line end', () => {
    expect(header('a,b', true)).toStrictEqual({ names: ['a', 'b'], line: 1, next: 3, nextLine: 1 });
    expect(header('a,b\r', true)).toStrictEqual({ names: ['a', 'b'], line: 1, next: 4, nextLine: 2 });
    expect(header('a,', true)).toStrictEqual({ names: ['a', ''], line: 1, next: 2, nextLine: 1 });
  });

  it('asks for more input while the header or a line end may go on', () => {
    for (const text of ['a,b', 'a,b\r', '\r', '', '\n', 'a,"b', 'a,"b""', '"a']) expect(header(text, false), text).toBeNull();
  });

  it('reads quoted names with delimiters, doubled quotes and line breaks, and counts the breaks', () => {
    expect(header('"x,1","y""z"\nq', false)).toStrictEqual({ names: ['x,1', 'y"z'], line: 1, next: 13, nextLine: 2 });
    expect(header('"a\nb",c\nrest', false)).toStrictEqual({ names: ['a\nb', 'c'], line: 1, next: 8, nextLine: 3 });
    expect(header('"a\r\nb"', true)).toStrictEqual({ names: ['a\r\nb'], line: 1, next: 6, nextLine: 2 });
    expect(header('"é""",b\n', false)).toStrictEqual({ names: ['é"', 'b'], line: 1, next: 9, nextLine: 2 });
  });

  it('refuses empty input, an unclosed quote, text after a closing quote and names that are not UTF-8, with the line and column', () => {
    for (const text of ['', '\n\r\n', '\r'])
      expect(refused(text)).toMatchObject({ message: 'the input is empty: expected a header row', file: 'h.csv', line: null, column: null });
    expect(refused('a,"b')).toMatchObject({ message: 'a quoted field is not closed at the end of the input', line: 1, column: 2 });
    expect(refused('"a"x,b')).toMatchObject({ message: 'unexpected text after the closing quote of a quoted field in the header', line: 1, column: 1 });
    expect(refused('"a\nb",c,"d"e')).toMatchObject({ message: 'unexpected text after the closing quote of a quoted field in the header', line: 2, column: 3 });
    expect(refused([0x61, COMMA, 0xff, 0x0a])).toMatchObject({ message: 'the header is not valid UTF-8', line: 1, column: 2 });
    expect(refused([0x22, 0x0a, 0x22, COMMA, 0xff])).toMatchObject({ message: 'the header is not valid UTF-8', line: 2, column: 2 });
    expect(refused([0x22, 0xff, 0x22, 0x22, 0x22])).toMatchObject({ message: 'the header is not valid UTF-8', line: 1, column: 1 });
    expect(refused('\n\na,"b')).toMatchObject({ line: 3, column: 2 });
  });
});
