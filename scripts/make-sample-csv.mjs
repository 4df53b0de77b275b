// Writes CSV versions of the sample data in examples/data/, for the command
// line: responses.csv, tickets.csv (with business-hours.json) and
// billing-changes.csv. Columns are named as analysts' exports name them
// (snake case); the rows are the JSON files' records, in the same order.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../examples/data/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const field = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const write = (name, columns, rows) => {
  const lines = [columns.map(([c]) => c).join(','), ...rows.map((r) => columns.map(([, k]) => field(r[k])).join(','))];
  writeFileSync(new URL(name, dir), `${lines.join('\n')}\n`);
};

const { responses } = read('responses.json');
write(
  'responses.csv',
  [
    ['id', 'id'],
    ['answered_at', 'answeredAt'],
    ['region', 'region'],
    ['plan', 'plan'],
    ['score', 'score'],
    ['satisfaction', 'satisfaction'],
  ],
  responses,
);

const { tickets, businessHours } = read('tickets.json');
write(
  'tickets.csv',
  [
    ['id', 'id'],
    ['channel', 'channel'],
    ['created_at', 'openedAt'],
    ['solved_at', 'resolvedAt'],
    ['contacts', 'contacts'],
    ['resolved', 'resolved'],
    ['reopened', 'reopened'],
  ],
  tickets,
);
writeFileSync(new URL('business-hours.json', dir), `${JSON.stringify(businessHours, null, 2)}\n`);

const { changes } = read('billing-changes.json');
write(
  'billing-changes.csv',
  [
    ['customer_id', 'customerId'],
    ['at', 'at'],
    ['mrr', 'mrr'],
    ['plan', 'plan'],
    ['region', 'region'],
  ],
  changes,
);
