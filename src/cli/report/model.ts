/**
 * What an HTML report shows: the command line fills this model from its
 * results (every number already rounded for display) and the renderer turns
 * it into one self-contained page. Plain, JSON-safe data: `null` where a
 * number does not exist.
 */

/** A whole report: a title, when and by which version it was made, and its sections. */
export interface ReportModel {
  readonly title: string;
  /** When the report was made, ISO 8601. */
  readonly generatedAt: string;
  /** The library version that computed the numbers. */
  readonly version: string;
  readonly sections: readonly ReportSection[];
}

/** One metric over segments (and periods): its charts, its table of rows and its trends. */
export interface ReportSection {
  /** A unique slug, used for the section's anchor. */
  readonly id: string;
  /** E.g. `"NPS by region, plan, per month (UTC)"`. */
  readonly title: string;
  /** The file name the numbers came from. */
  readonly input: string;
  /** What `value` measures, with its unit: `"NPS (points)"`, `"CSAT (% satisfied)"`. */
  readonly valueLabel: string;
  /** The segment dimensions; empty when the metric is not segmented. */
  readonly by: readonly string[];
  /** `'day' | 'week' | 'month' | 'quarter' | 'year' | 'label'`, or `null` when there are no periods. */
  readonly periodUnit: string | null;
  readonly rows: readonly ReportRow[];
  /** How changes were tested, or `null` when no changes were asked for. */
  readonly changes: { readonly against: string; readonly adjust: string; readonly comparisons: number } | null;
  /** One trend per segment, or `null` when no trends were asked for. */
  readonly trends: readonly ReportTrend[] | null;
  /** Free text lines shown under the section (e.g. rows skipped). */
  readonly notes: readonly string[];
}

/** One cell of a section: a segment in a period. */
export interface ReportRow {
  /** The key shown: `'EU / pro'`, or `'all'` without `by`. */
  readonly segment: string;
  /** The segment's value on each dimension of `by`. */
  readonly key: Readonly<Record<string, string | number | boolean | null>>;
  /** The period's label, e.g. `'2026-03'`, or `null` without periods. */
  readonly period: string | null;
  readonly n: number;
  readonly value: number | null;
  /** The interval's lower end, `null` when there is none. */
  readonly lower: number | null;
  /** The interval's upper end, `null` when there is none. */
  readonly upper: number | null;
  /** The p-value of the change against the baseline; `null` without changes or when not compared. */
  readonly p: number | null;
  /** `p` adjusted for the number of comparisons. */
  readonly pAdjusted: number | null;
  /** Whether the change is significant after adjustment; `null` when not compared. */
  readonly significant: boolean | null;
  /** Codes such as `'below-min-count'`, `'incomplete-period'`, `'no-baseline'`. */
  readonly flags: readonly string[];
}

/** A segment's linear trend over the periods: the slope, its interval and its adjusted p-value. */
export interface ReportTrend {
  readonly segment: string;
  readonly slope: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly pAdjusted: number | null;
  readonly significant: boolean | null;
  /** The slope's unit, e.g. `"points per month"`. */
  readonly unit: string;
}
