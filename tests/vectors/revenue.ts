/**
 * Reference vectors for the revenue and retention metrics, each with its
 * source. Expected values are the source's own figure or the exact rational
 * written as one JavaScript division (correctly rounded by IEEE 754), so the
 * comparison is exact. Hand calculations are written out in the docs pages
 * named in `source`.
 */
import type {
  CustomerChurnInput,
  CustomerChurnOptions,
  ExpansionRevenueInput,
  MrrChurnInput,
  MrrChurnOptions,
  MrrCustomer,
  MrrMovements,
  NetMrrChurnInput,
  NetMrrChurnOptions,
  RepurchaseRateOptions,
  UpsellRatioOptions,
} from '../../src/index.js';

export interface Vector<I, O, E> {
  readonly name: string;
  readonly source: string;
  readonly input: I;
  readonly options?: O;
  readonly expected: E;
}

export const customerChurnVectors: Vector<CustomerChurnInput, CustomerChurnOptions, { value: number | null; total: number }>[] = [
  {
    name: '1,000 at the start, 50 cancel',
    source:
      'productanalyst.ai, "What Is Churn Rate in Stripe": "If you start March with 1,000 active subscriptions in Stripe and 50 cancel by month-end, your churn is 5%"',
    input: { customersAtStart: 1000, customersLost: 50 },
    expected: { value: 5, total: 1000 },
  },
  {
    name: 'worked example of docs/metrics/customer-churn.md, start',
    source: 'hand calculation in docs/metrics/customer-churn.md: 9 / 200 = 4.5%',
    input: { customersAtStart: 200, customersLost: 9, customersAdded: 25 },
    expected: { value: 4.5, total: 200 },
  },
  {
    name: 'worked example of docs/metrics/customer-churn.md, start plus added',
    source: "hand calculation in docs/metrics/customer-churn.md: 9 / (200 + 25) = 4% (Stripe Billing's subscriber churn rate denominator)",
    input: { customersAtStart: 200, customersLost: 9, customersAdded: 25 },
    options: { denominator: 'start-plus-added' },
    expected: { value: 4, total: 225 },
  },
  {
    name: 'one in three',
    source: 'exact rational 100 / 3',
    input: { customersAtStart: 3, customersLost: 1 },
    expected: { value: 100 / 3, total: 3 },
  },
  {
    name: 'nobody at the start',
    source: 'definition: undefined on a zero denominator (docs/metrics/customer-churn.md)',
    input: { customersAtStart: 0, customersLost: 0 },
    expected: { value: null, total: 0 },
  },
];

export const churnConversionVectors: { name: string; source: string; monthly: number; annual: number; decimals?: number }[] = [
  {
    name: '5% a month',
    source: 'the rule of thumb "5% a month is 45.96% a year" (docs/metrics/customer-churn.md); hand calculation 1 - 0.95^12 = 0.459639912337363037...',
    monthly: 5,
    annual: 45.96,
    decimals: 2,
  },
  {
    name: '5% a month, unrounded',
    source: 'exact: 100 * (1 - 0.95^12) = 45.9639912337363037..., nearest double',
    monthly: 5,
    annual: 45.9639912337363,
  },
  {
    name: '10% a month',
    source: 'exact: 100 * (1 - 0.9^12) = 71.75704635190...',
    monthly: 10,
    annual: 71.757046,
    decimals: 6,
  },
  {
    name: '50% a month',
    source: 'exact: 100 * (1 - 0.5^12) = 100 * 4095 / 4096',
    monthly: 50,
    annual: 409500 / 4096,
  },
];

