/**
 * The floor for JavaScript: the fastest honest hand-written NPS by region x
 * plan x UTC month over the benchmark's CSV, for the command line to be
 * measured against.
 *
 * It knows the layout (`id,answered_at,region,plan,score`, no quoting, no
 * commas inside fields) and reads bytes, never strings: the file in 1 MB
 * chunks with `fs.readSync`, commas and newlines found by byte, the month
 * taken from the timestamp's first 7 bytes (`YYYY-MM`, which is the UTC month
 * because every timestamp ends in `Z`), the `region,plan` bytes hashed
 * (FNV-1a) into an open-addressing table and compared byte for byte on a hit,
 * so two names never share a cell. Per cell it counts promoters (9-10),
 * passives (7-8), detractors (0-6) and empty scores; a score that is not an
 * integer from 0 to 10 or a line with too few fields stops it with an error.
 *
 * Prints `region,plan,period,n,value` sorted by region, plan, period, where
 * `n` counts answered rows and `value` is `100 * (promoters - detractors) / n`
 * (empty when n is 0).
 *
 * Usage: node bench/cli/floor.mjs FILE
 */
import { closeSync, openSync, readSync } from 'node:fs';

const EXPECTED_HEADER = 'id,answered_at,region,plan,score';
const CHUNK = 1 << 20;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;
const ZERO = 48;

/** Open-addressing table of `region,plan` keys: slots hold a key's id + 1, or 0 when free. */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** Counter offsets in a cell: promoters, passives, detractors, empty. */
const KIND_OF_SCORE = new Int32Array([2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0]);
const EMPTY = 3;

function fail(message) {
  throw new Error(`floor: ${message}`);
}

/** An empty tally: the key table, the month slots and the counts. */
function emptyTally() {
  return {
    slotHash: new Int32Array(1 << TABLE_BITS),
    slotKey: new Int32Array(1 << TABLE_BITS),
    /** Bytes of each key, for the comparison on a hash hit. */
    keyBytes: [],
    /** Per key, 4 counters per month slot. */
    cells: [],
    /** Month slot of `year * 12 + month - 1`, plus one; 0 for a month not seen yet. */
    monthSlot: new Int32Array(10_000 * 12),
    months: [],
    monthCapacity: 32,
    /** The number of the next line to read, for messages. */
    line: 1,
  };
}

/** Adds the key `buf[from, to)` with hash `h` at the free `slot`; returns its id. */
function addKey(t, h, slot, buf, from, to) {
  const key = t.keyBytes.length;
  if (key > TABLE_MASK >> 1) fail(`more than ${TABLE_MASK >> 1} region x plan pairs`);
  t.keyBytes.push(Uint8Array.from(buf.subarray(from, to)));
  t.cells.push(new Float64Array(t.monthCapacity * 4));
  t.slotHash[slot] = h;
  t.slotKey[slot] = key + 1;
  return key;
}

/** Gives `monthCode` (`year * 12 + month - 1`) the next month slot, growing every key's counts when full; returns the slot. */
function addMonth(t, monthCode) {
  const s = t.months.length;
  t.months.push(`${String(Math.floor(monthCode / 12)).padStart(4, '0')}-${String((monthCode % 12) + 1).padStart(2, '0')}`);
  t.monthSlot[monthCode] = s + 1;
  if (s >= t.monthCapacity) {
    t.monthCapacity *= 2;
    for (let k = 0; k < t.cells.length; k++) {
      const grown = new Float64Array(t.monthCapacity * 4);
      grown.set(t.cells[k]);
      t.cells[k] = grown;
    }
  }
  return s;
}

