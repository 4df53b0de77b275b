/**
 * Counting CSV rows from their bytes gives what decoding them gives: on
 * random files (keys that need quoting, hold doubled quotes, are empty, not
 * ASCII, not UTF-8 or longer than the interner keeps; times as ISO 8601 with
 * `Z` or an offset, epoch milliseconds, dates, text or nothing; answers of
 * every form, valid and invalid; rows with too few fields; columns in any
 * order; comma, tab and semicolon delimiters; LF, CRLF and lone CR line
 * ends; empty lines), `tallyFile` with and without the byte counter returns
 * the same table and the same skipped rows, or stops at the same row with the
 * same message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputPlan } from '../../src/cli/plans.js';
import { emptyStats, type ReadStats, tallyFile } from '../../src/cli/tally-file.js';
import { mergeCounts, type SegmentCounts, type SegmentCountsSpec, segmentCounts } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmetrics-byte-tally-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A field as bytes: text, or raw bytes that are not UTF-8. */
type Field = string | Uint8Array;

const region = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Field>('EU', 'US', 'Ω-Süd', 'a,b', 'say "hi"', 'x'.repeat(70)) },
  fc.constant<Field>(''),
  fc.constant<Field>(Uint8Array.of(0x45, 0xff)),
);
const plan = fc.constantFrom<Field>('free', 'pro', 'pro\nplus');
// Instants around the end of daylight saving time in Berlin.
const instant = fc.integer({ min: Date.UTC(2024, 9, 26), max: Date.UTC(2024, 10, 2) });
const at = fc.oneof(
  { weight: 6, arbitrary: instant.map((t) => new Date(t).toISOString().replace('.000Z', 'Z')) },
  instant.map((t) => new Date(t).toISOString()),
  instant.map((t) => new Date(t + 7_200_000).toISOString().replace('.000Z', '+02:00')),
  instant.map(String),
  fc.constantFrom('2024-10-27', '2024-10-27T02:30:00', 'yesterday', '', '2024-02-30T00:00:00Z'),
  // Near the strict form the counter reads: each is read as the reader decodes it.
  fc.constantFrom(
    '2024-10-27T10:00:00.5Z',
    '2024-10-27T10:00:00.12+05:45',
    '2024-10-27T10:00:00.1234Z',
    '2024-10-27T23:59:60Z',
    '2024-10-27T24:00:00Z',
    '2024-10-27T10:00:00z',
    '2024-10-27t10:00:00Z',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-02-29T00:00:00Z',
    '2024-10-27T10:00:00+5:00',
    '2024-10-27T10:00:00-24:00',
    '2024-10-27T10:00:00ZZ',
    '2024-10-27T10:00:00',
  ),
);
const score = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
  fc.constantFrom('', '07', '7.0', '1e1', 'NA', '11', '-1', ' 7', '100', '3.5'),
);
const row = fc.record({ region, plan, at, score, quote: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), short: fc.nat(40) });

