import { ViewMetricsDefinition } from '../definitions/viewMetricsTypes';

export type PublishedRole = 'period' | 'provider' | 'dimension' | 'count' | 'amount' | 'rate';

/** One column of a published table, with what a reader needs to label and format it. */
export interface PublishedColumn {
  name: string;
  label: string;
  role: PublishedRole;
  /** Period: its grain; rate: percent or average. */
  format?: 'month' | 'financialYear' | 'percent' | 'average';
  unit?: 'GBP';
  /** Dimension: names of coded values, in display order, and the name of a missing value. */
  values?: { value: string; label: string }[];
  nullLabel?: string;
  /** Rate: the published columns it divides. Count or amount: the count it is suppressed with. */
  numerator?: string;
  denominator?: string;
  basis?: string;
}

/** The columns a view publishes, in reading order: period, provider, breakdowns, counts, amounts, rates. */
export function publishedColumns(metrics: ViewMetricsDefinition): PublishedColumn[] {
  return [
    { name: metrics.period.name, label: metrics.period.label, role: 'period', format: metrics.period.grain },
    ...(metrics.provider ? [{ name: metrics.provider.name, label: metrics.provider.label, role: 'provider' as const }] : []),
    ...(metrics.dimensions ?? []).map((dimension) => ({
      name: dimension.name,
      label: dimension.label,
      role: 'dimension' as const,
      ...(dimension.values ? { values: dimension.values } : {}),
      ...(dimension.nullLabel ? { nullLabel: dimension.nullLabel } : {}),
    })),
    ...metrics.counts.map((count) => ({ name: count.name, label: count.label, role: 'count' as const, ...(count.basis ? { basis: count.basis } : {}) })),
    ...(metrics.amounts ?? []).map((amount) => ({ name: amount.name, label: amount.label, role: 'amount' as const, unit: amount.unit, basis: amount.basis })),
    ...(metrics.rates ?? []).map((rate) => ({
      name: rate.name,
      label: rate.label,
      role: 'rate' as const,
      format: rate.format,
      ...(rate.unit ? { unit: rate.unit } : {}),
      numerator: rate.numerator,
      denominator: rate.denominator,
    })),
  ];
}