/** Counts the lines of `buf[i, last]`, which ends with a newline. */
function scan(buf, i, last, t) {
  const { slotHash, slotKey, keyBytes, cells, monthSlot } = t;
  let line = t.line;
  while (i <= last) {
    let c = buf[i];
    if (c === NEWLINE) {
      i++;
      line++;
      continue;
    }
    // id
    while (c !== COMMA) {
      if (c === NEWLINE) fail(`line ${line}: expected 5 fields`);
      c = buf[++i];
    }
    i++;
    // answered_at: YYYY-MM from the first 7 bytes, then to the comma.
    const y0 = buf[i] - ZERO;
    const y1 = buf[i + 1] - ZERO;
    const y2 = buf[i + 2] - ZERO;
    const y3 = buf[i + 3] - ZERO;
    const m0 = buf[i + 5] - ZERO;
    const m1 = buf[i + 6] - ZERO;
    const month = m0 * 10 + m1;
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || buf[i + 4] !== 45 || month < 1 || month > 12) {
      fail(`line ${line}: expected a timestamp YYYY-MM-...`);
    }
    const monthCode = (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + month - 1;
    i += 7;
    c = buf[i];
    while (c !== COMMA) {
      if (c === NEWLINE) fail(`line ${line}: expected 5 fields`);
      c = buf[++i];
    }
    i++;
    // region,plan: hashed as one key.
    const keyStart = i;
    let h = 0x811c9dc5 | 0;
    c = buf[i];
    while (c !== COMMA) {
      if (c === NEWLINE) fail(`line ${line}: expected 5 fields`);
      h = Math.imul(h ^ c, 16777619);
      c = buf[++i];
    }
    h = Math.imul(h ^ COMMA, 16777619);
    c = buf[++i];
    while (c !== COMMA) {
      if (c === NEWLINE) fail(`line ${line}: expected 5 fields`);
      h = Math.imul(h ^ c, 16777619);
      c = buf[++i];
    }
    const keyEnd = i;
    i++;
    let slot = h & TABLE_MASK;
    let key = -1;
    for (;;) {
      const id = slotKey[slot] - 1;
      if (id === -1) {
        key = addKey(t, h, slot, buf, keyStart, keyEnd);
        break;
      }
      if (slotHash[slot] === h) {
        const bytes = keyBytes[id];
        const length = bytes.length;
        if (length === keyEnd - keyStart) {
          let j = 0;
          while (j < length && bytes[j] === buf[keyStart + j]) j++;
          if (j === length) {
            key = id;
            break;
          }
        }
      }
      slot = (slot + 1) & TABLE_MASK;
    }
    let s = monthSlot[monthCode] - 1;
    if (s === -1) s = addMonth(t, monthCode);
    // score: empty, or an integer 0-10, then the line end.
    const counts = cells[key];
    c = buf[i];
    if (c === NEWLINE || c === RETURN) {
      counts[s * 4 + EMPTY]++;
    } else {
      let score = c - ZERO;
      c = buf[++i];
      if (c !== NEWLINE && c !== RETURN) {
        score = score * 10 + c - ZERO;
        c = buf[++i];
      }
      if (score >>> 0 > 10 || (c !== NEWLINE && c !== RETURN)) fail(`line ${line}: expected an integer score from 0 to 10 or nothing`);
      counts[s * 4 + KIND_OF_SCORE[score]]++;
    }
    if (c === RETURN) c = buf[++i];
    if (c !== NEWLINE) fail(`line ${line}: expected the end of the line after the score`);
    i++;
    line++;
  }
  t.line = line;
}

/**
 * Tallies the file. Returns `{ keys, months, cells }`: `keys[k]` the
 * `region,plan` text of key `k`, `months[s]` the `YYYY-MM` of month slot `s`,
 * `cells[k][s * 4 + c]` the count of counter `c`.
 */
function tally(file) {
  const fd = openSync(file, 'r');
  // One spare byte to end a last line that has no newline.
  const buf = Buffer.allocUnsafe(CHUNK + 1);
  const t = emptyTally();
  let carried = 0;
  let header = true;
  for (;;) {
    const read = readSync(fd, buf, carried, CHUNK - carried, null);
    let end = carried + read;
    if (read === 0) {
      if (carried === 0) break;
      buf[end++] = NEWLINE;
    }
    // Only whole lines: up to and including the last newline of the buffer.
    const last = buf.lastIndexOf(NEWLINE, end - 1);
    if (last === -1) fail(`line ${t.line} is longer than ${CHUNK} bytes`);
    let i = 0;
    if (header) {
      const newline = buf.indexOf(NEWLINE);
      const text = buf
        .toString('utf8', 0, newline)
        .replace(/^\uFEFF/, '')
        .replace(/\r$/, '');
      if (text !== EXPECTED_HEADER) fail(`expected the header ${EXPECTED_HEADER}, received ${text}`);
      i = newline + 1;
      header = false;
      t.line++;
    }
    scan(buf, i, last, t);
    carried = end - (last + 1);
    buf.copyWithin(0, last + 1, end);
    if (read === 0) break;
  }
  closeSync(fd);
  if (header) fail(`expected the header ${EXPECTED_HEADER}, received an empty file`);
  return { keys: t.keyBytes.map((bytes) => Buffer.from(bytes).toString('utf8')), months: t.months, cells: t.cells };
}

/** The output rows, `region,plan,period,n,value`, sorted by region, plan, period. */
function rows({ keys, months, cells }) {
  const out = [];
  for (let k = 0; k < keys.length; k++) {
    const comma = keys[k].indexOf(',');
    const region = keys[k].slice(0, comma);
    const plan = keys[k].slice(comma + 1);
    const counts = cells[k];
    for (let s = 0; s < months.length; s++) {
      const promoters = counts[s * 4];
      const passives = counts[s * 4 + 1];
      const detractors = counts[s * 4 + 2];
      const empty = counts[s * 4 + EMPTY];
      const n = promoters + passives + detractors;
      if (n + empty === 0) continue;
      const value = n === 0 ? '' : String((100 * (promoters - detractors)) / n);
      out.push({ region, plan, period: months[s], text: `${region},${plan},${months[s]},${n},${value}` });
    }
  }
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  out.sort((a, b) => compare(a.region, b.region) || compare(a.plan, b.plan) || compare(a.period, b.period));
  return out.map((row) => row.text);
}

const file = process.argv[2];
try {
  if (file === undefined) fail('usage: node bench/cli/floor.mjs FILE');
  process.stdout.write(['region,plan,period,n,value', ...rows(tally(file))].map((row) => `${row}\n`).join(''));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
