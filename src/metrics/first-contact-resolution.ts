/**
 * First contact resolution: the share of tickets resolved in a single
 * contact and never reopened.
 */
import * as z from 'zod/mini';
import { isPlainObject } from '../core/contract/brands.js';
import { describe, fail } from '../core/contract/errors.js';
import { lazy } from '../core/contract/lazy.js';
import type { IntervalOptions, RoundingOptions } from '../core/contract/options.js';
import type { MetricName } from '../core/contract/registry.js';
import { deepFreeze } from '../core/contract/result.js';
import { countSchema, formatOf, optionsObject, plainObject, plainStripObject, roundingFields } from '../core/contract/schemas.js';
import { customIssue, expected, parse, rejectElement } from '../core/contract/validate.js';
import { complementOf, type OutputFormat, output, percentOf, roundExact } from '../core/exact/decimal.js';
import {
  type Interval,
  type IntervalOption,
  type IntervalSettings,
  intervalSettings,
  proportionInference,
  proportionIntervalSchema,
} from '../core/stats/interval-fields.js';
import type { ProportionMethod } from '../core/stats/proportion-intervals.js';
import type { Warning } from '../core/stats/warnings.js';

/** One support ticket, as a help desk exports it. Other fields (an id, dates) are allowed and ignored. */
export interface FirstContactResolutionTicket {
  /** Customer contacts (or agent replies) the ticket took: an integer, 1 or more. */
  readonly contacts: number;
  /** Whether the ticket is resolved. */
  readonly resolved: boolean;
  /** Whether the ticket was reopened after a resolution. Absent means no. */
  readonly reopened?: boolean | undefined;
}

/** What FCR divides by. */
export type FirstContactResolutionDenominator = 'resolved' | 'all';

/**
 * Options of {@link firstContactResolution}, {@link firstContactResolutionCounts}
 * and {@link firstContactResolutionFromCounts}. The interval is that of
 * `value`, `resolvedFirstContact` out of the denominator, by a proportion
 * method (docs/guides/interval-methods.md).
 */
export interface FirstContactResolutionOptions extends RoundingOptions, IntervalOptions<IntervalOption<ProportionMethod>> {
  /**
   * `'resolved'` (default) divides by resolved tickets, as help desks such
   * as Freshservice do; `'all'` divides by every ticket, resolved or not, as
   * many contact-centre definitions do.
   */
  readonly denominator?: FirstContactResolutionDenominator;
}

/** The tally FCR is computed from. Merge tallies with `mergeCounts`. */
export interface FirstContactResolutionCounts {
  /** The metric the tally is for: `'firstContactResolution'`. */
  readonly metric: 'firstContactResolution';
  /** Tickets (or survey answers). */
  readonly total: number;
  /** Resolved tickets. */
  readonly resolved: number;
  /** Tickets resolved in one contact and never reopened. */
  readonly resolvedFirstContact: number;
}

/** The result of {@link firstContactResolution} and {@link firstContactResolutionFromCounts}. */
export interface FirstContactResolutionResult {
  /** The metric's name, as in the registry. */
  readonly metric: 'firstContactResolution';
  /** The unit of `value`: percent. */
  readonly unit: 'percent';
  /** Percent of the denominator resolved in one contact and never reopened; `null` when the denominator is zero. */
  readonly value: number | null;
  /** What `value` was divided by. */
  readonly denominator: FirstContactResolutionDenominator;
  /** Resolved tickets (every survey answer). */
  readonly resolved: number;
  /** Tickets resolved in one contact and never reopened (`true` answers). */
  readonly resolvedFirstContact: number;
  /** Tickets, or survey answers. */
  readonly total: number;
  /** `100 - value`, from the rounded value so the two always add up to 100; `null` with `value`. */
  readonly repeatContactPercent: number | null;
  /**
   * The confidence interval of `value` in percent, present only when the
   * `interval` option asked for one; `null` when the denominator is zero.
   */
  readonly interval?: Interval | null;
  /** `small-sample` by the proportion rule on `resolvedFirstContact` out of the denominator, and the interval's own warnings. */
  readonly warnings: readonly Warning[];
}

interface Parsed {
  readonly denominator: FirstContactResolutionDenominator;
  readonly interval: IntervalSettings<ProportionMethod> | null;
  readonly format: OutputFormat;
}

const METRIC = 'firstContactResolution' as const satisfies MetricName;

/** A ticket's fields as read from the input, before they are checked. */
type TicketFields = { readonly [K in keyof FirstContactResolutionTicket]?: unknown };

const optionsSchema = /* @__PURE__ */ lazy(() =>
  optionsObject({
    denominator: z.optional(z.enum(['resolved', 'all'], expected('"resolved" or "all"'))),
    interval: proportionIntervalSchema(),
    ...roundingFields(),
  }),
);

