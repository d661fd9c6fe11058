import { CsvBlobWriter } from '../../csv/CsvBlobWriter';
import { StandardColumns } from '../../flows/standardColumns';
import { StageMessage } from '../../messaging/stageMessage';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { linkedTable } from '../../warehouse/buildWarehouseModel';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { affectedPeriods } from './affectedPeriods';
import { computeLinkedRows } from './computeLinkedRows';
import { linkOutputFlows } from './linkOutputFlows';
import { linkRunId } from './linkRunId';

/**
 * Recomputes a product's linked outputs for every period an arriving extract can affect, from whatever is
 * loaded so far. The planning message fans out one message per pseudonym-hash bucket, so buckets can run on
 * separate instances; each bucket overwrites its own partition of every affected period, then the bucket that
 * finds every other bucket's marker in place hands over to DQ.
 */
export async function linkProduct(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const product = dependencies.registry.product(message.product);
  const extractPeriods = message.periods ?? [];
  if (message.bucket === undefined) {
    const runId = linkRunId(product.id, message.extractId, extractPeriods);
    const next: StageMessage[] = Array.from({ length: product.link.buckets }, (_, bucket) => ({ ...message, stage: 'link', bucket, linkRunId: runId }));
    return { rowsIn: 0, rowsOut: 0, rowsQuarantined: 0, quarantineReasons: {}, outputs: [], next, recordInManifest: false };
  }
  const bucket = message.bucket;
  const runId = message.linkRunId ?? linkRunId(product.id, message.extractId, extractPeriods);
  let rowsOut = 0;
  const outputs: string[] = [];
  const recomputed: Record<string, string[]> = {};
  for (const output of product.link.outputs.filter((candidate) => linkOutputFlows(candidate).includes(message.flow))) {
    const table = linkedTable(product, output);
    const periods = affectedPeriods(output, message.flow, extractPeriods);
    recomputed[output.name] = periods;
    for (const period of periods) {
      const rows = await computeLinkedRows({ warehouse: dependencies.warehouse, registry: dependencies.registry, schema: dependencies.model.schema, bucket, period }, output);
      const path = BlobPaths.linkedOutput(product.id, output.name, period, bucket);
      const writer = new CsvBlobWriter(dependencies.blobs, Zones.processed, path, table.columns.map((column) => column.from));
      for (const row of rows) {
        row[StandardColumns.periodMonth] = `${period}-01`;
        row[StandardColumns.bucket] = String(bucket);
        await writer.writeObject(row);
      }
      await writer.close();
      rowsOut += await dependencies.warehouse.replaceLinked({ table, source: { zone: Zones.processed, path }, periods: [period], bucket });
      outputs.push(`${Zones.processed}/${path}`);
    }
  }
  await dependencies.blobs.write(Zones.processed, BlobPaths.linkRunMarker(product.id, runId, bucket), JSON.stringify({ runId, bucket, recomputed, rowsOut }), {
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
    details: { runId, recomputed },
    next: complete ? [{ ...message, stage: 'dq', bucket: undefined, linkRunId: undefined, blobs: [] }] : [],
  };
}

async function allBucketsDone(dependencies: StageDependencies, product: string, runId: string, buckets: number): Promise<boolean> {
  let markers = 0;
  for await (const _marker of dependencies.blobs.list(Zones.processed, BlobPaths.linkRunMarkerPrefix(product, runId))) markers += 1;
  return markers >= buckets;
}
