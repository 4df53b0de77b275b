/**
 * The tallies of a single-answer survey metric (NPS, CSAT, CES, the
 * repurchase rate) from many rows, by counting distinct answers.
 *
 * A file of millions of answers holds a few distinct answers per cell (the
 * eleven points of a 0-10 scale, a missing answer). Each row is counted
 * under its segment, period and answer in plain integer counters; each
 * distinct answer is checked once, by the metric's own `...Counts` on that
 * one answer, the first time it is seen. At the end each cell's tally is
 * made from the metric's tally of each of its answers alone: tallies of
 * these metrics are counts, which merge by adding, so `n` rows of an answer
 * are its tally with every count multiplied by `n`, and the result is the
 * tally the metric computes on the rows themselves. Rows this path does not
 * read exactly as the library's tallying loop would (a key that is not
 * text, a time that is not epoch milliseconds) are left to that loop, and
 * the two tables merge.
 */
import { isMetricsError, type MetricsError } from '../core/contract/errors.js';
import type { TallyMetric } from '../core/contract/registry.js';
import { define, type Tally, type TallyField, type TallyShape } from '../core/contract/tally.js';
import type { Calendar } from '../core/time/periods.js';
import { MAX_TIME_MS } from '../core/time/time.js';
import { TALLYING_METRICS } from '../metrics/registry.js';
import type { SegmentCounts } from '../segments/segment.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { calendarOf, publicCounts, tableOf } from '../segments/table.js';

/** The metrics whose per-row input is one answer, tallied by counting distinct answers. */
const DISTINCT_METRICS: ReadonlySet<TallyMetric> = new Set(['nps', 'csat', 'ces', 'repurchaseRate']);

type Counts = (input: unknown, options?: unknown) => Tally;

interface Cell {
  readonly key: readonly string[];
  readonly period: number | null;
  /** Rows per distinct answer, by the answer's index. */
  readonly n: number[];
}

interface Node {
  readonly key: readonly string[];
  readonly children: Map<string, Node>;
  readonly cells: Map<number | null, Cell>;
}

/** The node of the key `v` under `node`, made when new. */
function childOf(node: Node, v: string): Node {
  let child = node.children.get(v);
  if (child === undefined) {
    child = { key: [...node.key, v], children: new Map(), cells: new Map() };
    node.children.set(v, child);
  }
  return child;
}

/** A tally field that holds other fields: a record of one kind, or a nested object. */
type Fields = { readonly record: TallyField } | { readonly shape: TallyShape };

/**
 * Adds `n` times the counts of `one` (the tally of one answer, or an object
 * in it, whose fields are `fields`) to `into`, key by key: counts and
 * integers multiplied and added, in records and nested objects too. The
 * metric's name, the one key outside the shape, is copied.
 */
function addTimes(into: Record<string, unknown>, one: Readonly<Record<string, unknown>>, n: number, fields: Fields): void {
  for (const key of Object.keys(one)) {
    const value = one[key];
    let field = 'shape' in fields ? fields.shape[key] : fields.record;
    if (field === undefined) {
      define(into, key, value);
      continue;
    }
    if (typeof field === 'object' && 'optional' in field) {
      if (value === undefined) continue;
      field = field.optional;
    }
    if (field === 'count' || field === 'integer') {
      define(into, key, ((Object.hasOwn(into, key) ? into[key] : 0) as number) + (value as number) * n);
    } else if (typeof field === 'object' && !('optional' in field)) {
      if (!Object.hasOwn(into, key)) define(into, key, {});
      addTimes(into[key] as Record<string, unknown>, value as Record<string, unknown>, n, field);
    } else {
      // Unweighted tallies of these metrics hold counts only.
      throw new Error(`DistinctTally: a tally field of kind ${field} is not added`);
    }
  }
}

/** What the counting loop does with a row it cannot count itself or finds invalid. */
export interface DistinctSink {
  /** Row `i` goes to the library's tallying loop. */
  slow(i: number): void;
  /** Row `i` is invalid: the answer's error, in the metric's words. */
  invalid(i: number, error: MetricsError): void;
}

/** Counts rows by segment, period and distinct answer. */
export class DistinctTally {
  readonly #metric: TallyMetric;
  readonly #counts: Counts;
  readonly #options: unknown;
  readonly #by: readonly string[];
  readonly #value: string;
  readonly #time: string | null;
  readonly #cal: Calendar | null;
  readonly #template: SegmentCounts;
  readonly #root: Node = { key: [], children: new Map(), cells: new Map() };
  readonly #cells: Cell[] = [];
  /** Distinct answers: their index, and the error of an invalid one. */
  readonly #answers = new Map<unknown, number>();
  readonly #values: unknown[] = [];
  readonly #errors: (MetricsError | null)[] = [];
  /** Per answer, the metric's tally of it alone. */
  readonly #ones: Tally[] = [];

  private constructor(spec: SegmentCountsSpec, template: SegmentCounts, cal: Calendar | null) {
    this.#metric = spec.metric;
    this.#counts = TALLYING_METRICS[spec.metric].counts as unknown as Counts;
    this.#options = spec.options ?? {};
    this.#by = Array.isArray(spec.by) ? (spec.by as string[]) : [];
    this.#value = spec.value as string;
    this.#time = spec.period === undefined ? null : (spec.period.field as string);
    this.#cal = cal;
    this.#template = template;
  }

