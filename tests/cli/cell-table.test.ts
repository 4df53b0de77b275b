/**
 * `CellTable` on chosen rows: cells whose key ids or periods hash alike
 * stay apart, the direct index is planned with room for twice the ids and
 * periods seen and given up beyond 2^20 slots, and widening the answers
 * keeps every cell's counts. The random comparison with a map is in
 * `cell-table.property.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { CellTable } from '../../src/cli/cell-table.js';

/** The table's hash of `ids` and `period` (FNV-1a over 32-bit words), to build collisions. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const mix = (hash: number, word: number) => Math.imul(hash ^ word, FNV_PRIME);

/** Counts a row of `answer` in the cell of `ids` and `period`. */
function add(table: CellTable, ids: readonly number[], period: number, answer = 0): void {
  table.ids.set(ids);
  table.widen(answer + 1);
  table.add(period, answer);
}
/** The table's cells as `ids@period: answer×rows ...` text, in the order they were made. */
function cells(table: CellTable): string[] {
  const out: string[] = [];
  for (let cell = 0; cell < table.size; cell++) {
    const ids = Array.from(table.ids, (_, k) => table.idOf(cell, k));
    const counts = [...table.countsOf(cell)].flatMap((c, a) => (c > 0 ? [`${a}×${c}`] : []));
    out.push(`${ids.join(',')}@${table.periodOf(cell)}: ${counts.join(' ')}`);
  }
  return out;
}

describe('CellTable', () => {
  it('keeps apart two cells whose ids hash alike in the same period', () => {
    const period = 7;
    const a1 = 1;
    const b1 = 2;
    // ((X ^ p) P ^ a) P ^ b is the hash before its last multiplication: equal words give equal hashes.
    const partial = (a: number) => mix(mix(FNV_OFFSET, period), a);
    let a2 = 3;
    let b2 = b1 ^ partial(a1) ^ partial(a2);
    while (b2 < 0) b2 = b1 ^ partial(a1) ^ partial(++a2);
    expect(mix(partial(a1), b1)).toBe(mix(partial(a2), b2));
    const table = new CellTable(2);
    add(table, [a1, b1], period, 1);
    add(table, [a2, b2], period, 2);
    add(table, [a2, b2], period, 2);
    add(table, [a1, b1], period, 3);
    expect(cells(table)).toStrictEqual([`1,2@7: 1×1 3×1`, `${a2},${b2}@7: 2×2`]);
  });

  it('keeps apart two cells whose ids and periods hash alike', () => {
    const p1 = 3;
    const p2 = 5;
    const a1 = 4;
    let a2 = a1 ^ mix(FNV_OFFSET, p1) ^ mix(FNV_OFFSET, p2);
    let p = p2;
    while (a2 < 0) {
      p += 1;
      a2 = a1 ^ mix(FNV_OFFSET, p1) ^ mix(FNV_OFFSET, p);
    }
    expect(mix(mix(FNV_OFFSET, p1), a1)).toBe(mix(mix(FNV_OFFSET, p), a2));
    const table = new CellTable(1);
    add(table, [a1], p1);
    add(table, [a2], p);
    add(table, [a2], p);
    expect(cells(table)).toStrictEqual([`4@3: 0×1`, `${a2}@${p}: 0×2`]);
  });

  it('plans the direct index for twice the ids and periods seen, again when a new cell does not fit, and not beyond 2^20 slots', () => {
    const table = new CellTable(1);
    const slots: number[] = [];
    const step = (id: number, period: number) => {
      add(table, [id], period);
      slots.push(table.directSlots);
    };
    expect(table.directSlots).toBe(0);
    // Ids below 2 (1 bit) and one period (1 bit).
    step(0, 600);
    step(1, 600);
    // Id 2 needs 3 bits for twice the 3 ids.
    step(2, 600);
    // Period 601 still fits the second slot of its bit.
    step(0, 601);
    // Three periods need 3 bits, centred on them.
    step(0, 602);
    step(0, 598);
    // Thirteen periods from 590: 5 bits, from 581 to 612.
    step(0, 590);
    step(0, 612);
    // 613 does not fit: 24 periods, 6 bits.
    step(0, 613);
    expect(slots).toStrictEqual([4, 4, 16, 16, 64, 64, 256, 256, 512]);
    // 5,001 ids need 14 bits, with 6 for the periods: 2^20 slots, the most there can be.
    step(5000, 600);
    expect(slots.at(-1)).toBe(2 ** 20);
    // 20,001 ids would need 16: no direct index from now on.
    step(20_000, 600);
    step(3, 600);
    expect(slots.slice(-2)).toStrictEqual([0, 0]);
    expect(cells(table)).toStrictEqual([
      '0@600: 0×1',
      '1@600: 0×1',
      '2@600: 0×1',
      '0@601: 0×1',
      '0@602: 0×1',
      '0@598: 0×1',
      '0@590: 0×1',
      '0@612: 0×1',
      '0@613: 0×1',
      '5000@600: 0×1',
      '20000@600: 0×1',
      '3@600: 0×1',
    ]);
    // After clear the index is planned again for the cells that come.
    table.clear();
    expect(table.directSlots).toBe(0);
    add(table, [0], 0);
    expect(table.directSlots).toBe(4);
  });

  it('finds known cells through the direct index and the table alike, with two key columns', () => {
    const table = new CellTable(2);
    const rows: [number, number, number][] = [
      [1, 2, 0],
      [1, 2, 0],
      [0, 0, 0],
      [1, 2, 1],
      [0, 0, 0],
      [300_000, 1, 0],
      [1, 2, 0],
      [300_000, 1, 0],
    ];
    for (const [a, b, period] of rows) add(table, [a, b], period);
    expect(table.directSlots).toBe(0);
    expect(cells(table)).toStrictEqual(['1,2@0: 0×3', '0,0@0: 0×2', '1,2@1: 0×1', '300000,1@0: 0×2']);
    const small = new CellTable(2);
    add(small, [1, 2], 0);
    // Ids below 2 and 3 on two keys: 2 and 3 bits; one period: 1 bit.
    expect(small.directSlots).toBe(64);
  });

  it('finds every cell again after its hash table has grown several times, without a direct index', () => {
    const table = new CellTable(1);
    // Ids far apart: no direct index from the first cell on, so every row goes through the hash table.
    const ids = Array.from({ length: 100 }, (_, i) => 1_000_000 * (i + 1));
    for (const round of [0, 1, 2]) for (const id of ids) add(table, [id], round % 2, round);
    expect(table.directSlots).toBe(0);
    expect(table.size).toBe(200);
    const cell = (k: number) => cells(table)[k];
    expect([cell(0), cell(1), cell(100), cell(199)]).toStrictEqual(['1000000@0: 0×1 2×1', '2000000@0: 0×1 2×1', '1000000@1: 1×1', '100000000@1: 1×1']);
  });

  it('widens the answers to a power of two, keeping every cell’s counts in place', () => {
    const table = new CellTable(1);
    for (let id = 0; id < 20; id++) add(table, [id], 0, id % 16);
    table.widen(16);
    const before = cells(table);
    table.widen(17);
    expect(cells(table)).toStrictEqual(before);
    expect(table.countsOf(0)).toHaveLength(32);
    table.ids.set([19]);
    table.add(0, 31);
    table.widen(100);
    expect(table.countsOf(19)).toHaveLength(128);
    expect(cells(table).slice(-1)).toStrictEqual(['19@0: 3×1 31×1']);
    expect(cells(table).slice(0, 19)).toStrictEqual(before.slice(0, 19));
  });
});
