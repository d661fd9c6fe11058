import Papa from 'papaparse';
import { CsvBlobWriter } from '../../csv/CsvBlobWriter';
import { isGzipPath, readCsvRecords } from '../../csv/readCsvRecords';
import { describeSchemaErrors, schemaValidator } from '../../definitions/jsonSchemas';
import { pseudonymisedColumns } from '../../flows/flowColumns';
import { Row } from '../../flows/row';
import { StageMessage } from '../../messaging/stageMessage';
import { Pseudonymiser } from '../../pseudonymise/Pseudonymiser';
import { RowPseudonymiser } from '../../pseudonymise/RowPseudonymiser';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { quarantineColumns } from './quarantineColumns';

/**
 * Streams the accepted extract: each record is checked for shape and against the flow's JSON Schema (compiled
 * once), then stripped of identifiers. Rows that fail go to quarantine with line and reason; the rest go on.
 * No key, no processing: the key is read before the first byte of the extract.
 */
export async function pseudonymiseExtract(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const { registry, secrets, blobs } = dependencies;
  const flow = registry.flow(message.flow);
  const product = registry.product(message.product);
  const key = await secrets.getSecret(product.keySecretName);
  const rowPseudonymiser = new RowPseudonymiser(flow, new Pseudonymiser(Buffer.from(key.value, 'utf8'), key.version), product.link.buckets);
  const validate = schemaValidator(flow.schema);
  const source = message.blobs[0];
  const outputPath = BlobPaths.stageOutput(product.id, flow.id, 'pseudonymised', message.extractId);
  const quarantinePath = BlobPaths.quarantinedRows(product.id, flow.id, message.extractId, 'pseudonymise');
  const output = new CsvBlobWriter(blobs, Zones.processed, outputPath, pseudonymisedColumns(flow));
  const quarantine = new CsvBlobWriter(blobs, Zones.quarantine, quarantinePath, quarantineColumns);
  const reasons: Record<string, number> = {};
  const periods = new Set<string>();
  let header: string[] = [];
  let rowsIn = 0;
  const setAside = async (line: number, code: string, reason: string, fields: string[]) => {
    reasons[code] = (reasons[code] ?? 0) + 1;
    await quarantine.writeRow([String(line), code, reason, Papa.unparse([fields])]);
  };

  for await (const record of readCsvRecords(await blobs.openRead(source.zone, source.path), { gzip: isGzipPath(source.path) })) {
    if (record.line === 1) {
      header = record.fields.map((name) => name.trim());
      continue;
    }
    rowsIn += 1;
    if (record.fields.length !== header.length) {
      await setAside(record.line, 'column_count', `expected ${header.length} fields, found ${record.fields.length}`, record.fields);
      continue;
    }
    const row: Row = {};
    const present: Row = {};
    for (let index = 0; index < header.length; index += 1) {
      const value = record.fields[index].trim();
      row[header[index]] = value;
      // Empty cells are absent for validation, so `required` reads as "present and not empty".
      if (value !== '') present[header[index]] = value;
    }
    if (!validate(present)) {
      const firstError = validate.errors?.[0];
      const field = firstError?.instancePath.slice(1) || (firstError?.params as { missingProperty?: string })?.missingProperty || 'row';
      await setAside(record.line, `schema:${field}:${firstError?.keyword ?? 'invalid'}`, describeSchemaErrors(validate.errors), record.fields);
      continue;
    }
    const pseudonymised = rowPseudonymiser.pseudonymise(row, record.line);
    if (pseudonymised.period_month) periods.add(pseudonymised.period_month.slice(0, 7));
    await output.writeObject(pseudonymised);
  }
  await Promise.all([output.close(), quarantine.close()]);
  const rowsQuarantined = quarantine.rows;
  return {
    rowsIn,
    rowsOut: output.rows,
    rowsQuarantined,
    quarantineReasons: reasons,
    outputs: [`${Zones.processed}/${outputPath}`, `${Zones.quarantine}/${quarantinePath}`],
    details: { keyVersion: key.version },
    next: [
      {
        ...message,
        stage: 'map',
        keyVersion: key.version,
        periods: [...periods].sort(),
        blobs: [{ zone: Zones.processed, path: outputPath }],
        rowCounts: { in: rowsIn, out: output.rows, quarantined: rowsQuarantined },
      },
    ],
  };
}
