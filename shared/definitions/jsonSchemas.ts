import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { projectRoot } from './projectRoot';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** One ajv instance for the process; each schema is compiled once and reused for every row and message. */
export function schemaValidator(relativePath: string): ValidateFunction {
  const existing = compiled.get(relativePath);
  if (existing) return existing;
  ajv ??= createAjv();
  const schema = JSON.parse(readFileSync(join(projectRoot(), relativePath), 'utf8')) as { $id?: string };
  const validate = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
  compiled.set(relativePath, validate);
  return validate;
}

function createAjv(): Ajv {
  const instance = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
  addFormats(instance, ['date', 'date-time', 'time']);
  // Schemas that reference each other by $id are registered up front.
  const shared = ['schemas/definitions/flow-definition.schema.json'];
  for (const path of shared) instance.addSchema(JSON.parse(readFileSync(join(projectRoot(), path), 'utf8')));
  return instance;
}

/** Error text without the offending value: validation messages may be logged, values may be identifiers. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid';
  return errors
    .map((error) => {
      const field = error.instancePath ? error.instancePath.slice(1) : (error.params as { missingProperty?: string }).missingProperty ?? '';
      if (error.keyword === 'required') return `${field}: required value missing`;
      return `${field}: ${error.message ?? error.keyword}`;
    })
    .join('; ');
}
