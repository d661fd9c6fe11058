import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchemaErrors, schemaValidator } from '../definitions/jsonSchemas';
import { projectRoot } from '../definitions/projectRoot';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';

/** A returned column: its header in the CSV and the suffix of the output column it fills. */
export interface LookupValueColumn {
  column: string;
  as: string;
}

export interface LookupCatalogueEntry {
  id: string;
  file: string;
  key: string;
  values: LookupValueColumn[];
  source: string;
}

interface CatalogueFile {
  lookups: Record<string, { file: string; key: string; values: (string | LookupValueColumn)[]; source: string }>;
}

const cataloguePath = 'reference/lookups.json';
const catalogueSchema = 'schemas/reference/lookup-catalogue.schema.json';

let entries: Map<string, LookupCatalogueEntry> | undefined;

/** The reference tables `codeLookup` mappings can name (reference/lookups.json), validated on first use. */
export function lookupCatalogue(): Map<string, LookupCatalogueEntry> {
  if (entries) return entries;
  const catalogue = JSON.parse(readFileSync(join(projectRoot(), cataloguePath), 'utf8')) as CatalogueFile;
  const validate = schemaValidator(catalogueSchema);
  if (!validate(catalogue)) {
    throw new PipelineError(ErrorCodes.referenceData, `${cataloguePath} does not match ${catalogueSchema}: ${describeSchemaErrors(validate.errors)}`);
  }
  entries = new Map(
    Object.entries(catalogue.lookups).map(([id, entry]) => [
      id,
      {
        id,
        file: entry.file,
        key: entry.key,
        values: entry.values.map((value) => (typeof value === 'string' ? { column: value, as: value } : value)),
        source: entry.source,
      },
    ]),
  );
  return entries;
}