function parseOptions(options: unknown): Parsed {
  const o = parse(METRIC, optionsSchema(), options, ['options']) ?? {};
  return { denominator: o.denominator ?? 'resolved', interval: intervalSettings(o.interval, 'wilson'), format: formatOf(o) };
}

/**
 * First contact resolution (FCR): the share of tickets resolved in a single
 * contact and never reopened.
 *
 * `FCR = 100 * resolvedFirstContact / resolved` (or `/ total` with
 * `denominator: 'all'`), where a ticket counts as resolved at first contact
 * when it is resolved, took one contact, and was not reopened.
 *
 * Tickets come in one of two forms: ticket records `{ contacts, resolved,
 * reopened? }`, or answers to the survey question "was your issue solved on
 * first contact?" as booleans (every answer is a resolved ticket; `true`
 * means first contact). The form is set by the first element.
 *
 * With `interval`, the result carries a confidence interval for `value`,
 * treating the tickets as a sample of the team's work: `resolvedFirstContact`
 * successes out of the denominator, by a proportion method (Wilson by
 * default). `warnings` says when the sample is small (fewer than 30 in the
 * denominator, or fewer than 10 on either side of the proportion).
 *
 * @param tickets - Ticket records, or survey answers as booleans.
 * @param options - Denominator, interval and output rounding.
 * @returns The FCR percent, the counts, the repeat-contact percent, the
 *   interval when asked for, and warnings; `value` is `null` when the
 *   denominator is zero.
 * @throws {@link MetricsError} when a ticket is malformed (`path` is
 *   `['tickets', index, field]`), an element is not of the first element's
 *   form (`['tickets', index]`), or an option is invalid.
 * @example
 * const tickets = [
 *   { contacts: 1, resolved: true },
 *   { contacts: 1, resolved: true, reopened: true },
 *   { contacts: 3, resolved: true },
 *   { contacts: 1, resolved: false },
 * ];
 * firstContactResolution(tickets).value // => 100 / 3
 * firstContactResolution(tickets, { denominator: 'all' }).value // => 25
 * firstContactResolution(tickets, { decimals: 1 }).repeatContactPercent // => 66.7
 * firstContactResolution([true, true, false, true]).value // => 75
 * firstContactResolution([]).value // => null
 * firstContactResolution(tickets).warnings.map((w) => w.code) // => ['small-sample']
 * firstContactResolutionFromCounts({ total: 354, resolved: 246, resolvedFirstContact: 246 }, { denominator: 'all', interval: true, decimals: 1 }).interval // => { lower: 64.5, upper: 74.1, level: 0.95, method: 'wilson', standardError: null, clamped: false }
 */
export function firstContactResolution(
  tickets: readonly FirstContactResolutionTicket[] | readonly boolean[],
  options?: FirstContactResolutionOptions,
): FirstContactResolutionResult {
  const parsed = parseOptions(options);
  return fromTally(tally(tickets), parsed);
}

/**
 * The FCR tally of `tickets`: tickets, resolved tickets, and tickets
 * resolved at first contact. Tallies of parts of the data merge with
 * `mergeCounts` into the tally of the whole.
 *
 * @param tickets - As for {@link firstContactResolution}.
 * @param options - As for {@link firstContactResolution} (validated; the tally does not depend on them).
 * @throws {@link MetricsError} as {@link firstContactResolution} does.
 * @example
 * const tickets = [{ contacts: 1, resolved: true }, { contacts: 2, resolved: true }, { contacts: 1, resolved: false }];
 * firstContactResolutionCounts(tickets) // => { metric: 'firstContactResolution', total: 3, resolved: 2, resolvedFirstContact: 1 }
 * firstContactResolutionCounts([true, false]).resolved // => 2
 */
export function firstContactResolutionCounts(
  tickets: readonly FirstContactResolutionTicket[] | readonly boolean[],
  options?: FirstContactResolutionOptions,
): FirstContactResolutionCounts {
  parseOptions(options);
  return deepFreeze(tally(tickets));
}

const countsSchema = /* @__PURE__ */ lazy(() =>
  plainObject(
    { metric: z.optional(z.literal(METRIC, expected(`"${METRIC}"`))), total: countSchema(), resolved: countSchema(), resolvedFirstContact: countSchema() },
    expected('an FCR tally { total, resolved, resolvedFirstContact }'),
  ).check(
    z.superRefine((c, ctx) => {
      if (c.resolved > c.total) {
        ctx.addIssue(customIssue('inconsistent', ['resolved'], `expected at most total (${c.total}) resolved tickets, received ${c.resolved}`, c.resolved));
      } else if (c.resolvedFirstContact > c.resolved) {
        const message = `expected at most resolved (${c.resolved}) tickets resolved at first contact, received ${c.resolvedFirstContact}`;
        ctx.addIssue(customIssue('inconsistent', ['resolvedFirstContact'], message, c.resolvedFirstContact));
      }
    }),
  ),
);

