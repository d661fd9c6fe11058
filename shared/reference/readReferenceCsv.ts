import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot } from '../definitions/projectRoot';

/** Reference tables are small (at most a few thousand rows) and read once per process. */
export function readReferenceCsv(relativePath: string): Record<string, string>[] {
  const text = readFileSync(join(projectRoot(), relativePath), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) {
    throw new Error(`reference file ${relativePath} is malformed: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  }
  return parsed.data;
}
