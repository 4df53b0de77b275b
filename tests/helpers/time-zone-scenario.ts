/**
 * Time-to-resolution calls whose results must not depend on the machine time
 * zone: tickets across both 2026 daylight-saving changes in Europe, business
 * hours in three zones, a half-hour-offset zone among them.
 *
 * Node reads `TZ` once per process, and assigning `process.env.TZ` inside a
 * worker thread (where vitest and Stryker run tests) changes nothing, so the
 * test runs this file as a script in child processes with different `TZ`:
 * `node --import tsx tests/helpers/time-zone-scenario.ts` prints one JSON
 * object `{ offset, results }`, where `offset` is the machine's
 * `getTimezoneOffset()` on 1 January 2026, proving which zone was in effect.
 */
import { pathToFileURL } from 'node:url';
import { timeToResolution, timeToResolutionCounts } from '../../src/index.js';

const WEEKDAYS = { mon: ['09:00', '18:00'], tue: ['09:00', '18:00'], wed: ['09:00', '18:00'], thu: ['09:00', '18:00'], fri: ['09:00', '18:00'] } as const;

const tickets = [
  { openedAt: '2026-03-27T16:30:00+01:00', resolvedAt: '2026-03-30T11:00:00+02:00' },
  { openedAt: new Date(Date.UTC(2026, 2, 28, 23, 30)), resolvedAt: Date.UTC(2026, 2, 31, 8) },
  { openedAt: '2026-03-29T01:30:00Z', firstResolvedAt: '2026-03-29T04:30:00+02:00', resolvedAt: null },
  { openedAt: '2026-10-24T22:00:00Z', resolvedAt: '2026-10-26T09:30:00+01:00' },
];

/** The results of the calls, in a fixed order. */
export function timeZoneScenario(): unknown[] {
  return [
    timeToResolution(tickets),
    timeToResolution(tickets, { businessHours: { timeZone: 'Europe/Amsterdam', days: WEEKDAYS, holidays: ['2026-03-31'] } }),
    timeToResolution(tickets, {
      businessHours: { timeZone: 'America/New_York', days: { sun: ['00:00', '24:00'], mon: ['08:00', '20:00'] } },
      open: 'censor',
      asOf: '2026-11-01T00:00:00Z',
    }),
    timeToResolutionCounts(tickets, { resolution: 'first', businessHours: { timeZone: 'Australia/Lord_Howe', days: WEEKDAYS } }),
  ];
}

const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(script).href) {
  process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), results: timeZoneScenario() }));
}
