/**
 * Writes the sample billing data of a small software business (prices in
 * EUR, per seat) over the eighteen months from January 2024 to June 2025:
 *
 * - examples/data/billing-changes.json: the change log of the customers who
 *   pay by card, `{ customerId, at, mrr, plan, region }` records ("from `at`
 *   on, this customer's MRR is `mrr`"), with `mrr` a decimal string with
 *   cents ('0.00' is a cancellation) and `at` the local time in Berlin during
 *   business hours (working days, 08:00-18:00) with the offset in force:
 *   +01:00 in winter, +02:00 in summer.
 * - examples/data/invoices.json: the invoice lines of the customers who are
 *   invoiced, `{ customerId, amount, servicePeriodStart, servicePeriodEnd,
 *   plan, region }`, the service periods as calendar dates (Berlin midnight,
 *   the end exclusive): an annual plan invoiced once and not renewed, another
 *   annual plan, monthly and quarterly invoices, an add-on line that overlaps
 *   the base line, a plan change and a lapse of two months. `mrrFromInvoices`
 *   turns them into changes of the same shape; their ids (`inv-..`) are not
 *   used by the change log.
 *
 * What the change log holds: signups every month (a launch peak in January
 * 2024), seat changes (expansion and contraction within a plan), upgrades and
 * downgrades between plans (basic < pro < business) on any day of the month,
 * cancellations, returns after one or two months and after seven to eleven,
 * and some scripted customers so that every case is there whatever the draws:
 * a basic -> pro change in the middle of a month, customers who join and
 * cancel within one month, a cancellation undone in the same month, a return
 * the month after cancelling and a return after ten months. Nothing happens
 * after the log was taken, 2025-06-20T12:00:00+02:00 (`asOf`).
 *
 * Everything is drawn from a seeded PRNG (mulberry32), so every run writes the
 * same files. Rerun: node scripts/make-sample-billing.mjs
 */
import { writeFileSync } from 'node:fs';
import { draws } from './sample-random.mjs';

const SEED = 2024;
const MONTHS = 18; // 0 = January 2024 ... 17 = June 2025
const AS_OF = '2025-06-20T12:00:00+02:00';
const LAST_DAY = 19; // the last day of June 2025 with changes: the log is taken on the 20th
const CHANGES_OUT = new URL('../examples/data/billing-changes.json', import.meta.url);
const INVOICES_OUT = new URL('../examples/data/invoices.json', import.meta.url);

const { random, between, pick } = draws(SEED);

// ---- Berlin local time ------------------------------------------------------

const pad = (n, width = 2) => String(n).padStart(width, '0');
const yearOf = (month) => 2024 + Math.floor(month / 12);
const monthOf = (month) => month % 12; // 0-11
const daysIn = (month) => new Date(Date.UTC(yearOf(month), monthOf(month) + 1, 0)).getUTCDate();
const weekday = (month, day) => new Date(Date.UTC(yearOf(month), monthOf(month), day)).getUTCDay();
const lastSunday = (year, m) => {
  const last = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  return last - new Date(Date.UTC(year, m, last)).getUTCDay();
};

/**
 * The offset in force in Berlin at a local time in business hours: summer
 * time from the last Sunday of March to the last Sunday of October (on both
 * Sundays the switch, at 02:00 or 03:00, comes before business hours).
 */
function offsetHours(month, day) {
  const year = yearOf(month);
  const m = monthOf(month);
  const afterStart = m > 2 || (m === 2 && day >= lastSunday(year, 2));
  const beforeEnd = m < 9 || (m === 9 && day < lastSunday(year, 9));
  return afterStart && beforeEnd ? 2 : 1;
}

/** A local time in Berlin: `{ text: '2024-05-15T13:30:00+02:00', ms }`. */
function berlin(month, day, hour, minute, second) {
  const hours = offsetHours(month, day);
  const text = `${yearOf(month)}-${pad(monthOf(month) + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+0${hours}:00`;
  return { text, ms: Date.parse(text) };
}

/** Whether a day is a working day: Monday to Friday, not 1 January or 24 to 26 or 31 December. */
const working = (month, day) =>
  weekday(month, day) % 6 !== 0 && !(monthOf(month) === 0 && day === 1) && !(monthOf(month) === 11 && [24, 25, 26, 31].includes(day));

/** A working day from `lo` to `hi` of a month (the nearest one inside the range). */
function businessDay(month, lo, hi) {
  const last = month === MONTHS - 1 ? Math.min(hi, LAST_DAY) : Math.min(hi, daysIn(month));
  const day = between(lo, last);
  for (let d = day; d <= last; d++) if (working(month, d)) return d;
  for (let d = day - 1; d >= lo; d--) if (working(month, d)) return d;
  throw new Error(`no weekday in month ${month} from ${lo} to ${hi}`);
}