export const mrrChurnVectors: Vector<MrrChurnInput, MrrChurnOptions, { value: number | null; lostMrr: string }>[] = [
  {
    name: 'ChartMogul gross MRR churn example',
    source:
      'ChartMogul Help, "Metric: MRR Churn Rate": "$100 MRR at the beginning of the month ... lost $10 to churn MRR, and $10 to contraction MRR ... your Gross MRR churn rate would be 20%: ($10 + $10) / $100"',
    input: { startingMrr: 100, churnedMrr: 10, contractionMrr: 10 },
    expected: { value: 20, lostMrr: '20' },
  },
  {
    name: 'ChartMogul example, churned only (the sources, 003)',
    source: 'as above with contraction excluded: 10 / 100 = 10%',
    input: { startingMrr: 100, churnedMrr: 10, contractionMrr: 10 },
    options: { contraction: 'exclude' },
    expected: { value: 10, lostMrr: '10' },
  },
  {
    name: 'worked example of docs/metrics/mrr-churn.md',
    source: 'hand calculation in docs/metrics/mrr-churn.md: 100 * (19.00 + 53.90) / 315.00 = 7290 / 315',
    input: { startingMrr: '315.00', churnedMrr: '19.00', contractionMrr: '53.90' },
    expected: { value: 7290 / 315, lostMrr: '72.90' },
  },
  {
    name: 'the sample billing data',
    source: 'hand calculation on the totals of examples/data/billing.json: 100 * (236.00 + 156.50) / 5242.70 = 392500 / 52427',
    input: { startingMrr: '5242.70', churnedMrr: '236.00', contractionMrr: '156.50' },
    expected: { value: 392500 / 52427, lostMrr: '392.50' },
  },
  {
    name: 'decimal amounts that are not binary fractions',
    source: 'exact: (0.1 + 0.2) / 0.3 = 100%',
    input: { startingMrr: '0.3', churnedMrr: 0.1, contractionMrr: '0.2' },
    expected: { value: 100, lostMrr: '0.3' },
  },
];

export const netMrrChurnVectors: Vector<
  NetMrrChurnInput,
  NetMrrChurnOptions,
  { value: number | null; netRevenueRetention: number | null; grossRevenueRetention: number | null }
>[] = [
  {
    name: 'ChartMogul net MRR churn example',
    source:
      'ChartMogul Help, "Chart: Net MRR Churn Rate": "$100 in MRR ... lose $10 to churn and $10 to contraction, while one customer increases their MRR by $10. Your net MRR churn rate is 10%: (($10 + $10) − ($10 + $0)) ÷ $100"',
    input: { startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10, reactivationMrr: 0 },
    expected: { value: 10, netRevenueRetention: 90, grossRevenueRetention: 80 },
  },
  {
    name: 'Baremetrics formula, expansion above churn',
    source:
      'Baremetrics changelog, "NEW METRIC: Net Revenue Retention": NRR = 100% − ((Churned MRR − Expansion MRR) ÷ Starting MRR × 100); hand calculation (2 − 12) / 200 = −5%, NRR 105%',
    input: { startingMrr: '200', churnedMrr: '2', expansionMrr: '12' },
    expected: { value: -5, netRevenueRetention: 105, grossRevenueRetention: 99 },
  },
  {
    name: 'the sample billing data',
    source:
      'hand calculation on the totals of examples/data/billing.json: 100 * (236.00 + 156.50 - 567.90 - 68.00) / 5242.70 = -4.6426..., NRR 104.6426..., GRR 92.5134...',
    input: { startingMrr: '5242.70', churnedMrr: '236.00', contractionMrr: '156.50', expansionMrr: '567.90', reactivationMrr: '68.00' },
    options: { decimals: 2 },
    expected: { value: -4.64, netRevenueRetention: 104.64, grossRevenueRetention: 92.51 },
  },
  {
    name: 'worked example of docs/metrics/net-mrr-churn.md',
    source: 'hand calculation in docs/metrics/net-mrr-churn.md: 100 * (40.00 + 25.50 - 90.00 - 15.50) / 2000.00 = -2; GRR 100 - 100 * 65.50 / 2000.00 = 96.725',
    input: { startingMrr: '2000.00', churnedMrr: '40.00', contractionMrr: '25.50', expansionMrr: '90.00', reactivationMrr: '15.50' },
    expected: { value: -2, netRevenueRetention: 102, grossRevenueRetention: 96.725 },
  },
];

export const expansionRevenueVectors: Vector<ExpansionRevenueInput, never, { value: number | null }>[] = [
  {
    name: 'worked example of docs/metrics/expansion-revenue.md',
    source: 'hand calculation in docs/metrics/expansion-revenue.md: 100 * 90.00 / 2000.00 = 4.5',
    input: { startingMrr: '2000.00', expansionMrr: '90.00' },
    expected: { value: 4.5 },
  },
  {
    name: 'the sample billing data',
    source: 'hand calculation on the totals of examples/data/billing.json: 100 * 567.90 / 5242.70 = 567900 / 52427',
    input: { startingMrr: '5242.70', expansionMrr: '567.90' },
    expected: { value: 567900 / 52427 },
  },
  {
    name: 'a tenth of a thousand',
    source: 'exact: 100 / 1000 = 10%',
    input: { startingMrr: '1000.00', expansionMrr: '100.00' },
    expected: { value: 10 },
  },
  {
    name: 'no previous MRR',
    source: 'definition: undefined on a zero denominator (docs/metrics/expansion-revenue.md)',
    input: { startingMrr: 0, expansionMrr: 0 },
    expected: { value: null },
  },
];

