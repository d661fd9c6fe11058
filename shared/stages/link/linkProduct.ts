import { CsvBlobWriter } from '../../csv/CsvBlobWriter';
import { StandardColumns } from '../../flows/standardColumns';
import { StageMessage } from '../../messaging/stageMessage';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { linkedTable } from '../../warehouse/buildWarehouseModel';
import { SqlRow } from '../../warehouse/warehouse.port';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { affectedPeriods } from './affectedPeriods';
import { linkRunId } from './linkRunId';
import { passThroughRows } from './passThroughRows';

/**
 * Recomputes a product's linked outputs for every period an arriving extract can affect, from whatever is
 * loaded so far. The planning message fans out one message per pseudonym-hash bucket, so buckets can run on
 * separate instances; each bucket overwrites its own partition of every affected period, then the bucket that
 * finds every other bucket's marker in place hands over to DQ.
 */
export async function linkProduct(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const product = dependencies.registry.product(message.product);
  if (message.bucket === undefined) {
    const periods = affectedPeriods(product, message.flow, message.periods ?? []);
    const runId = linkRunId(product.id, message.extractId, periods);
    const next: StageMessage[] = Array.from({ length: product.link.buckets }, (_, bucket) => ({ ...message, stage: 'link', bucket, linkRunId: runId, periods }));
    return { rowsIn: 0, rowsOut: 0, rowsQuarantined: 0, quarantineReasons: {}, outputs: [], next, recordInManifest: false };
  }
  const bucket = message.bucket;
  const periods = message.periods ?? [];
  const runId = message.linkRunId ?? linkRunId(product.id, message.extractId, periods);
  let rowsOut = 0;
  const outputs: string[] = [];
  for (const output of product.link.outputs) {
    const table = linkedTable(product, output);
    const anchorFact = dependencies.registry.flow(output.anchorFlow).fact.table;
    for (const period of periods) {
      const rows = await passThroughRows(dependencies.warehouse, dependencies.model.schema, anchorFact, output, period, bucket);
      const path = BlobPaths.linkedOutput(product.id, output.name, period, bucket);
      const writer = new CsvBlobWriter(dependencies.blobs, Zones.processed, path, table.columns.map((column) => column.name));
      for (const row of rows) await writer.writeObject(textRow(row));
      await writer.close();
      rowsOut += await dependencies.warehouse.replaceLinked({ table, source: { zone: Zones.processed, path }, periods: [period], bucket });
      outputs.push(`${Zones.processed}/${path}`);
    }
  }
  await dependencies.blobs.write(Zones.processed, BlobPaths.linkRunMarker(product.id, runId, bucket), JSON.stringify({ runId, bucket, periods, rowsOut }), {
    contentType: 'application/json',
  });
  const complete = await allBucketsDone(dependencies, product.id, runId, product.link.buckets);
  return {
    rowsIn: rowsOut,
    rowsOut,
    rowsQuarantined: 0,
    quarantineReasons: {},
    outputs,
    stageKey: `link#${bucket}`,
    details: { runId, periods },
    next: complete ? [{ ...message, stage: 'dq', bucket: undefined, blobs: [] }] : [],
  };
}

async function allBucketsDone(dependencies: StageDependencies, product: string, runId: string, buckets: number): Promise<boolean> {
  let markers = 0;
  for await (const _marker of dependencies.blobs.list(Zones.processed, BlobPaths.linkRunMarkerPrefix(product, runId))) markers += 1;
  return markers >= buckets;
}

function textRow(row: SqlRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value === null || value === undefined ? '' : String(value);
  if (out[StandardColumns.periodMonth]) out[StandardColumns.periodMonth] = out[StandardColumns.periodMonth].slice(0, 10);
  return out;
}