/** A time in business hours on a weekday from `lo` to `hi` of a month. */
const businessTime = (month, lo = 1, hi = 31) => berlin(month, businessDay(month, lo, hi), between(8, 17), between(0, 59), between(0, 59));

// ---- Plans and prices -------------------------------------------------------

const PLANS = ['basic', 'pro', 'business'];
/** Price per seat and month, in cents. */
const SEAT_CENTS = { basic: 1450, pro: 2990, business: 5400 };
const SEATS = { basic: [1, 6], pro: [3, 15], business: [8, 30] };
/** Monthly chances, per plan: cancelling, moving up or down a plan, adding or removing seats. */
const CHANCE = {
  basic: { cancel: 0.042, up: 0.03, down: 0, add: 0.06, remove: 0.03 },
  pro: { cancel: 0.024, up: 0.012, down: 0.02, add: 0.07, remove: 0.035 },
  business: { cancel: 0.014, up: 0, down: 0.025, add: 0.06, remove: 0.04 },
};
const cents = (n) => `${Math.floor(n / 100)}.${pad(n % 100)}`;
const mrrOf = (plan, seats) => cents(SEAT_CENTS[plan] * seats);
const clampSeats = (plan, seats) => Math.min(Math.max(seats, plan === 'basic' ? 1 : plan === 'pro' ? 3 : 8), plan === 'basic' ? 10 : 60);

// ---- The change log ---------------------------------------------------------

const changes = [];
const stats = { upgrades: 0, downgrades: 0, seatsAdded: 0, seatsRemoved: 0, cancellations: 0, returnsSoon: 0, returnsLate: 0, joinedAndLeft: 0 };
let nextId = 1;
const newId = () => `c${pad(nextId++, 3)}`;

/** A customer's log as it is written: each call records a change at `time`. */
function customer(plan, region) {
  const id = newId();
  const state = { id, plan, region, seats: 0 };
  const record = (time, mrr) => changes.push({ customerId: id, at: time.text, ms: time.ms, mrr, plan: state.plan, region: state.region });
  return {
    state,
    subscribe: (time, seats) => {
      state.seats = seats;
      record(time, mrrOf(state.plan, seats));
    },
    change: (time, toPlan, seats) => {
      const rank = PLANS.indexOf(toPlan) - PLANS.indexOf(state.plan);
      if (rank > 0) stats.upgrades++;
      else if (rank < 0) stats.downgrades++;
      else if (seats > state.seats) stats.seatsAdded++;
      else stats.seatsRemoved++;
      state.plan = toPlan;
      state.seats = seats;
      record(time, mrrOf(toPlan, seats));
    },
    cancel: (time) => {
      stats.cancellations++;
      record(time, '0.00');
    },
  };
}

const region = () => pick(['EU', 'US', 'APAC'], [55, 30, 15]);
const firstPlan = () => pick(PLANS, [50, 38, 12]);
const firstSeats = (plan) => between(...SEATS[plan]);

/** A customer drawn at random from their signup month on: one change a month at most. */
function simulate(signupMonth) {
  const c = customer(firstPlan(), region());
  const s = c.state;
  c.subscribe(businessTime(signupMonth), firstSeats(s.plan));
  let active = true;
  let returnIn = null;
  for (let month = signupMonth + 1; month < MONTHS; month++) {
    if (!active) {
      if (month !== returnIn) continue;
      active = true;
      if (random() < 0.3) s.plan = firstPlan();
      c.subscribe(businessTime(month), clampSeats(s.plan, firstSeats(s.plan)));
      continue;
    }
    const p = CHANCE[s.plan];
    const u = random();
    if (u < p.cancel) {
      c.cancel(businessTime(month));
      active = false;
      const r = random();
      const gap = r < 0.25 ? between(1, 2) : r < 0.4 ? between(7, 11) : null;
      returnIn = gap === null ? null : month + gap;
      if (returnIn !== null && returnIn < MONTHS) {
        if (gap <= 2) stats.returnsSoon++;
        else stats.returnsLate++;
      }
      continue;
    }
    const up = PLANS[PLANS.indexOf(s.plan) + 1];
    const down = PLANS[PLANS.indexOf(s.plan) - 1];
    const toUp = p.cancel + p.up;
    const toDown = toUp + p.down;
    const toAdd = toDown + p.add;
    const toRemove = toAdd + p.remove;
    if (u < toUp) c.change(businessTime(month), up, clampSeats(up, s.seats));
    else if (u < toDown) c.change(businessTime(month), down, clampSeats(down, s.seats));
    else if (u < toAdd) {
      // Seats added (none at the plan's most).
      const seats = clampSeats(s.plan, s.seats + (s.plan === 'business' ? between(2, 6) : between(1, 3)));
      if (seats > s.seats) c.change(businessTime(month), s.plan, seats);
    } else if (u < toRemove) {
      // Seats removed (none at the plan's least).
      const seats = clampSeats(s.plan, s.seats - between(1, 2));
      if (seats < s.seats) c.change(businessTime(month), s.plan, seats);
    }
  }
}

