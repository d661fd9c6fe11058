import { ViewMetricsDefinition } from '../definitions/viewMetricsTypes';
import { disclosedAmount } from './disclosedAmount';
import { disclosedRate } from './disclosedRate';
import { DisclosedValue } from './disclosedValue';
import { disclosureControlledCount, SUPPRESSED } from './disclosureControlledCount';

export type PublishedRow = Record<string, DisclosedValue | string>;

export interface DisclosedRows {
  rows: PublishedRow[];
  /** Cells shown as `*`. */
  suppressed: number;
}

/**
 * Applies disclosure control (DESIGN.md §7) to rows read from a view or its aggregation, as the view's metrics
 * block declares: counts by the NHS Digital rule, counts and amounts of a suppressed group suppressed with it,
 * rates recomputed from the disclosed figures. Only declared columns come out; anything else a row holds is dropped.
 */
export function discloseMetricRows(metrics: ViewMetricsDefinition, rawRows: Record<string, unknown>[]): DisclosedRows {
  let suppressed = 0;
  const rows = rawRows.map((raw) => {
    const out: PublishedRow = {};
    out[metrics.period.name] = metrics.period.grain === 'month' ? monthOf(raw[metrics.period.name]) : textOrNull(raw[metrics.period.name]);
    if (metrics.provider) out[metrics.provider.name] = textOrNull(raw[metrics.provider.name]);
    for (const dimension of metrics.dimensions ?? []) out[dimension.name] = textOrNull(raw[dimension.name]);
    // Counts without a basis first: the others are suppressed with them.
    for (const count of [...metrics.counts].sort((a, b) => Number(Boolean(a.basis)) - Number(Boolean(b.basis)))) {
      const value = numberOrNull(raw[count.name], count.name);
      out[count.name] = count.basis && out[count.basis] === SUPPRESSED ? SUPPRESSED : value === null ? null : disclosureControlledCount(value);
    }
    for (const amount of metrics.amounts ?? []) out[amount.name] = disclosedAmount(numberOrNull(raw[amount.name], amount.name), out[amount.basis] as DisclosedValue);
    for (const rate of metrics.rates ?? []) out[rate.name] = disclosedRate(out[rate.numerator] as DisclosedValue, out[rate.denominator] as DisclosedValue);
    suppressed += Object.values(out).filter((value) => value === SUPPRESSED).length;
    return out;
  });
  return { rows, suppressed };
}

function numberOrNull(value: unknown, column: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new TypeError(`metric column ${column} holds a ${typeof value}, not a number`);
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** Month periods are published as YYYY-MM, the form the API's filters take. */
function monthOf(value: unknown): string | null {
  const text = textOrNull(value);
  return text === null ? null : text.slice(0, 7);
}
