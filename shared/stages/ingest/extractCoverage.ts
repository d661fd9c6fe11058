/**
 * The months an extract says it covers, from its DSCRO file name: the first two year-month tokens
 * (`2024-04` or `202404`), e.g. prescribing_2024-04_2025-03_20250415.csv covers April 2024 to March 2025; one
 * token covers one month. An 8-digit snapshot date is not a year-month token. Undefined when the name has none.
 */
export function extractCoverage(fileName: string): { from: string; to: string } | undefined {
  const tokens = [...fileName.matchAll(/(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])(?!\d)/g)].map((match) => `${match[1]}-${match[2]}`);
  if (tokens.length === 0) return undefined;
  const [from, to = from] = tokens;
  return from <= to ? { from, to } : { from: to, to: from };
}
