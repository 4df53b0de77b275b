/**
 * Contract specs of the support metrics: first contact resolution, time to
 * resolution and first response time, raw, as a tally and from a tally.
 */
import fc from 'fast-check';
import {
  firstContactResolution,
  firstContactResolutionCounts,
  firstContactResolutionFromCounts,
  firstResponseTime,
  firstResponseTimeCounts,
  firstResponseTimeFromCounts,
  timeToResolution,
  timeToResolutionCounts,
  timeToResolutionFromCounts,
} from '../../../src/index.js';
import { EXOTIC_OBJECTS, hostileFrom, ODD_TIMES } from '../../helpers/hostile.js';
import { accountsFor, lengthOf, num, own, totalIs } from '../accounting.js';
import * as A from '../arbitraries.js';
import { Call, copyData, type ExportSpec, viaArgs } from '../contract.js';

/** Values that are, or pass for, a `Date`, and times past every limit. */
const oddTimes = hostileFrom([...ODD_TIMES, ...EXOTIC_OBJECTS.filter((x) => /Date|toStringTag|Proxy\(new Date/.test(x.label))]);

/** Valid tickets and options (`valid`) with one time (a ticket's `fields` or `asOf`) replaced by an odd one. */
function withOddTime(name: string, valid: fc.Arbitrary<unknown[]>, fields: readonly string[]): fc.Arbitrary<Call> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom(...fields, 'asOf'), oddTimes, A.businessHours, fc.boolean()).map(([raw, k, field, odd, hours, addHours]) => {
    const args = raw.map(copyData);
    const tickets = args[0] as Record<string, unknown>[];
    const options = { ...((args[1] as Record<string, unknown> | undefined) ?? {}) };
    if (addHours) options.businessHours = hours;
    let note: string;
    if (field === 'asOf' || tickets.length === 0) {
      options.open = 'censor';
      options.asOf = odd.value;
      note = `options.asOf := ${odd.label}`;
    } else {
      const i = k % tickets.length;
      tickets[i]![field] = odd.value;
      note = `tickets[${i}].${field} := ${odd.label}`;
    }
    return new Call(name, [tickets, options], [note, ...(addHours ? ['with business hours'] : [])]);
  });
}

const fcrNeutral = () => [
  [
    { contacts: 1, resolved: true },
    { contacts: 2, resolved: true },
    { contacts: 1, resolved: false },
  ],
];
const ttrNeutral = () => [[{ openedAt: '2026-03-02T09:00:00Z', resolvedAt: '2026-03-02T10:15:00+01:00' }, { openedAt: 1_772_442_000_000 }]];

const TTR_FIELDS = ['openedAt', 'resolvedAt', 'firstResolvedAt'];
const frtNeutral = () => [[{ openedAt: '2026-03-02T09:00:00Z', firstRespondedAt: '2026-03-02T10:15:00+01:00' }, { openedAt: 1_772_442_000_000 }]];
const FRT_FIELDS = ['openedAt', 'firstRespondedAt'];

/** Tickets whose duration ended (`field`, a count in a result, a list in a tally) plus open tickets. */
const endedPlusOpen = (field: string) => (r: unknown) => {
  const ended = own(r, field);
  return (typeof ended === 'number' ? ended : (lengthOf(ended) ?? Number.NaN)) + num(r, 'open');
};
/** Resolved plus open tickets. */
const ttrAccounted = endedPlusOpen('resolved');
/** Answered plus unanswered tickets. */
const frtAccounted = endedPlusOpen('responded');

/** The support metrics: first contact resolution, time to resolution and first response time. */
export const supportSpecs: readonly ExportSpec[] = [
  {
    name: 'firstContactResolution',
    call: viaArgs(firstContactResolution),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'firstContactResolution',
    neutral: fcrNeutral,
    valid: A.fcrArgs,
    checkResult: accountsFor('firstContactResolution', (r) => num(r, 'total')),
  },
  {
    name: 'firstContactResolutionCounts',
    call: viaArgs(firstContactResolutionCounts),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'firstContactResolution',
    neutral: fcrNeutral,
    valid: A.fcrArgs,
    checkResult: accountsFor('firstContactResolution', (r) => num(r, 'total')),
  },
  {
    name: 'firstContactResolutionFromCounts',
    call: viaArgs(firstContactResolutionFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'firstContactResolution',
    neutral: () => [{ total: 13, resolved: 8, resolvedFirstContact: 8 }],
    valid: A.fcrFromCountsArgs,
    wide: A.fcrWideArgs,
    checkResult: totalIs('firstContactResolution', (c) => num(c, 'total')),
  },
  {
    name: 'timeToResolution',
    call: viaArgs(timeToResolution),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'timeToResolution',
    neutral: ttrNeutral,
    valid: A.ttrArgs,
    wide: A.ttrWideArgs,
    hostile: withOddTime('timeToResolution', A.ttrArgs, TTR_FIELDS),
    checkResult: accountsFor('timeToResolution', ttrAccounted),
  },
  {
    name: 'timeToResolutionCounts',
    call: viaArgs(timeToResolutionCounts),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'timeToResolution',
    neutral: ttrNeutral,
    valid: A.ttrArgs,
    wide: A.ttrWideArgs,
    hostile: withOddTime('timeToResolutionCounts', A.ttrArgs, TTR_FIELDS),
    checkResult: accountsFor('timeToResolution', ttrAccounted),
  },
  {
    name: 'timeToResolutionFromCounts',
    call: viaArgs(timeToResolutionFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'timeToResolution',
    neutral: () => [{ resolved: [1000, 3000, 2000, 10000], open: 0 }],
    valid: A.ttrFromCountsArgs,
    wide: A.ttrFromCountsWideArgs,
    checkResult: totalIs('timeToResolution', (c) => lengthOf(own(c, 'resolved')) ?? Number.NaN, 'resolved'),
  },
  {
    name: 'firstResponseTime',
    call: viaArgs(firstResponseTime),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'firstResponseTime',
    neutral: frtNeutral,
    valid: A.frtArgs,
    wide: A.frtWideArgs,
    hostile: withOddTime('firstResponseTime', A.frtArgs, FRT_FIELDS),
    checkResult: accountsFor('firstResponseTime', frtAccounted),
  },
  {
    name: 'firstResponseTimeCounts',
    call: viaArgs(firstResponseTimeCounts),
    params: ['tickets', 'options'],
    kinds: ['list', 'options'],
    metric: 'firstResponseTime',
    neutral: frtNeutral,
    valid: A.frtArgs,
    wide: A.frtWideArgs,
    hostile: withOddTime('firstResponseTimeCounts', A.frtArgs, FRT_FIELDS),
    checkResult: accountsFor('firstResponseTime', frtAccounted),
  },
  {
    name: 'firstResponseTimeFromCounts',
    call: viaArgs(firstResponseTimeFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'firstResponseTime',
    neutral: () => [{ responded: [60000, 180000, 120000, 900000], open: 0 }],
    valid: A.frtFromCountsArgs,
    wide: A.frtFromCountsWideArgs,
    checkResult: totalIs('firstResponseTime', (c) => lengthOf(own(c, 'responded')) ?? Number.NaN, 'responded'),
  },
];
