/**
 * Field decoding by column kind (cli/input/decode.ts, intern.ts): empty
 * fields, the forms each kind accepts, what falls back to the raw text, and
 * UTF-8; keys past the interning table's bounds.
 */
import type { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Bytes, decodeBoolean, decodeNumber, decodeText, decodeTextField, decodeTime, strictUtf8, Utf8Error } from '../../../src/cli/input/decode.js';
import { KeyInterner } from '../../../src/cli/input/intern.js';
import { timeToMs } from '../../../src/core/time/time.js';

const utf8 = strictUtf8();
/** The bytes of `text` framed by other bytes, so that decoders must respect the range. */
function framed(text: string | Uint8Array): { buf: Bytes; start: number; end: number } {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return { buf: Buffer.concat([Buffer.from('9,'), body, Buffer.from(',9')]) as Bytes, start: 2, end: 2 + body.length };
}
const number = (text: string) => {
  const { buf, start, end } = framed(text);
  return decodeNumber(buf, start, end, utf8);
};
const time = (text: string) => {
  const { buf, start, end } = framed(text);
  return decodeTime(buf, start, end, utf8);
};
const boolean = (text: string) => {
  const { buf, start, end } = framed(text);
  return decodeBoolean(buf, start, end, utf8);
};
const text = (value: string | Uint8Array) => {
  const { buf, start, end } = framed(value);
  return decodeTextField(buf, start, end, utf8);
};

describe('number fields', () => {
  it('reads decimal numbers as Number does, and an empty field as null', () => {
    expect(number('')).toBe(null);
    expect(number('9')).toBe(9);
    expect(number('007')).toBe(7);
    expect(number('123456789012345')).toBe(123456789012345);
    expect(number('1234567890123456789')).toBe(1234567890123456789);
    expect(number('-3')).toBe(-3);
    expect(number('+3')).toBe(3);
    expect(number('4.25')).toBe(4.25);
    expect(number('5.')).toBe(5);
    expect(number('.5')).toBe(0.5);
    expect(number('-.5e-3')).toBe(-0.0005);
    expect(number('1E3')).toBe(1000);
    expect(number('0.1')).toBe(0.1);
  });

  it('never returns -0', () => {
    expect(Object.is(number('-0'), 0)).toBe(true);
    expect(Object.is(number('-0.0e5'), 0)).toBe(true);
  });

  it('keeps anything else as its text, for the library to report', () => {
    for (const raw of [' 9', '9 ', '1,5', '0x10', 'Infinity', 'NaN', '.', '-', '+', 'e5', '1e', '1e+', '1.2.3', '--1', 'nine', '1e999', '-1e999', '½', '٣']) {
      expect(number(raw)).toBe(raw);
    }
  });
});