function fieldBytes(field: Field, quote: boolean, delimiter: string): Buffer {
  if (typeof field !== 'string') return Buffer.from(field);
  const needs = /["\r\n]/.test(field) || field.includes(delimiter);
  return Buffer.from(quote || needs ? `"${field.replaceAll('"', '""')}"` : field, 'utf8');
}

type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** How a file is written: the order of its columns (a permutation of the five), its delimiter, its line end, and whether empty lines are strewn in. */
interface Layout {
  readonly order: readonly number[];
  readonly delimiter: string;
  readonly end: string;
  readonly emptyLines: boolean;
}

const LAYOUT: Layout = { order: [0, 1, 2, 3, 4], delimiter: ',', end: '\n', emptyLines: false };
const NAMES = ['id', 'at', 'region', 'plan', 'score'];

const layout: fc.Arbitrary<Layout> = fc.record({
  order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
  delimiter: fc.constantFrom(',', '\t', ';'),
  end: fc.constantFrom('\n', '\r\n', '\r'),
  emptyLines: fc.boolean(),
});

function csvOf(rows: readonly Row[], { order, delimiter, end, emptyLines }: Layout): Buffer {
  const parts: Buffer[] = [Buffer.from(`${order.map((j) => NAMES[j]).join(delimiter)}${end}`)];
  rows.forEach((r, i) => {
    const fields: Field[] = [`r${i}`, r.at, r.region, r.plan, r.score];
    // One row in forty lacks its last field.
    const kept = r.short === 0 ? order.slice(0, 4) : order;
    parts.push(
      Buffer.concat(kept.flatMap((j, k) => [...(k > 0 ? [Buffer.from(delimiter)] : []), fieldBytes(fields[j]!, r.quote[j]!, delimiter)])),
      Buffer.from(end),
    );
    if (emptyLines && r.short % 7 === 3) parts.push(Buffer.from(end));
  });
  return Buffer.concat(parts);
}

type Outcome = { table: unknown; stats: ReadStats } | { error: string };

async function outcome(input: InputPlan, spec: SegmentCountsSpec, countBytes: boolean): Promise<Outcome> {
  const stats = emptyStats();
  let table: SegmentCounts;
  try {
    table = await tallyFile(input, spec, stats, undefined, { countBytes });
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  // A table counted whole by the distinct tally is returned as is: it is what merging it into the empty table gives.
  const empty = segmentCounts(Object.fromEntries(input.columns.map((c) => [c.name, []])), spec as never);
  expect(mergeCounts(empty, table as never)).toStrictEqual(table);
  return { table, stats };
}

function inputOf(path: string, onInvalid: 'stop' | 'skip', period: boolean, delimiter?: string): InputPlan {
  return {
    path,
    format: 'csv',
    delimiter,
    onInvalid,
    columns: [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
      { name: 'plan', kind: 'key' },
      ...(period ? [{ name: 'at', kind: 'time' as const }] : []),
    ],
  };
}

/**
 * Writes `text` to a CSV file and tallies it with and without the byte
 * counter; the two must agree. Returns the counted outcome.
 */
async function bothWays(
  name: string,
  text: string,
  spec: SegmentCountsSpec,
  columns: InputPlan['columns'],
  onInvalid: 'stop' | 'skip' = 'stop',
): Promise<Outcome> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const input: InputPlan = { path, format: 'csv', delimiter: undefined, onInvalid, columns };
  const counted = await outcome(input, spec, true);
  expect(counted).toEqual(await outcome(input, spec, false));
  return counted;
}

/** The table of an outcome, or the error it stopped with. */
function tableOf(o: Outcome): { cells: { period: string; counts: Record<string, number> }[] } {
  if (!('table' in o)) throw new Error(o.error);
  return o.table as never;
}

describe('tallyFile counting CSV bytes', () => {
  it('gives the table, the skipped rows and the stop that decoding the rows gives', async () => {
    let file = 0;
    let tables = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 120 }),
        fc.oneof(layout, fc.constant(LAYOUT)),
        fc.constantFrom<'stop' | 'skip'>('stop', 'skip'),
        fc.constantFrom<'exclude' | 'error'>('exclude', 'error'),
        fc.constantFrom('none', 'day', 'week', 'month', 'quarter', 'year'),
        // Berlin's periods start on the hour; Kathmandu's (+05:45) within an hour.
        fc.constantFrom('Europe/Berlin', 'Asia/Kathmandu'),
        async (rows, how, onInvalid, missing, unit, timeZone) => {
          const path = join(dir, `f${file++}.csv`);
          writeFileSync(path, csvOf(rows, how));
          const period = unit !== 'none';
          const spec = {
            metric: 'nps',
            value: 'score',
            by: ['region', 'plan'],
            ...(period ? { period: { field: 'at', unit, timeZone } } : {}),
            options: { missing },
          } as unknown as SegmentCountsSpec;
          const input = inputOf(path, onInvalid, period, how.delimiter);
          const counted = await outcome(input, spec, true);
          expect(counted).toEqual(await outcome(input, spec, false));
          if ('stats' in counted && counted.stats.rowsRead > counted.stats.rowsSkipped) tables++;
        },
      ),
      { numRuns: 120 },
    );
    // Most runs tally rows: the comparison is not only of stops.
    expect(tables).toBeGreaterThan(40);
  });

  it('keeps apart the cells of one key in many periods', async () => {
    // 500 days of one region: cells that differ only in their period share a hash table.
    const lines = ['region,at,score'];
    for (let i = 0; i < 5000; i++) lines.push(`EU,${new Date(Date.UTC(2024, 0, 1) + (i % 500) * 86_400_000).toISOString()},${i % 11}`);
    const spec = { metric: 'nps', value: 'score', by: ['region'], period: { field: 'at', unit: 'day', timeZone: 'UTC' } } as unknown as SegmentCountsSpec;
    const counted = await bothWays('days.csv', `${lines.join('\n')}\n`, spec, [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
      { name: 'at', kind: 'time' },
    ]);
    expect(tableOf(counted).cells).toHaveLength(500);
  });

  it('splits an hour of the clock in which a period starts', async () => {
    // Kathmandu is at +05:45: its days start at 18:15 UTC, a quarter into an hour.
    const text = 'at,score\n2024-10-27T18:10:00Z,10\n2024-10-27T18:20:00Z,0\n2024-10-27T18:14:59.999Z,9\n2024-10-27T18:15:00Z,6\n';
    const spec = { metric: 'nps', value: 'score', period: { field: 'at', unit: 'day', timeZone: 'Asia/Kathmandu' } } as unknown as SegmentCountsSpec;
    const counted = await bothWays('kathmandu.csv', text, spec, [
      { name: 'score', kind: 'number' },
      { name: 'at', kind: 'time' },
    ]);
    expect(tableOf(counted).cells.map((c) => [c.period, c.counts.promoters, c.counts.detractors])).toEqual([
      ['2024-10-27', 2, 0],
      ['2024-10-28', 0, 2],
    ]);
  });

  it('counts more distinct answers than it first makes room for', async () => {
    // Repeat purchases from 0 to 149: one- and two-digit answers read from their digits, three-digit ones decoded.
    const lines = ['customer,purchases'];
    for (let i = 0; i < 3000; i++) lines.push(`c${i % 7},${(i * 37) % 150}`);
    const spec = { metric: 'repurchaseRate', value: 'purchases', by: ['customer'] } as unknown as SegmentCountsSpec;
    const counted = await bothWays('purchases.csv', `${lines.join('\n')}\n`, spec, [
      { name: 'purchases', kind: 'number' },
      { name: 'customer', kind: 'key' },
    ]);
    expect(tableOf(counted).cells).toHaveLength(7);
  });

  it('counts across batches, and keys beyond the ones the interner keeps', async () => {
    // 150,000 rows: three batches; 5,000 regions, more than the 4,096 keys an interner keeps.
    const lines = ['region,score'];
    for (let i = 0; i < 150_000; i++) lines.push(`${i % 5000 === 17 ? '' : `region-${i % 5000}`},${i % 11}`);
    const spec = { metric: 'nps', value: 'score', by: ['region'] } as SegmentCountsSpec;
    const counted = await bothWays(
      'many.csv',
      `${lines.join('\n')}\n`,
      spec,
      [
        { name: 'score', kind: 'number' },
        { name: 'region', kind: 'key' },
      ],
      'skip',
    );
    if (!('stats' in counted)) throw new Error(counted.error);
    // The library refuses the 30 rows without a region: a missing key needs `missingKey`.
    expect([counted.stats.rowsRead, counted.stats.rowsSkipped]).toEqual([150_000, 30]);
  });
});

