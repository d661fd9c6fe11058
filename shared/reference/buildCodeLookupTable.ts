import { CodeNormalisation } from '../definitions/definitionTypes';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { LookupCatalogueEntry } from './lookupCatalogue';
import { normaliseCode } from './normaliseCode';

export interface CodeLookupTable {
  /** Output suffixes of the returned values, in catalogue order. */
  readonly valueNames: readonly string[];
  /** Values by output suffix for a code already normalised; undefined when the table does not know the code. */
  find(normalisedCode: string): Readonly<Record<string, string>> | undefined;
}

/**
 * Indexes a reference table's rows by normalised code. Two rows whose codes normalise alike must agree: a lookup
 * with two answers would make the mapped value depend on file order.
 */
export function buildCodeLookupTable(entry: LookupCatalogueEntry, rows: Record<string, string>[], normalisation?: CodeNormalisation): CodeLookupTable {
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = [entry.key, ...entry.values.map((value) => value.column)].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new PipelineError(ErrorCodes.referenceData, `${entry.file} (lookup '${entry.id}') has no column ${missing.map((c) => `'${c}'`).join(', ')}`);
  }
  const byCode = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const code = normaliseCode(row[entry.key], normalisation);
    if (!code) continue;
    const values = Object.fromEntries(entry.values.map((value) => [value.as, (row[value.column] ?? '').trim()]));
    const earlier = byCode.get(code);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(values)) {
      throw new PipelineError(ErrorCodes.referenceData, `${entry.file} (lookup '${entry.id}') gives code '${code}' two different rows`);
    }
    byCode.set(code, values);
  }
  return {
    valueNames: entry.values.map((value) => value.as),
    find: (normalisedCode) => byCode.get(normalisedCode),
  };
}