/** The (003) example shape, completed: 30 customers with 4 repeat purchases, 15 with 2, 55 with none. */
export const repurchaseVectors: Vector<Record<string, number>, RepurchaseRateOptions, { value: number | null; unit: 'percent' | 'ratio' }>[] = [
  {
    name: '(003) counting how many times',
    source:
      '(003): ((4 x 30) + (2 x 15) + ...) / total customers, completed with 55 one-time buyers: (120 + 30 + 0) / 100 = 1.5 (docs/metrics/repurchase-rate.md)',
    input: { 5: 30, 3: 15, 1: 55 },
    options: { method: 'repurchases' },
    expected: { value: 1.5, unit: 'ratio' },
  },
  {
    name: '(003) without counting how many times',
    source: '(003): customers who bought more than once / all customers: 45 / 100 (docs/metrics/repurchase-rate.md)',
    input: { 5: 30, 3: 15, 1: 55 },
    expected: { value: 45, unit: 'percent' },
  },
  {
    name: 'customers with no purchase count in the base',
    source: 'definition in docs/metrics/repurchase-rate.md: 1 repeat customer of 3 = 100 / 3 %',
    input: { 0: 1, 1: 1, 2: 1 },
    expected: { value: 100 / 3, unit: 'percent' },
  },
];

export const upsellVectors: Vector<{ upgraded: number; notUpgraded: number }, UpsellRatioOptions, { value: number | null; upsellPercent: number | null }>[] = [
  {
    name: 'worked example of docs/metrics/upsell-ratio.md',
    source: '(003) definition, hand calculation in docs/metrics/upsell-ratio.md: 12 / 48 = 0.25; 12 / 60 = 20%',
    input: { upgraded: 12, notUpgraded: 48 },
    expected: { value: 0.25, upsellPercent: 20 },
  },
  {
    name: 'more upgraded than not',
    source: 'exact: 3 / 2 = 1.5 (the ratio may pass 1); 3 / 5 = 60%',
    input: { upgraded: 3, notUpgraded: 2 },
    expected: { value: 1.5, upsellPercent: 60 },
  },
  {
    name: 'everybody upgraded',
    source: 'definition: the ratio is undefined when nobody stayed on the lower plan (docs/metrics/upsell-ratio.md)',
    input: { upgraded: 4, notUpgraded: 0 },
    expected: { value: null, upsellPercent: 100 },
  },
];

export const mrrMovementVectors: Vector<MrrCustomer[], never, Omit<MrrMovements, 'metric' | 'customers' | 'customersAtEnd'>>[] = [
  {
    name: 'worked example of docs/metrics/mrr-churn.md (movements)',
    source: 'hand classification in docs/metrics/mrr-churn.md',
    input: [
      { id: 'a', startMrr: '49.00', endMrr: '98.00' },
      { id: 'b', startMrr: '149.00', endMrr: '149.00' },
      { id: 'c', startMrr: '19.00', endMrr: '0' },
      { id: 'd', startMrr: '98.00', endMrr: '44.10' },
      { id: 'e', startMrr: '0', endMrr: '49.00' },
      { id: 'f', startMrr: '0', endMrr: '19.00', churnedBefore: true },
    ],
    expected: {
      startingMrr: '315.00',
      newMrr: '49.00',
      expansionMrr: '49.00',
      reactivationMrr: '19.00',
      contractionMrr: '53.90',
      churnedMrr: '19.00',
      endingMrr: '359.10',
      customersAtStart: 4,
      customersLost: 1,
      customersAdded: 2,
    },
  },
  {
    name: 'tenths and fifths add exactly',
    source: 'exact decimal arithmetic: 0.1 + 0.2 = 0.3 (a double sum gives 0.30000000000000004)',
    input: [
      { id: 1, startMrr: 0.1, endMrr: 0.1 },
      { id: 2, startMrr: '0.2', endMrr: '0.2' },
    ],
    expected: {
      startingMrr: '0.3',
      newMrr: '0.0',
      expansionMrr: '0.0',
      reactivationMrr: '0.0',
      contractionMrr: '0.0',
      churnedMrr: '0.0',
      endingMrr: '0.3',
      customersAtStart: 2,
      customersLost: 0,
      customersAdded: 0,
    },
  },
];
