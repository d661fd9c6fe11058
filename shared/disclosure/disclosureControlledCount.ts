/** What a commissioner sees in place of a count: the rounded count, or `'*'` where it is suppressed. */
export type DisclosedCount = number | '*';

/** The mark shown for a suppressed figure, in JSON and on every page. */
export const SUPPRESSED = '*';

/**
 * NHS Digital rule (DESIGN.md §7): 0 stays 0, 1–7 is suppressed, everything else is rounded to the nearest 5.
 * A count that is negative or not a whole number is a definition error (a rate or an amount declared as a
 * count), so it fails rather than publishing a figure the rule was never meant for.
 */
export function disclosureControlledCount(count: number): DisclosedCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`disclosure control applies to whole counts of zero or more, not ${count}`);
  if (count === 0) return 0;
  if (count < 8) return SUPPRESSED;
  return Math.round(count / 5) * 5;
}
