/**
 * Orders extracts of one flow independently of arrival: DSCRO file names carry the snapshot date (and often a
 * time), e.g. sus_apc_202404_20240515.csv or ..._20240515T0930.csv. The last date in the name is the snapshot;
 * the content hash breaks ties. A file name without a date sorts before every dated one.
 */
export function extractPrecedence(fileName: string, extractId: string): string {
  const matches = [...fileName.matchAll(/(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[T_-]?(\d{4,6}))?(?!\d)/g)];
  const last = matches.at(-1);
  const snapshot = last ? `${last[1]}${last[2]}${last[3]}${(last[4] ?? '').padEnd(6, '0')}` : '00000000000000';
  return `${snapshot}-${extractId}`;
}