describe('time fields', () => {
  it('reads epoch milliseconds and strict ISO-8601 times as epoch milliseconds', () => {
    expect(time('')).toBe(null);
    expect(time('0')).toBe(0);
    expect(Object.is(time('-0'), 0)).toBe(true);
    expect(time('1773480413000')).toBe(1773480413000);
    expect(time('-86400000')).toBe(-86_400_000);
    expect(time('86400000000000000000')).toBe(86_400_000_000_000_000_000);
    expect(time('2026-03-14T09:26:53Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53));
    expect(time('2026-03-14T09:26:53.5Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53, 500));
    expect(time('2026-03-14T09:26:53.05Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53, 50));
    expect(time('2026-03-14T09:26:53.123Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53, 123));
    expect(time('2026-03-14T09:26:53+01:00')).toBe(Date.UTC(2026, 2, 14, 8, 26, 53));
    expect(time('2026-03-14T09:26:53.999-05:30')).toBe(Date.UTC(2026, 2, 14, 14, 56, 53, 999));
    expect(time('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(time('2000-02-29T23:59:59-00:00')).toBe(Date.UTC(2000, 1, 29, 23, 59, 59));
    expect(time('0000-01-01T00:00:00Z')).toBe(timeToMs('0000-01-01T00:00:00Z'));
  });

  it('returns impossible dates and times as text, which the library refuses', () => {
    for (const raw of [
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-03-00T00:00:00Z',
      '2026-03-14T24:00:00Z',
      '2026-03-14T23:60:00Z',
      '2026-03-14T23:59:60Z',
      '2026-03-14T09:26:53+24:00',
      '2026-03-14T09:26:53+01:60',
    ]) {
      expect(time(raw)).toBe(raw);
      expect(timeToMs(raw)).toBeNaN();
    }
  });

  it('leaves other forms to the library: they come back as text', () => {
    for (const raw of [
      '2026-03-14 09:26:53Z',
      '2026-03-14t09:26:53z',
      '2026-03-14T09:26Z',
      '2026-03-14T09:26:53,5Z',
      '2026-03-14T09:26:53.1234Z',
      '2026-03-14T09:26:53+0100',
      '2026-03-14T09:26:53+01',
      '+002026-03-14T09:26:53Z',
      '2026-03-14T09:26:53',
      '2026-03-14',
      '+5',
      '1.5',
      '-',
      ' 5',
      'yesterday',
    ]) {
      expect(time(raw)).toBe(raw);
    }
    // The library itself accepts some of these.
    expect(timeToMs('2026-03-14 09:26:53Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53));
  });
});

describe('the range of a field', () => {
  /** The bytes of `text` between digits, so that a decoder reading past either end reads a digit. */
  const between = (text: string) => {
    const body = Buffer.from(text, 'utf8');
    return { buf: Buffer.concat([Buffer.from('77'), body, Buffer.from('77')]) as Bytes, start: 2, end: 2 + body.length };
  };
  const read = <T>(decode: (buf: Bytes, start: number, end: number, utf8: TextDecoder) => T, text: string): T => {
    const { buf, start, end } = between(text);
    return decode(buf, start, end, utf8);
  };

  it('is all a decoder reads, with digits on both sides', () => {
    expect(['12', '-3', '4.5', '.5', '5.', '1e3', '1234567890123456789'].map((t) => read(decodeNumber, t))).toStrictEqual([
      12, -3, 4.5, 0.5, 5, 1000, 1234567890123456789,
    ]);
    expect(['1e', '1.', '-'].map((t) => read(decodeNumber, t))).toStrictEqual(['1e', 1, '-']);
    expect(['12', '-12', '1234567890123456789012'].map((t) => read(decodeTime, t))).toStrictEqual([12, -12, 1.234567890123456789012e21]);
    expect(read(decodeTime, '2026-03-14T09:26:53Z')).toBe(Date.UTC(2026, 2, 14, 9, 26, 53));
    expect(read(decodeTime, '2026-03-14T09:26:53.')).toBe('2026-03-14T09:26:53.');
    expect(read(decodeTime, '2026-03-14T09:26:53.12')).toBe('2026-03-14T09:26:53.12');
    expect(read(decodeTime, '2026-03-14T09:26:53+01:0')).toBe('2026-03-14T09:26:53+01:0');
    expect(['1', '0', 'no', 'yes', 'true', 'false', ''].map((t) => read(decodeBoolean, t))).toStrictEqual([true, false, false, true, true, false, null]);
  });
});

describe('near misses of the strict time form', () => {
  const VALID = '2026-03-14T09:26:53+01:00';
  it('are left as text, whichever separator or sign is wrong', () => {
    expect(time(VALID)).toBe(Date.UTC(2026, 2, 14, 8, 26, 53));
    for (const [i, c] of [
      [4, '/'],
      [7, '/'],
      [10, ' '],
      [13, '.'],
      [16, '.'],
      [19, '*'],
      [22, '-'],
      [0, 'x'],
      [2, 'x'],
      [5, 'x'],
      [8, 'x'],
      [11, 'x'],
      [14, 'x'],
      [17, 'x'],
      [20, 'x'],
      [23, 'x'],
    ] as const) {
      const raw = VALID.slice(0, i) + c + VALID.slice(i + 1);
      expect(time(raw), raw).toBe(raw);
    }
    expect(time('2026-03-14T09:26:53Y')).toBe('2026-03-14T09:26:53Y');
    expect(time('2026-03-14T09:26:53.Z')).toBe('2026-03-14T09:26:53.Z');
    expect(time('2026-03-14T09:26:53.123456789Z')).toBe('2026-03-14T09:26:53.123456789Z');
  });
});

describe('boolean fields', () => {
  it('are text when one letter of a word is another', () => {
    for (const word of ['no', 'yes', 'true', 'false'])
      for (let i = 0; i < word.length; i++) {
        const raw = `${word.slice(0, i)}x${word.slice(i + 1)}`;
        expect(boolean(raw), raw).toBe(raw);
      }
  });

  it('reads true/false/yes/no/1/0 in any case', () => {
    expect(boolean('')).toBe(null);
    for (const raw of ['true', 'TRUE', 'True', 'yes', 'YES', 'Yes', '1']) expect(boolean(raw)).toBe(true);
    for (const raw of ['false', 'FALSE', 'False', 'no', 'NO', 'nO', '0']) expect(boolean(raw)).toBe(false);
  });

  it('keeps anything else as its text', () => {
    for (const raw of ['t', 'f', 'y', 'n', '2', '01', 'on', 'off', 'yes ', ' no', 'truth', 'falsy', 'nö', 'tru\u0005', 'Yeß']) expect(boolean(raw)).toBe(raw);
  });
});

describe('text fields', () => {
  it('decodes ASCII and UTF-8, and an empty field as null', () => {
    expect(text('')).toBe(null);
    for (const raw of ['a', 'ab', 'abc', 'abcd', 'Zürich', '東京', 'emoji 😀', 'ȧ́', 'x'.repeat(300)]) expect(text(raw)).toBe(raw);
  });

  it('throws Utf8Error on malformed UTF-8', () => {
    for (const bytes of [[0xff], [0xc3], [0x61, 0xe6, 0x9d], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const { buf, start, end } = framed(Uint8Array.from(bytes));
      expect(() => decodeText(buf, start, end, utf8)).toThrow(Utf8Error);
    }
  });
});

describe('key fields', () => {
  it('returns null when empty and the text otherwise, the same for repeated values', () => {
    const keys = new KeyInterner(utf8);
    const values = ['EU', 'US', 'EU', 'Zürich', 'eu', 'EU ', 'Zürich', 'E', 'U'];
    const decoded = values.map((value) => {
      const { buf, start, end } = framed(value);
      return keys.key(buf, start, end);
    });
    expect(decoded).toStrictEqual(values);
    const { buf } = framed('');
    expect(keys.key(buf, 2, 2)).toBe(null);
  });

  it('stays correct past its table of distinct values and for long values', () => {
    const keys = new KeyInterner(utf8);
    const values = Array.from({ length: 10_000 }, (_, i) => `segment-${i % 6000}`);
    values.push('k'.repeat(65), 'k'.repeat(65), 'é'.repeat(40));
    for (let round = 0; round < 2; round++) {
      for (const value of values) {
        const { buf, start, end } = framed(value);
        expect(keys.key(buf, start, end)).toBe(value);
      }
    }
  });

  it('throws Utf8Error on malformed UTF-8 and remembers nothing for it', () => {
    const keys = new KeyInterner(utf8);
    const { buf, start, end } = framed(Uint8Array.from([0x41, 0xff]));
    expect(() => keys.key(buf, start, end)).toThrow(Utf8Error);
    expect(() => keys.key(buf, start, end)).toThrow(Utf8Error);
    expect(keys.size).toBe(0);
  });

  const keyOf = (keys: KeyInterner, value: string) => {
    const { buf, start, end } = framed(value);
    return keys.key(buf, start, end);
  };

  it('remembers each distinct value of up to 64 bytes once, the first 4,096 of them, through the growth of its pool', () => {
    const keys = new KeyInterner(utf8);
    // Values that are prefixes of each other are distinct.
    for (const value of ['ab', 'abc', 'a', 'ab', 'abc', 'a']) expect(keyOf(keys, value)).toBe(value);
    expect(keys.size).toBe(3);
    expect(keyOf(keys, 'x'.repeat(64))).toBe('x'.repeat(64));
    expect(keys.size).toBe(4);
    expect(keyOf(keys, 'x'.repeat(65))).toBe('x'.repeat(65));
    expect(keys.size).toBe(4);
    // 60-byte values fill the first pool of 1 KiB many times over.
    const long = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(4, '0')}${'-'.repeat(56)}`);
    for (const value of [...long, ...long]) expect(keyOf(keys, value)).toBe(value);
    expect(keys.size).toBe(204);
    for (let i = 0; i < 5000; i++) expect(keyOf(keys, `k${i}`)).toBe(`k${i}`);
    expect(keys.size).toBe(4096);
    for (const value of ['ab', long[0] as string, 'k3891', 'k3892', 'k4999']) expect(keyOf(keys, value)).toBe(value);
    expect(keys.size).toBe(4096);
  });

  it('tells apart two values of the same length and hash', () => {
    // FNV-1a gives both 0xb53aeed3.
    const [a, b] = ['8fnb7nc', 'nyuav8m'];
    const keys = new KeyInterner(utf8);
    expect([keyOf(keys, a), keyOf(keys, b), keyOf(keys, a), keyOf(keys, b)]).toStrictEqual([a, b, a, b]);
    expect(keys.size).toBe(2);
  });
});
