/**
 * Contract specs of the retention and revenue metrics: customer churn and
 * its conversions, MRR churn, net MRR churn, expansion revenue, MRR
 * movements, repurchase rate and upsell ratio.
 */
import fc from 'fast-check';
import {
  churnToAnnual,
  churnToMonthly,
  customerChurn,
  expansionRevenue,
  mrrChurn,
  mrrMovements,
  netMrrChurn,
  repurchaseRate,
  repurchaseRateCounts,
  repurchaseRateFromCounts,
  upsellRatio,
  upsellRatioCounts,
  upsellRatioFromCounts,
} from '../../../src/index.js';
import { hostileFrom, ODD_MONEY, ownKeys } from '../../helpers/hostile.js';
import { accountsFor, hasMetric, lengthOf, num, own, sumOfValues, totalIs } from '../accounting.js';
import * as A from '../arbitraries.js';
import { Call, copyData, type ExportSpec, viaArgs } from '../contract.js';

const oddMoney = hostileFrom(ODD_MONEY);

/** Valid movements (or customers) with one amount replaced by an odd one: huge, too precise, signed, with an exponent. */
function withOddMoney(name: string, valid: fc.Arbitrary<unknown[]>, fields: readonly string[]): fc.Arbitrary<Call> {
  return fc.tuple(valid, fc.nat(), fc.nat(), oddMoney).map(([raw, k, j, odd]) => {
    const args = raw.map(copyData);
    const first = args[0];
    const target = (Array.isArray(first) ? first[j % Math.max(1, first.length)] : first) as Record<string, unknown> | undefined;
    if (target === undefined || typeof target !== 'object') return new Call(name, args, []);
    const field = fields[k % fields.length]!;
    target[field] = odd.value;
    return new Call(name, args, [`${Array.isArray(first) ? `customers[${j % first.length}]` : 'movements'}.${field} := ${odd.label}`]);
  });
}

/** Tallies of purchases whose keys are the names of built-in properties, or not plain integers. */
const prototypeNamedPurchases = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom('__proto__', 'toString', 'constructor', 'valueOf', '1', '2', '01', '1.0', '-1', '9007199254740993', '1e3'), fc.nat(9)),
    {
      minLength: 1,
      maxLength: 4,
      selector: ([k]) => k,
    },
  )
  .map(
    (entries) =>
      new Call(
        'repurchaseRateFromCounts',
        [{ purchases: ownKeys(entries) }],
        [`purchases with own keys ${entries.map(([k]) => JSON.stringify(k)).join(', ')}`],
      ),
  );

/** A movements tally in place of the movements. */
const tallyArgs = A.movementsTally.map((m) => [m] as unknown[]);

const upsellAccounted = (result: unknown, args: readonly unknown[]): string | null => {
  const wrong = hasMetric('upsellRatio')(result);
  if (wrong !== null) return wrong;
  const n = lengthOf(args[0]);
  const want = n ?? num(args[0], 'upgraded') + num(args[0], 'notUpgraded');
  const got = num(result, 'total');
  return Number.isNaN(want) || want === got ? null : `total is ${got}, but the input holds ${want} customers (nothing may be dropped)`;
};

