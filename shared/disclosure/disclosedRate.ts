import { SUPPRESSED } from './disclosureControlledCount';
import { DisclosedValue } from './disclosedValue';

/**
 * A rate or average from figures already under disclosure control. Computed from the rounded figures, never the
 * raw ones: an unrounded rate beside a rounded denominator would give the exact numerator back. Suppressed when
 * either figure is; null when there is nothing to divide by.
 */
export function disclosedRate(numerator: DisclosedValue, denominator: DisclosedValue): DisclosedValue {
  if (numerator === SUPPRESSED || denominator === SUPPRESSED) return SUPPRESSED;
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}
