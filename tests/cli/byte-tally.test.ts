/**
 * The byte counter's own paths, called directly: which rows a scan counts
 * and where it stops, what it makes of a row the reader hands it as byte
 * ranges, and when it takes a spec at all. Counting and decoding give equal
 * tables either way (byte-tally.property.test.ts); what this pins is that
 * the fast paths are taken, rows of the plain form are not left to the
 * reader, and each other form is.
 */
import { describe, expect, it } from 'vitest';
import { ByteTally } from '../../src/cli/byte-tally.js';
import { DistinctTally } from '../../src/cli/distinct-tally.js';
import type { Bytes } from '../../src/cli/input/decode.js';
import { COUNTED, type ColumnRequest, DECODE, INVALID } from '../../src/cli/input/read.js';
import { type SegmentCounts, type SegmentCountsSpec, segmentCounts } from '../../src/index.js';

const REQUESTS: readonly ColumnRequest[] = [
  { name: 'score', kind: 'number' },
  { name: 'region', kind: 'key' },
  { name: 'plan', kind: 'key' },
  { name: 'at', kind: 'time' },
];
const SPEC = {
  metric: 'nps',
  value: 'score',
  by: ['region', 'plan'],
  period: { field: 'at', unit: 'month', timeZone: 'UTC' },
  options: { missing: 'exclude' },
} as unknown as SegmentCountsSpec;

/** A counter for files of `region,plan,at,score` (requests in slots 0-3, at fields 3, 0, 1, 2), and its distinct tally. */
function counter(spec: SegmentCountsSpec = SPEC, requests: readonly ColumnRequest[] = REQUESTS, delimiter = 0x2c) {
  const empty = segmentCounts(Object.fromEntries(requests.map((r) => [r.name, []])), spec as never) as SegmentCounts;
  const distinct = DistinctTally.of(spec, empty)!;
  const tally = new ByteTally(distinct, requests);
  tally.begin(Int32Array.of(0, 1, 2, 3), Int32Array.of(3, 0, 1, 2), 4, delimiter);
  return { tally, distinct };
}

const PLAIN = ['EU,pro,2024-01-05T10:00:00Z,10\n', 'US,basic,2024-02-29T23:59:59.5Z,3\n', 'north-america,pro,2024-03-01T00:00:00+01:00,8\n'];

/** Scans `text` from its start to its last line feed: where the scan stopped, and the rows it counted. */
function scan(tally: ByteTally, text: string): { stop: number; rows: number } {
  const buf = Buffer.from(text) as Bytes;
  const stop = tally.scan(buf, 0, buf.lastIndexOf(0x0a), 1e9);
  return { stop, rows: tally.scanned };
}

describe('ByteTally.scan', () => {
  it('counts every row of the plain form, with LF, CRLF or a lone CR, up to the last line feed', () => {
    const { tally, distinct } = counter();
    const text = `${PLAIN[0]}${PLAIN[1]!.replace('\n', '\r\n')}${PLAIN[2]!.replace('\n', '\r')}${PLAIN[0]}`;
    expect(scan(tally, text)).toEqual({ stop: Buffer.byteLength(text), rows: 4 });
    tally.finish();
    const cells = distinct.table().cells.map((c) => [Object.values(c.key).join('/'), c.period, c.counts]);
    expect(cells).toEqual([
      ['EU/pro', '2024-01', { metric: 'nps', promoters: 2, passives: 0, detractors: 0, excluded: 0 }],
      ['US/basic', '2024-02', { metric: 'nps', promoters: 0, passives: 0, detractors: 1, excluded: 0 }],
      ['north-america/pro', '2024-02', { metric: 'nps', promoters: 0, passives: 1, detractors: 0, excluded: 0 }],
    ]);
  });

  it('stops at the first row of any other form, leaving it and the rows after it to the reader', () => {
    const declined = [
      '\n',
      '"EU",pro,2024-01-05T10:00:00Z,10\n',
      'EU,pro,2024-01-05T10:00:00Z\n',
      'EU,pro,2024-01-05T10:00:00Z,10,\n',
      ',pro,2024-01-05T10:00:00Z,10\n',
      'EU,,2024-01-05T10:00:00Z,10\n',
      'EU,pro,2024-01-05 10:00:00Z,10\n',
      'EU,pro,2024-01-05T10:00:00Zx,10\n',
      'EU,pro,2024-02-30T10:00:00Z,10\n',
      'EU,pro,2024-01-05T10:00:00Z,11\n',
      'EU,pro,2024-01-05T10:00:00Z,"10"\n',
    ];
    for (const row of declined) {
      const { tally } = counter();
      const before = PLAIN.join('');
      expect(scan(tally, `${before}${row}${PLAIN[0]}`), JSON.stringify(row)).toEqual({ stop: Buffer.byteLength(before), rows: 3 });
    }
    // A key that is not UTF-8 stops the scan at its row.
    const { tally } = counter();
    const bad = Buffer.concat([Buffer.from(PLAIN[0]!), Buffer.from([0x45, 0xff]), Buffer.from(',pro,2024-01-05T10:00:00Z,10\n')]) as Bytes;
    expect(tally.scan(bad, 0, bad.lastIndexOf(0x0a), 1e9)).toBe(Buffer.byteLength(PLAIN[0]!));
    expect(tally.scanned).toBe(1);
  });

  it('counts at most the rows it is allowed, and nothing past the limit', () => {
    const { tally } = counter();
    const text = PLAIN.join('');
    expect(tally.scan(Buffer.from(text) as Bytes, 0, Buffer.byteLength(text) - 1, 2)).toBe(Buffer.byteLength(PLAIN[0]! + PLAIN[1]!));
    expect(tally.scanned).toBe(2);
    expect(tally.scan(Buffer.from(text) as Bytes, 0, Buffer.byteLength(PLAIN[0]!) - 1, 10)).toBe(Buffer.byteLength(PLAIN[0]!));
    expect(tally.scanned).toBe(1);
  });

  it('reads other delimiters, and leaves every row to the reader when a column has two roles', () => {
    const tabs = counter(SPEC, REQUESTS, 0x09).tally;
    expect(scan(tabs, 'EU\tpro\t2024-01-05T10:00:00Z\t9\nEU,x\tpro\t2024-01-05T10:00:00Z\t9\n')).toEqual({ stop: 62, rows: 2 });
    // Time read as the answer too: no field has one role.
    const twice = counter().tally;
    twice.begin(Int32Array.of(0, 1, 2, 3), Int32Array.of(3, 0, 1, 3), 4, 0x2c);
    expect(scan(twice, PLAIN.join(''))).toEqual({ stop: 0, rows: 0 });
  });
});

