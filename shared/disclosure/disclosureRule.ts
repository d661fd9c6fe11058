/** The rule as stated to readers of every commissioner-facing output (API responses, dashboards). */
export const disclosureRule =
  'NHS Digital disclosure control: 0 is shown as 0, 1 to 7 as *, and every other count is rounded to the nearest 5. ' +
  'Rates and averages are calculated from the rounded figures and suppressed (*) where a figure they use is suppressed. ' +
  'Money totals are shown to the nearest pound, and suppressed where the count they describe is suppressed.';