/** The retention and revenue metrics. */
export const revenueSpecs: readonly ExportSpec[] = [
  {
    name: 'customerChurn',
    call: viaArgs(customerChurn),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'customerChurn',
    neutral: () => [{ customersAtStart: 200, customersLost: 9 }],
    valid: A.customerChurnArgs,
    wide: A.customerChurnWideArgs,
    checkResult: hasMetric('customerChurn'),
  },
  {
    name: 'churnToAnnual',
    call: viaArgs(churnToAnnual),
    params: ['monthlyPercent', 'options'],
    kinds: ['number', 'options'],
    metric: 'churnToAnnual',
    neutral: () => [5],
    valid: A.churnConversionArgs,
    checkResult: hasMetric('churnToAnnual'),
  },
  {
    name: 'churnToMonthly',
    call: viaArgs(churnToMonthly),
    params: ['annualPercent', 'options'],
    kinds: ['number', 'options'],
    metric: 'churnToMonthly',
    neutral: () => [50],
    valid: A.churnConversionArgs,
    checkResult: hasMetric('churnToMonthly'),
  },
  {
    name: 'mrrChurn',
    call: viaArgs(mrrChurn),
    params: ['movements', 'options'],
    kinds: ['object', 'options'],
    metric: 'mrrChurn',
    neutral: () => [{ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }],
    valid: fc.oneof(A.mrrChurnArgs, tallyArgs),
    wide: A.mrrChurnWideArgs,
    hostile: withOddMoney('mrrChurn', A.mrrChurnArgs, ['startingMrr', 'churnedMrr', 'contractionMrr']),
    checkResult: hasMetric('mrrChurn'),
  },
  {
    name: 'netMrrChurn',
    call: viaArgs(netMrrChurn),
    params: ['movements', 'options'],
    kinds: ['object', 'options'],
    metric: 'netMrrChurn',
    neutral: () => [{ startingMrr: '200', churnedMrr: '2', expansionMrr: '12' }],
    valid: fc.oneof(A.netMrrChurnArgs, tallyArgs),
    wide: A.netMrrChurnWideArgs,
    hostile: withOddMoney('netMrrChurn', A.netMrrChurnArgs, ['startingMrr', 'churnedMrr', 'contractionMrr', 'expansionMrr', 'reactivationMrr']),
    checkResult: hasMetric('netMrrChurn'),
  },
  {
    name: 'expansionRevenue',
    call: viaArgs(expansionRevenue),
    params: ['movements', 'options'],
    kinds: ['object', 'options'],
    metric: 'expansionRevenue',
    neutral: () => [{ startingMrr: '2000.00', expansionMrr: '150.00' }],
    valid: fc.oneof(A.expansionArgs, tallyArgs),
    wide: A.expansionWideArgs,
    hostile: withOddMoney('expansionRevenue', A.expansionArgs, ['startingMrr', 'expansionMrr']),
    checkResult: hasMetric('expansionRevenue'),
  },
  {
    name: 'mrrMovements',
    call: viaArgs(mrrMovements),
    params: ['customers'],
    kinds: ['list'],
    metric: 'mrrMovements',
    neutral: () => [
      [
        { id: 'a', startMrr: '10.00', endMrr: '20.00' },
        { id: 2, startMrr: 0, endMrr: 5, churnedBefore: true },
      ],
    ],
    valid: A.mrrMovementsArgs,
    wide: A.mrrMovementsWideArgs,
    hostile: withOddMoney('mrrMovements', A.mrrMovementsArgs, ['startMrr', 'endMrr']),
    checkResult: hasMetric('mrrMovements'),
  },
  {
    name: 'repurchaseRate',
    call: viaArgs(repurchaseRate),
    params: ['purchasesPerCustomer', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'repurchaseRate',
    neutral: () => [[1, 2, 5, 1]],
    valid: A.repurchaseArgs,
    wide: A.repurchaseWideArgs,
    checkResult: accountsFor('repurchaseRate', (r) => num(r, 'total')),
  },
  {
    name: 'repurchaseRateCounts',
    call: viaArgs(repurchaseRateCounts),
    params: ['purchasesPerCustomer', 'options'],
    kinds: ['numbers', 'options'],
    metric: 'repurchaseRate',
    neutral: () => [[1, 2, 5, 1]],
    valid: A.repurchaseArgs,
    wide: A.repurchaseWideArgs,
    checkResult: accountsFor('repurchaseRate', (r) => sumOfValues(own(r, 'purchases'))),
  },
  {
    name: 'repurchaseRateFromCounts',
    call: viaArgs(repurchaseRateFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'repurchaseRate',
    neutral: () => [{ purchases: { 1: 2, 2: 1, 5: 1 } }],
    valid: A.repurchaseFromCountsArgs,
    hostile: prototypeNamedPurchases,
    checkResult: totalIs('repurchaseRate', (c) => sumOfValues(own(c, 'purchases'))),
  },
  {
    name: 'upsellRatio',
    call: viaArgs(upsellRatio),
    params: ['data', 'options'],
    aliases: { data: ['records', 'counts'] },
    kinds: ['list-or-object', 'options'],
    metric: 'upsellRatio',
    neutral: () => [{ upgraded: 12, notUpgraded: 48 }],
    valid: A.upsellArgs,
    checkResult: upsellAccounted,
  },
  {
    name: 'upsellRatioCounts',
    call: viaArgs(upsellRatioCounts),
    params: ['records', 'options'],
    kinds: ['list', 'options'],
    metric: 'upsellRatio',
    neutral: () => [[{ upgraded: true }, { upgraded: false }]],
    valid: A.upsellCountsArgs,
    checkResult: accountsFor('upsellRatio', (r) => num(r, 'upgraded') + num(r, 'notUpgraded')),
  },
  {
    name: 'upsellRatioFromCounts',
    call: viaArgs(upsellRatioFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'upsellRatio',
    neutral: () => [{ upgraded: 12, notUpgraded: 48 }],
    valid: A.upsellFromCountsArgs,
    checkResult: totalIs('upsellRatio', (c) => num(c, 'upgraded') + num(c, 'notUpgraded')),
  },
];
