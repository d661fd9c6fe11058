import { SUPPRESSED } from './disclosureControlledCount';
import { DisclosedValue } from './disclosedValue';

/**
 * A total that is not a count (money), beside the count of the people or events it adds up. The NHS Digital rule
 * rounds counts, not money, so the amount is shown to whole units; but a total over a group too small to show
 * describes those few people, so it is suppressed with its count.
 */
export function disclosedAmount(amount: number | null, basis: DisclosedValue): DisclosedValue {
  if (basis === SUPPRESSED) return SUPPRESSED;
  if (amount === null) return null;
  return Math.round(amount);
}