for (let month = 0; month < MONTHS; month++) {
  // A launch peak in January 2024, then five to eight signups a month, slowly more.
  const signups = month === 0 ? 14 : between(5, 8) + Math.floor(month / 8);
  for (let i = 0; i < signups; i++) simulate(month);
}

// Scripted customers, so that each case is in the log whatever the draws.
{
  // basic -> pro in the middle of a month, at the pro price for the same four seats.
  const c = customer('basic', 'EU');
  c.subscribe(berlin(1, 6, 10, 12, 40), 4); // 2024-02-06, 58.00
  c.change(berlin(4, 15, 13, 30, 0), 'pro', 4); // 2024-05-15, 119.60
}
for (const [month, region, plan] of [
  [3, 'US', 'basic'],
  [9, 'EU', 'pro'],
  [14, 'APAC', 'basic'],
]) {
  // Joined and cancelled within one month (a trial that converted, then a refund).
  const c = customer(plan, region);
  c.subscribe(businessTime(month, 2, 10), firstSeats(plan));
  c.cancel(businessTime(month, 16, 27));
  stats.joinedAndLeft++;
}
{
  // A cancellation undone within the month (a failed card, then a new one): no change over the month.
  const c = customer('pro', 'EU');
  c.subscribe(berlin(2, 12, 9, 5, 0), 6); // 2024-03-12
  c.cancel(berlin(10, 4, 8, 15, 0)); // 2024-11-04
  c.subscribe(berlin(10, 11, 16, 45, 0), 6); // 2024-11-11, back the same month
}
{
  // Back the month after cancelling.
  const c = customer('business', 'US');
  c.subscribe(berlin(2, 20, 15, 0, 0), 12); // 2024-03-20
  c.cancel(berlin(6, 30, 11, 20, 0)); // 2024-07-30
  c.subscribe(berlin(7, 27, 14, 10, 0), 10); // 2024-08-27, two seats fewer
  stats.returnsSoon++;
}
{
  // Back after ten months, on another plan.
  const c = customer('basic', 'EU');
  c.subscribe(berlin(0, 17, 9, 40, 0), 3); // 2024-01-17
  c.cancel(berlin(2, 28, 17, 5, 0)); // 2024-03-28
  c.state.plan = 'pro';
  c.subscribe(berlin(12, 14, 10, 0, 0), 5); // 2025-01-14
  stats.returnsLate++;
}

changes.sort((a, b) => a.ms - b.ms || (a.customerId < b.customerId ? -1 : 1));
for (let i = 1; i < changes.length; i++) {
  const a = changes[i - 1];
  const b = changes[i];
  if (a.ms === b.ms && a.customerId === b.customerId) throw new Error(`two changes of ${a.customerId} at ${a.at}`);
}
if (changes.at(-1).ms > Date.parse(AS_OF)) throw new Error('a change after asOf');

// Cancellations and returns within one month (scripted or drawn).
const byCustomer = new Map();
for (const c of changes) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
const summer = changes.filter((c) => c.at.endsWith('+02:00')).length;

// ---- The invoice lines --------------------------------------------------------

