import { CodeNormalisation } from '../definitions/definitionTypes';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { lookupCatalogue } from './lookupCatalogue';
import { normaliseCode } from './normaliseCode';
import { readReferenceCsv } from './readReferenceCsv';

export interface CodeLookupTable {
  /** Output suffixes of the returned values, in catalogue order. */
  readonly valueNames: readonly string[];
  /** Values by output suffix for a code already normalised; undefined when the table does not know the code. */
  find(normalisedCode: string): Readonly<Record<string, string>> | undefined;
}

const tables = new Map<string, CodeLookupTable>();

/**
 * One catalogued reference table keyed by normalised code, read once per process. Two rows whose codes normalise
 * alike must agree: a lookup with two answers would make the mapped value depend on file order.
 */
export function codeLookupTable(referenceId: string, normalisation?: CodeNormalisation): CodeLookupTable {
  const cacheKey = `${referenceId}|${normalisation ?? ''}`;
  const cached = tables.get(cacheKey);
  if (cached) return cached;
  const entry = lookupCatalogue().get(referenceId);
  if (!entry) throw new PipelineError(ErrorCodes.referenceData, `no lookup '${referenceId}' in reference/lookups.json`);
  const rows = readReferenceCsv(entry.file);
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = [entry.key, ...entry.values.map((value) => value.column)].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new PipelineError(ErrorCodes.referenceData, `${entry.file} (lookup '${referenceId}') has no column ${missing.map((c) => `'${c}'`).join(', ')}`);
  }
  const byCode = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const code = normaliseCode(row[entry.key], normalisation);
    if (!code) continue;
    const values = Object.fromEntries(entry.values.map((value) => [value.as, (row[value.column] ?? '').trim()]));
    const earlier = byCode.get(code);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(values)) {
      throw new PipelineError(ErrorCodes.referenceData, `${entry.file} (lookup '${referenceId}') gives code '${code}' two different rows`);
    }
    byCode.set(code, values);
  }
  const table: CodeLookupTable = {
    valueNames: entry.values.map((value) => value.as),
    find: (normalisedCode) => byCode.get(normalisedCode),
  };
  tables.set(cacheKey, table);
  return table;
}