  /**
   * The counting tally for a spec, or `null` when the spec is not one it
   * counts: another metric, weights, a missing-key label, label periods,
   * or readers that are not column names.
   *
   * @param template - The table of no rows for the spec, whose settings the result takes.
   */
  static of(spec: SegmentCountsSpec, template: SegmentCounts): DistinctTally | null {
    if (!DISTINCT_METRICS.has(spec.metric) || spec.weight !== undefined || spec.missingKey !== undefined) return null;
    if (typeof spec.value !== 'string') return null;
    if (spec.by !== undefined && !(Array.isArray(spec.by) && spec.by.every((b) => typeof b === 'string'))) return null;
    if (spec.period !== undefined && (spec.period.unit === undefined || typeof spec.period.field !== 'string')) return null;
    const period = template.period;
    if (period !== null && period.unit === null) return null;
    return new DistinctTally(spec, template, calendarOf(period));
  }

  /** The columns it counts by name: the answer, the `by` keys in order, the time (`null` without periods). */
  get columns(): { readonly value: string; readonly by: readonly string[]; readonly time: string | null } {
    return { value: this.#value, by: this.#by, time: this.#time };
  }

  /** The calendar of the periods, or `null` without periods. */
  get calendar(): Calendar | null {
    return this.#cal;
  }

  /** The index of a distinct answer, checking it the first time it is seen. */
  answer(v: unknown): number {
    let a = this.#answers.get(v);
    if (a === undefined) {
      a = this.#values.length;
      this.#answers.set(v, a);
      this.#values.push(v);
      let error: MetricsError | null = null;
      try {
        this.#counts([v], this.#options);
      } catch (e) {
        if (!isMetricsError(e)) throw e;
        error = e;
      }
      this.#errors.push(error);
    }
    return a;
  }

  /** Counts rows `from` to `to` of a batch's columns (by name); rows it does not count go to `sink`. */
  add(columns: Readonly<Record<string, readonly unknown[]>>, from: number, to: number, sink: DistinctSink): void {
    const keys = this.#by.map((b) => columns[b] as readonly unknown[]);
    const values = columns[this.#value] as readonly unknown[];
    const times = this.#time === null ? null : (columns[this.#time] as readonly unknown[]);
    const cal = this.#cal;
    const d = keys.length;
    rows: for (let i = from; i < to; i++) {
      let node = this.#root;
      for (let k = 0; k < d; k++) {
        const v = (keys[k] as readonly unknown[])[i];
        if (typeof v !== 'string') {
          sink.slow(i);
          continue rows;
        }
        node = childOf(node, v);
      }
      let period: number | null = null;
      if (times !== null) {
        const t = times[i];
        if (typeof t !== 'number' || !Number.isInteger(t) || t < -MAX_TIME_MS || t > MAX_TIME_MS) {
          sink.slow(i);
          continue;
        }
        period = (cal as Calendar).ordinalOf(t);
      }
      const a = this.answer(values[i]);
      const error = this.#errors[a] as MetricsError | null;
      if (error !== null) {
        sink.invalid(i, error);
        continue;
      }
      const n = this.#cellOf(node, period).n;
      n[a] = (n[a] ?? 0) + 1;
    }
  }

  /** The error of answer `a` when the metric refuses it, else `null`. */
  answerError(a: number): MetricsError | null {
    return this.#errors[a] ?? null;
  }

  /** The value of answer `a`. */
  answerValue(a: number): unknown {
    return this.#values[a];
  }

  /** Adds `counts[a]` rows of answer `a` to the cell of `key` (text per `by` column) and `period` (an ordinal or `null`). */
  addCounts(key: readonly string[], period: number | null, counts: ArrayLike<number>): void {
    let node = this.#root;
    for (const v of key) node = childOf(node, v);
    const n = this.#cellOf(node, period).n;
    for (let a = 0; a < counts.length; a++) if (counts[a]! > 0) n[a] = (n[a] ?? 0) + counts[a]!;
  }

  #cellOf(node: Node, period: number | null): Cell {
    let cell = node.cells.get(period);
    if (cell === undefined) {
      cell = { key: node.key, period, n: [] };
      node.cells.set(period, cell);
      this.#cells.push(cell);
    }
    return cell;
  }

  /** The table of tallies of the rows counted: each cell's tally, made from the tallies of its distinct answers. */
  table(): SegmentCounts {
    const shape = TALLYING_METRICS[this.#metric].shape as TallyShape;
    const cells = this.#cells.map((cell) => {
      // Rows read number below 2^53, so no count of a cell passes it.
      const tally: Record<string, unknown> = {};
      cell.n.forEach((count, a) => {
        if (count === 0) return;
        let one = this.#ones[a];
        if (one === undefined) {
          one = this.#counts([this.#values[a]], this.#options);
          this.#ones[a] = one;
        }
        addTimes(tally, one as unknown as Record<string, unknown>, count, { shape });
      });
      return { key: cell.key, period: cell.period === null ? null : (this.#cal as Calendar).label(cell.period), counts: tally as unknown as Tally };
    });
    return publicCounts(tableOf(this.#metric, this.#template.by, { cells, period: this.#template.period }));
  }
}