describe('tallyFile counting CSV bytes, beyond the fast paths', () => {
  it('counts cells beyond the direct index of key ids and periods', async () => {
    // 1,100 regions by 1,100 plans need more bits than the direct index has: cells are found by hash.
    const lines = ['region,plan,score'];
    for (let i = 0; i < 3300; i++) lines.push(`r${i % 1100},p${(i * 7) % 1100},${i % 11}`);
    const spec = { metric: 'nps', value: 'score', by: ['region', 'plan'] } as unknown as SegmentCountsSpec;
    const counted = await bothWays('wide.csv', `${lines.join('\n')}\n`, spec, [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
      { name: 'plan', kind: 'key' },
    ]);
    expect(tableOf(counted).cells).toHaveLength(1100);
  });

  it('counts rows cut by the ends of the reads, quoted or not', async () => {
    // About 3 MB: rows cross the 1 MiB reads and the reader's buffer, one row in five quoted.
    const lines = ['id,at,region,plan,score'];
    for (let i = 0; i < 60_000; i++) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('.000Z', 'Z');
      const region = i % 5 === 0 ? `"reg ""${i % 9}"""` : `region-${i % 9}`;
      lines.push(`${i},${at},${region},plan-${i % 4},${i % 11}`);
    }
    const spec = {
      metric: 'nps',
      value: 'score',
      by: ['region', 'plan'],
      period: { field: 'at', unit: 'month', timeZone: 'Europe/Berlin' },
    } as unknown as SegmentCountsSpec;
    const counted = await bothWays('long.csv', `${lines.join('\n')}\n`, spec, [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
      { name: 'plan', kind: 'key' },
      { name: 'at', kind: 'time' },
    ]);
    if (!('stats' in counted)) throw new Error(counted.error);
    expect(counted.stats.rowsRead).toBe(60_000);
  });

  it('gives up scanning a file of quoted rows, and counts them one by one', async () => {
    const lines = ['"region","score"'];
    for (let i = 0; i < 5000; i++) lines.push(`"r${i % 3}","${i % 11}"`);
    const spec = { metric: 'nps', value: 'score', by: ['region'] } as unknown as SegmentCountsSpec;
    const counted = await bothWays('quoted.csv', `${lines.join('\n')}\n`, spec, [
      { name: 'score', kind: 'number' },
      { name: 'region', kind: 'key' },
    ]);
    expect(tableOf(counted).cells).toHaveLength(3);
  });

  it('leaves a key that is also the answer, read as a number, to the reader', async () => {
    const text = 'score,at\n9,2024-01-01T00:00:00Z\n3,2024-01-02T00:00:00Z\n9,2024-02-01T00:00:00Z\n';
    const spec = { metric: 'nps', value: 'score', by: ['score'], period: { field: 'at', unit: 'month', timeZone: 'UTC' } } as unknown as SegmentCountsSpec;
    // The command line reads a column once, of the first kind asked for: here a number, kept as a number in the key.
    const counted = await bothWays('twice.csv', text, spec, [
      { name: 'score', kind: 'number' },
      { name: 'at', kind: 'time' },
    ]);
    expect(tableOf(counted).cells.map((c) => [(c as unknown as { key: { score: unknown } }).key.score, c.period])).toEqual([
      [3, '2024-01'],
      [9, '2024-01'],
      [9, '2024-02'],
    ]);
  });
});
