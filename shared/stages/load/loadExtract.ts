import { StageMessage } from '../../messaging/stageMessage';
import { factTable } from '../../warehouse/buildWarehouseModel';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { loadBatchId } from './loadBatchId';

/**
 * Upserts the flow's mapped rows into its fact table by business key, with lineage. Each flow's facts load as
 * soon as it is mapped; no flow waits for another. A batch loaded twice leaves the warehouse unchanged.
 */
export async function loadExtract(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const flow = dependencies.registry.flow(message.flow);
  const table = factTable(flow);
  const loadBatch = loadBatchId(message.product, table.name, message.extractId, message.keyVersion ?? '');
  const result = await dependencies.warehouse.upsertFacts({
    table,
    source: message.blobs[0],
    extractId: message.extractId,
    precedence: message.precedence,
    loadBatch,
  });
  const reasons: Record<string, number> = result.duplicateKeyRows > 0 ? { duplicate_business_key: result.duplicateKeyRows } : {};
  const periods = [...new Set([...(message.periods ?? []), ...result.periods])].sort();
  return {
    rowsIn: result.rowsStaged,
    rowsOut: result.rowsLoaded,
    rowsQuarantined: result.duplicateKeyRows,
    quarantineReasons: reasons,
    outputs: [`warehouse:${table.name}`],
    details: { loadBatch, periods },
    next: [{ ...message, stage: 'link', periods, rowCounts: { in: result.rowsStaged, out: result.rowsLoaded, quarantined: result.duplicateKeyRows } }],
  };
}
