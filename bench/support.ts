/**
 * Support metrics at scale: timeToResolution over 10^6 tickets with epoch
 * millisecond times (calendar time, business hours in a zone with daylight
 * saving time, Kaplan-Meier with open tickets censored) and
 * firstContactResolution over 10^6 tickets and 10^6 survey answers, each
 * against a plain loop over the same data in the same run. There are no
 * ratio targets here: the ratios are printed, not checked.
 */
import { type BusinessHours, type FirstContactResolutionTicket, firstContactResolution, type TimeToResolutionTicket, timeToResolution } from '../src/index.js';
import { random, sizes } from './data.js';
import { measure, ratio } from './harness.js';

const MINUTE = 60_000;
const START = Date.UTC(2025, 0, 1);
/** Two years of tickets: every offset change of Europe/Amsterdam in 2025 and 2026. */
const SPAN = 730 * 24 * 60 * MINUTE;
const AS_OF = START + SPAN + 30 * 24 * 60 * MINUTE;

const HOURS: BusinessHours = {
  timeZone: 'Europe/Amsterdam',
  days: { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '17:00'] },
  holidays: ['2025-12-25', '2025-12-26', '2026-01-01', '2026-04-06', '2026-12-25'],
};

/** Tickets opened over two years, resolved after minutes to weeks (log-uniform), 5% still open. */
function tickets(n: number): TimeToResolutionTicket[] {
  const next = random(7);
  const out: TimeToResolutionTicket[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const openedAt = START + Math.floor(next() * SPAN);
    const duration = Math.floor(MINUTE * Math.exp(next() * Math.log(30 * 24 * 60)));
    out[i] = next() < 0.05 ? { openedAt, resolvedAt: null } : { openedAt, resolvedAt: openedAt + duration };
  }
  return out;
}

function fcrTickets(n: number): FirstContactResolutionTicket[] {
  const next = random(11);
  const out: FirstContactResolutionTicket[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const contacts = 1 + Math.floor(-Math.log(1 - next()) * 1.2);
    out[i] = { contacts, resolved: next() < 0.9, reopened: next() < 0.05 };
  }
  return out;
}

/** The plain baseline: durations as floats, sorted, the middle one. No validation, no open tickets, no exactness. */
function plainMedian(list: readonly TimeToResolutionTicket[]): number {
  const durations = new Float64Array(list.length);
  let k = 0;
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    if (t.resolvedAt !== null && t.resolvedAt !== undefined) durations[k++] = (t.resolvedAt as number) - (t.openedAt as number);
  }
  const sorted = durations.subarray(0, k).sort();
  return k % 2 === 1 ? sorted[(k - 1) / 2]! : (sorted[k / 2 - 1]! + sorted[k / 2]!) / 2;
}

function plainFcr(list: readonly FirstContactResolutionTicket[]): number {
  let resolved = 0;
  let first = 0;
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    if (t.resolved) {
      resolved++;
      if (t.contacts === 1 && !t.reopened) first++;
    }
  }
  return (first / resolved) * 100;
}

function plainShare(answers: readonly boolean[]): number {
  let yes = 0;
  for (let i = 0; i < answers.length; i++) if (answers[i]) yes++;
  return (yes / answers.length) * 100;
}

export async function run(): Promise<boolean> {
  for (const n of sizes().filter((s) => s <= 1e6)) {
    const ttr = tickets(n);
    const times = await measure('timeToResolution', n, [
      { name: 'timeToResolution(epoch ms)', fn: () => timeToResolution(ttr) },
      { name: 'timeToResolution(businessHours)', fn: () => timeToResolution(ttr, { businessHours: HOURS }) },
      { name: "timeToResolution(open: 'censor')", fn: () => timeToResolution(ttr, { open: 'censor', asOf: AS_OF }) },
      { name: 'plain loop: float durations + sort', fn: () => plainMedian(ttr) },
    ]);
    ratio(times, 'timeToResolution(epoch ms)', 'plain loop: float durations + sort');
    ratio(times, 'timeToResolution(businessHours)', 'plain loop: float durations + sort');
    ratio(times, 'timeToResolution(businessHours)', 'timeToResolution(epoch ms)');
    ratio(times, "timeToResolution(open: 'censor')", 'timeToResolution(epoch ms)');

    const fcr = fcrTickets(n);
    const answers = fcr.map((t) => t.contacts === 1);
    const fcrTimes = await measure('firstContactResolution', n, [
      { name: 'firstContactResolution(tickets)', fn: () => firstContactResolution(fcr) },
      { name: 'plain loop (tickets)', fn: () => plainFcr(fcr) },
      { name: 'firstContactResolution(boolean[])', fn: () => firstContactResolution(answers) },
      { name: 'plain loop (boolean[])', fn: () => plainShare(answers) },
    ]);
    ratio(fcrTimes, 'firstContactResolution(tickets)', 'plain loop (tickets)');
    ratio(fcrTimes, 'firstContactResolution(boolean[])', 'plain loop (boolean[])');
  }
  return true;
}
