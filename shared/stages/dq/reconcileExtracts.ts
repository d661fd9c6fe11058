import { ReconciliationRow } from '../../dq/dqReport';
import { ManifestStore } from '../../manifest/ManifestStore';

/**
 * Row accounting for every accepted extract of the product's flows that has finished loading:
 * rows in = rows loaded + rows quarantined (structural failures and duplicate keys).
 */
export async function reconcileExtracts(manifests: ManifestStore, product: string, flows: string[]): Promise<ReconciliationRow[]> {
  const rows: ReconciliationRow[] = [];
  for (const flow of flows) {
    for await (const manifest of manifests.listFlow(flow)) {
      const stages = manifest.products[product]?.stages;
      const pseudonymise = stages?.pseudonymise;
      const load = stages?.load;
      if (manifest.status !== 'accepted' || pseudonymise?.status !== 'succeeded' || load?.status !== 'succeeded') continue;
      const reasons: Record<string, number> = { ...pseudonymise.quarantineReasons };
      for (const [reason, count] of Object.entries(load.quarantineReasons)) reasons[reason] = (reasons[reason] ?? 0) + count;
      const rowsQuarantined = pseudonymise.rowsQuarantined + load.rowsQuarantined;
      rows.push({
        extractId: manifest.extractId,
        flow,
        fileName: manifest.fileName,
        rowsIn: pseudonymise.rowsIn,
        rowsLoaded: load.rowsOut,
        rowsQuarantined,
        quarantineReasons: reasons,
        balanced: pseudonymise.rowsIn === load.rowsOut + rowsQuarantined,
      });
    }
  }
  return rows.sort((a, b) => a.flow.localeCompare(b.flow) || a.fileName.localeCompare(b.fileName));
}
