import { CsvBlobWriter } from '../../csv/CsvBlobWriter';
import { readCsvRecords } from '../../csv/readCsvRecords';
import { pseudonymisedColumns } from '../../flows/flowColumns';
import { Row } from '../../flows/row';
import { StageMessage } from '../../messaging/stageMessage';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { createRowMapper } from './mappers/createRowMapper';

/** Adds reference-data lookups to every row. Unmapped codes are kept and flagged, never dropped (DESIGN.md §2). */
export async function mapExtract(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const { registry, blobs } = dependencies;
  const flow = registry.flow(message.flow);
  const mappers = flow.mappings.map(createRowMapper);
  const columns = [...pseudonymisedColumns(flow), ...mappers.flatMap((mapper) => mapper.outputColumns)];
  const outputPath = BlobPaths.stageOutput(message.product, flow.id, 'mapped', message.extractId);
  const output = new CsvBlobWriter(blobs, Zones.processed, outputPath, columns);
  const source = message.blobs[0];
  let header: string[] = [];
  let rowsIn = 0;
  for await (const record of readCsvRecords(await blobs.openRead(source.zone, source.path), { gzip: true })) {
    if (record.line === 1) {
      header = record.fields;
      continue;
    }
    rowsIn += 1;
    const row: Row = {};
    for (let index = 0; index < header.length; index += 1) row[header[index]] = record.fields[index] ?? '';
    for (const mapper of mappers) mapper.map(row);
    await output.writeObject(row);
  }
  await output.close();
  return {
    rowsIn,
    rowsOut: output.rows,
    rowsQuarantined: 0,
    quarantineReasons: {},
    outputs: [`${Zones.processed}/${outputPath}`],
    next: [{ ...message, stage: 'load', blobs: [{ zone: Zones.processed, path: outputPath }], rowCounts: { in: rowsIn, out: output.rows, quarantined: 0 } }],
  };
}