/**
 * FCR from a tally: from {@link firstContactResolutionCounts}, from merged
 * tallies, or from counts a help desk already reports.
 *
 * @param counts - `{ total, resolved, resolvedFirstContact }`, non-negative
 *   integers with `resolvedFirstContact <= resolved <= total`.
 * @param options - Denominator, interval and output rounding.
 * @throws {@link MetricsError} when a count is not a non-negative integer or
 *   the counts contradict one another (`path` is `['counts', field]`).
 * @example
 * firstContactResolutionFromCounts({ total: 13, resolved: 8, resolvedFirstContact: 8 }, { denominator: 'all', decimals: 2 }).value // => 61.54
 * firstContactResolutionFromCounts({ total: 5, resolved: 6, resolvedFirstContact: 1 }) // throws
 */
export function firstContactResolutionFromCounts(
  counts: Omit<FirstContactResolutionCounts, 'metric'> & Partial<Pick<FirstContactResolutionCounts, 'metric'>>,
  options?: FirstContactResolutionOptions,
): FirstContactResolutionResult {
  const parsed = parseOptions(options);
  return fromTally(parseCounts(counts), parsed);
}

/** Validates a given tally. */
function parseCounts(counts: unknown): FirstContactResolutionCounts {
  const c = parse(METRIC, countsSchema(), counts, ['counts']);
  return { metric: METRIC, total: c.total, resolved: c.resolved, resolvedFirstContact: c.resolvedFirstContact };
}

function tally(tickets: unknown): FirstContactResolutionCounts {
  if (!Array.isArray(tickets)) {
    fail(METRIC, 'invalid-type', ['tickets'], `expected an array of tickets { contacts, resolved, reopened? } or of booleans, received ${describe(tickets)}`);
  }
  const n = tickets.length;
  if (n === 0) return { metric: METRIC, total: 0, resolved: 0, resolvedFirstContact: 0 };
  let resolvedFirstContact = 0;
  if (typeof tickets[0] === 'boolean') {
    for (let i = 0; i < n; i++) {
      const answer: unknown = tickets[i];
      if (answer === true) resolvedFirstContact++;
      else if (answer !== false) rejectAnswer(answer, i);
    }
    return { metric: METRIC, total: n, resolved: n, resolvedFirstContact };
  }
  let resolved = 0;
  for (let i = 0; i < n; i++) {
    const t: unknown = tickets[i];
    if (!isPlainObject(t)) rejectTicket(t, i);
    const { contacts, resolved: isResolved, reopened } = t as TicketFields;
    if (
      typeof contacts !== 'number' ||
      !(contacts >= 1) ||
      !Number.isSafeInteger(contacts) ||
      typeof isResolved !== 'boolean' ||
      (reopened !== undefined && typeof reopened !== 'boolean')
    ) {
      rejectTicket(t, i);
    }
    if (isResolved) {
      resolved++;
      if (contacts === 1 && reopened !== true) resolvedFirstContact++;
    }
  }
  return { metric: METRIC, total: n, resolved, resolvedFirstContact };
}

function rejectAnswer(answer: unknown, index: number): never {
  const code = answer === null || answer === undefined ? 'missing-value' : 'invalid-type';
  return fail(METRIC, code, ['tickets', index], `expected a boolean survey answer like the first element, received ${describe(answer)}`);
}

const CONTACTS = /* @__PURE__ */ (() => expected('an integer number of contacts, 1 or more'))();
const ticketSchema = /* @__PURE__ */ lazy(() =>
  plainStripObject(
    {
      contacts: z.number(CONTACTS).check(z.int(CONTACTS), z.minimum(1, CONTACTS)),
      resolved: z.boolean(expected('a boolean')),
      reopened: z.optional(z.boolean(expected('a boolean, or absent'))),
    },
    expected('a ticket { contacts, resolved, reopened? } like the first element'),
  ),
);

/** Describes the bad ticket at `index` with zod and throws. */
function rejectTicket(ticket: unknown, index: number): never {
  return rejectElement(METRIC, ticketSchema(), ticket, ['tickets', index], `expected a ticket { contacts, resolved, reopened? }, received ${describe(ticket)}`);
}

function fromTally(c: FirstContactResolutionCounts, o: Parsed): FirstContactResolutionResult {
  const denominator = o.denominator === 'all' ? c.total : c.resolved;
  const exact = percentOf(c.resolvedFirstContact, denominator);
  const rounded = exact === null ? null : roundExact(exact, o.format);
  return deepFreeze<FirstContactResolutionResult>({
    metric: METRIC,
    unit: 'percent',
    value: rounded === null ? null : output(rounded, o.format),
    denominator: o.denominator,
    resolved: c.resolved,
    resolvedFirstContact: c.resolvedFirstContact,
    total: c.total,
    repeatContactPercent: rounded === null ? null : output(complementOf(rounded), o.format),
    ...proportionInference(c.resolvedFirstContact, denominator, o.interval, o.format),
  });
}
