import { ExtractManifest } from '../manifest/extractManifest';
import { ManifestStore } from '../manifest/ManifestStore';

export interface StageStatusView {
  stage: string;
  status: string;
  rowsIn: number;
  rowsOut: number;
  rowsQuarantined: number;
  durationMs: number;
  attempts: number;
  error?: string;
  /** DQ stage only: the report's status and rule counts. */
  dq?: { status: string; rulesFailed: number; rulesWarned: number; runId: string };
}

export interface ExtractStatusView {
  extractId: string;
  flow: string;
  fileName: string;
  status: string;
  receivedAt: string;
  rejection?: { code: string; reason: string };
  duplicates: number;
  unknownColumns: string[];
  products: { product: string; correlationId: string; stages: StageStatusView[] }[];
}

const stageOrder = ['pseudonymise', 'map', 'load', 'link', 'dq'];

/** What happened to an extract, stage by stage, with row counts: the answer the status endpoint gives. */
export function extractStatusView(manifest: ExtractManifest): ExtractStatusView {
  return {
    extractId: manifest.extractId,
    flow: manifest.flow,
    fileName: manifest.fileName,
    status: manifest.status,
    receivedAt: manifest.receivedAt,
    rejection: manifest.rejection ? { code: manifest.rejection.code, reason: manifest.rejection.reason } : undefined,
    duplicates: manifest.duplicates.length,
    unknownColumns: manifest.header.unknownColumns,
    products: Object.entries(manifest.products).map(([product, entry]) => ({
      product,
      correlationId: entry.correlationId,
      stages: Object.entries(entry.stages)
        .sort(([a], [b]) => stageRank(a) - stageRank(b) || a.localeCompare(b, undefined, { numeric: true }))
        .map(([stage, record]) => ({
          stage,
          status: record.status,
          rowsIn: record.rowsIn,
          rowsOut: record.rowsOut,
          rowsQuarantined: record.rowsQuarantined,
          durationMs: record.durationMs,
          attempts: record.attempts,
          error: record.error,
          dq: stage === 'dq' && record.details ? (record.details as StageStatusView['dq']) : undefined,
        })),
    })),
  };
}

export async function findExtractStatus(manifests: ManifestStore, flows: string[], extractId: string): Promise<ExtractStatusView | undefined> {
  for (const flow of flows) {
    const manifest = await manifests.read(flow, extractId);
    if (manifest) return extractStatusView(manifest);
  }
  return undefined;
}

function stageRank(stage: string): number {
  const index = stageOrder.indexOf(stage.split('#')[0]);
  return index < 0 ? stageOrder.length : index;
}
