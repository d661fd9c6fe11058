import { CodeNormalisation } from '../definitions/definitionTypes';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { CodeLookupTable, buildCodeLookupTable } from './buildCodeLookupTable';
import { lookupCatalogue } from './lookupCatalogue';
import { readReferenceCsv } from './readReferenceCsv';

const tables = new Map<string, CodeLookupTable>();

/** A table of reference/lookups.json, read once per process for each normalisation it is used with. */
export function codeLookupTable(referenceId: string, normalisation?: CodeNormalisation): CodeLookupTable {
  const cacheKey = `${referenceId}|${normalisation ?? ''}`;
  const cached = tables.get(cacheKey);
  if (cached) return cached;
  const entry = lookupCatalogue().get(referenceId);
  if (!entry) throw new PipelineError(ErrorCodes.referenceData, `no lookup '${referenceId}' in reference/lookups.json`);
  const table = buildCodeLookupTable(entry, readReferenceCsv(entry.file), normalisation);
  tables.set(cacheKey, table);
  return table;
}
