import { ColumnDefinition } from '../definitions/definitionTypes';

/**
 * Columns the pipeline adds to every processed row and fact, whatever the flow: lineage and the pseudonymised
 * replacements of identifiers (DESIGN.md §4, §5).
 */
export const StandardColumns = {
  sourceLine: 'source_line',
  pseudonym: 'patient_pseudonym',
  nhsNumberStatus: 'nhs_number_status',
  ageAtEvent: 'age_at_event',
  ageBand: 'age_band',
  ageStatus: 'age_status',
  bucket: 'patient_bucket',
  periodMonth: 'period_month',
  keyVersion: 'key_version',
  extractId: 'extract_id',
  precedence: 'extract_precedence',
  loadBatch: 'load_batch',
} as const;

/** Added by the pseudonymise stage, carried through map into the fact. */
export const pseudonymisedStandardColumns: ColumnDefinition[] = [
  { name: StandardColumns.sourceLine, from: StandardColumns.sourceLine, type: 'integer', label: 'Source line' },
  { name: StandardColumns.pseudonym, from: StandardColumns.pseudonym, type: 'string', length: 64, label: 'Patient pseudonym' },
  { name: StandardColumns.nhsNumberStatus, from: StandardColumns.nhsNumberStatus, type: 'string', length: 8, label: 'NHS number status' },
  { name: StandardColumns.ageAtEvent, from: StandardColumns.ageAtEvent, type: 'integer', label: 'Age at event' },
  { name: StandardColumns.ageBand, from: StandardColumns.ageBand, type: 'string', length: 8, label: 'Age band' },
  { name: StandardColumns.ageStatus, from: StandardColumns.ageStatus, type: 'string', length: 16, label: 'Age status (valid, missing, after_event, no_event_date)' },
  { name: StandardColumns.bucket, from: StandardColumns.bucket, type: 'integer', label: 'Patient partition' },
  { name: StandardColumns.periodMonth, from: StandardColumns.periodMonth, type: 'date', label: 'Reporting month' },
  { name: StandardColumns.keyVersion, from: StandardColumns.keyVersion, type: 'string', length: 64, label: 'Pseudonymisation key version' },
];

/** Added by the loader: which extract and batch each fact row came from. */
export const lineageColumns: ColumnDefinition[] = [
  { name: StandardColumns.extractId, from: StandardColumns.extractId, type: 'string', length: 32, label: 'Extract id' },
  { name: StandardColumns.precedence, from: StandardColumns.precedence, type: 'string', length: 80, label: 'Extract precedence' },
  { name: StandardColumns.loadBatch, from: StandardColumns.loadBatch, type: 'string', length: 64, label: 'Load batch' },
];
