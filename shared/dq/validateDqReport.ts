import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schemas/reports/dq-report.schema.json';

export type DqReportValidation = { valid: true } | { valid: false; errors: string[] };

// Compiled once at module load: compiling per call is the expensive part of ajv.
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Checks a DQ report against schemas/reports/dq-report.schema.json before it is written or read back. */
export function validateDqReport(report: unknown): DqReportValidation {
  if (validate(report)) return { valid: true };
  return { valid: false, errors: (validate.errors ?? []).map(describeError) };
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  // ajv's generic messages omit the offending name or allowed values, which an operator needs to fix the report.
  if (error.keyword === 'additionalProperties') return `${where} must not have property '${String(params.additionalProperty)}'`;
  if (error.keyword === 'enum') return `${where} ${error.message}: ${(params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