/** The first of a month (0 = January 2024) or another day of it, as a calendar date. */
const date = (month, day = 1) => `${yearOf(month)}-${pad(monthOf(month) + 1)}-${pad(day)}`;
const invoices = [];
/** Lines of `months` months each, back to back, from `from` to before `to` (months 0-18; 18 = July 2025). */
function every(customerId, plan, region, amount, from, to, { day = 1, months = 1 } = {}) {
  for (let m = from; m < to; m += months)
    invoices.push({ customerId, amount, servicePeriodStart: date(m, day), servicePeriodEnd: date(m + months, day), plan, region });
}
// An annual plan invoiced once, not renewed: April 2024 to April 2025, 10 business seats (540.00 a month).
every('inv-01', 'business', 'EU', '6480.00', 3, 15, { months: 12 });
// An annual plan from mid-September 2024, 12 pro seats (358.80 a month); runs on past the log.
every('inv-02', 'pro', 'US', '4305.60', 8, 20, { day: 15, months: 12 });
// Monthly, pro, from February 2024; eight seats, ten from August 2024.
every('inv-03', 'pro', 'EU', '239.20', 1, 7);
every('inv-03', 'pro', 'EU', '299.00', 7, 18);
// Monthly on the 10th, basic, May 2024 to January 2025, then cancelled.
every('inv-04', 'basic', 'US', '72.50', 4, 12, { day: 10 });
// Quarterly, business, 15 seats (810.00 a month), from July 2024.
every('inv-05', 'business', 'APAC', '2430.00', 6, 18, { months: 3 });
// Monthly, pro, five seats from June 2024, with two more seats invoiced for a quarter on their own line.
every('inv-06', 'pro', 'EU', '149.50', 5, 18);
every('inv-06', 'pro', 'EU', '179.40', 10, 13, { months: 3 });
// Monthly on the 20th, basic (4 seats) from October 2024, pro (4 seats) from February 2025: a move between plans.
every('inv-07', 'basic', 'EU', '58.00', 9, 13, { day: 20 });
every('inv-07', 'pro', 'EU', '119.60', 13, 18, { day: 20 });
// Monthly, basic, March to May 2024, a lapse of two months, back from August 2024.
every('inv-08', 'basic', 'US', '43.50', 2, 5);
every('inv-08', 'basic', 'US', '43.50', 7, 18);
invoices.sort((a, b) =>
  a.servicePeriodStart < b.servicePeriodStart ? -1 : a.servicePeriodStart > b.servicePeriodStart ? 1 : a.customerId < b.customerId ? -1 : 1,
);
const invoiced = new Set(invoices.map((l) => l.customerId)).size;

// ---- Output -------------------------------------------------------------------

const sameMonthReturns = [...byCustomer.values()].filter((list) =>
  list.some((c, i) => i > 0 && c.mrr !== '0.00' && list[i - 1].mrr === '0.00' && c.at.slice(0, 7) === list[i - 1].at.slice(0, 7)),
).length;
const description =
  `Synthetic billing change log of a software business, prices in EUR per seat and month (basic 14.50, pro 29.90, business 54.00), January 2024 to ${AS_OF} (asOf): ` +
  `${byCustomer.size} card-paying customers, ${changes.length} changes. Each record says "from at on, this customer's MRR is mrr" ('0.00' is a cancellation); plan and region are the subscription's. ` +
  `It holds ${stats.seatsAdded} seat additions and ${stats.seatsRemoved} seat removals within a plan, ${stats.upgrades} upgrades and ${stats.downgrades} downgrades between plans (one basic -> pro on 2024-05-15), ` +
  `${stats.cancellations} cancellations, ${stats.returnsSoon} returns within two months of cancelling and ${stats.returnsLate} after seven to eleven months, ` +
  `${stats.joinedAndLeft} customers who joined and cancelled within one month, and ${sameMonthReturns} cancellation undone in the same month. ` +
  `at is Berlin time in business hours with its offset (${changes.length - summer} changes at +01:00, ${summer} at +02:00). ` +
  `Invoice-billed customers (an annual plan among them) are in invoices.json. Made by scripts/make-sample-billing.mjs.`;
const rows = changes.map(({ ms, ...c }) => `  ${JSON.stringify(c)}`);
writeFileSync(
  CHANGES_OUT,
  `{\n"description": ${JSON.stringify(description)},\n"currency": "EUR",\n"asOf": ${JSON.stringify(AS_OF)},\n"changes": [\n${rows.join(',\n')}\n]\n}\n`,
);

const invoiceDescription =
  `Synthetic invoice lines of ${invoiced} invoice-billed customers of the same business (ids inv-01 to inv-0${invoiced}, none in billing-changes.json), EUR. ` +
  'Each line pays amount for the service period from servicePeriodStart to servicePeriodEnd (calendar dates, Berlin midnight, the end exclusive). ' +
  'inv-01 is an annual plan invoiced once (April 2024 to April 2025) and not renewed; inv-02 an annual plan from 2024-09-15; inv-05 is invoiced quarterly; ' +
  'inv-06 has an add-on line for three months over its monthly line; inv-07 moves from basic to pro on 2025-02-20; inv-08 lapses in June and July 2024. ' +
  `Lines run to those issued by ${AS_OF}, so the current service periods end after it. Made by scripts/make-sample-billing.mjs.`;
writeFileSync(
  INVOICES_OUT,
  `{\n"description": ${JSON.stringify(invoiceDescription)},\n"currency": "EUR",\n"lines": [\n${invoices.map((l) => `  ${JSON.stringify(l)}`).join(',\n')}\n]\n}\n`,
);
console.log(`wrote ${changes.length} changes of ${byCustomer.size} customers to ${CHANGES_OUT.pathname}`);
console.log(`wrote ${invoices.length} invoice lines of ${invoiced} customers to ${INVOICES_OUT.pathname}`);