describe('ByteTally.count', () => {
  /** The verdict on one row given as its four fields' byte ranges (slots 0-3: score, region, plan, at), some escaped. */
  function count(tally: ByteTally, fields: readonly [string, string, string, string], escaped: readonly number[] = []) {
    const buf = Buffer.from(fields.join('')) as Bytes;
    const starts = new Int32Array(4);
    const ends = new Int32Array(4);
    let p = 0;
    fields.forEach((f, slot) => {
      starts[slot] = p;
      p += Buffer.byteLength(f);
      ends[slot] = p;
    });
    return tally.count(
      buf,
      starts,
      ends,
      Uint8Array.from([0, 1, 2, 3], (s) => (escaped.includes(s) ? 1 : 0)),
    );
  }

  it('counts a row of fields it can read, decodes the rest, and reports a refused answer', () => {
    const { tally } = counter();
    expect(count(tally, ['9', 'EU', 'pro', '2024-01-05T10:00:00Z'])).toBe(COUNTED);
    // A time the reader decodes as epoch milliseconds is counted in its period; one it leaves as text is the library's to read.
    expect(count(tally, ['9', 'EU', 'pro', '1704448800000'])).toBe(COUNTED);
    expect(count(tally, ['9', 'EU', 'pro', '2024-01-05'])).toBe(DECODE);
    expect(count(tally, ['9', 'EU', 'pro', String(9e15)])).toBe(DECODE);
    expect(count(tally, ['9', '', 'pro', '2024-01-05T10:00:00Z'])).toBe(DECODE);
    for (const slot of [0, 1, 2, 3]) expect(count(tally, ['9', 'EU', 'pro', '2024-01-05T10:00:00Z'], [slot])).toBe(DECODE);
    expect(count(tally, ['9', 'E\ufffd', 'pro', '2024-01-05T10:00:00Z'])).toBe(COUNTED);
    expect(count(tally, ['11', 'EU', 'pro', '2024-01-05T10:00:00Z'])).toBe(INVALID);
    expect(tally.invalid).toEqual({ request: 0, value: '11', reason: expect.stringContaining('0 to 10') });
    // Answers of three digits and more, and fractions, are the metric's to read.
    expect(count(tally, ['007', 'EU', 'pro', '2024-01-05T10:00:00Z'])).toBe(COUNTED);
    expect(count(tally, ['9.5', 'EU', 'pro', '2024-01-05T10:00:00Z'])).toBe(INVALID);
  });

  it('leaves a row with a key that is not UTF-8 to the reader', () => {
    const { tally } = counter();
    const buf = Buffer.concat([Buffer.from('9'), Buffer.from([0x45, 0xff]), Buffer.from('pro2024-01-05T10:00:00Z')]) as Bytes;
    expect(tally.count(buf, Int32Array.of(0, 1, 3, 6), Int32Array.of(1, 3, 6, 26), new Uint8Array(4))).toBe(DECODE);
  });
});

describe('ByteTally.reads', () => {
  it('takes a spec whose every by column is read as a key', () => {
    const { distinct } = counter();
    expect(ByteTally.reads(distinct, REQUESTS)).toBe(true);
    expect(
      ByteTally.reads(
        distinct,
        REQUESTS.map((r) => (r.name === 'plan' ? { ...r, kind: 'number' } : r)),
      ),
    ).toBe(false);
    expect(
      ByteTally.reads(
        distinct,
        REQUESTS.filter((r) => r.name !== 'region'),
      ),
    ).toBe(false);
  });
});
