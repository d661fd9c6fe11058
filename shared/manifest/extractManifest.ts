/**
 * What happened to one extract, stage by stage (reports/manifests/<flow>/<extractId>.json).
 * Counts and file names only: the manifest sits in the analysts' zone.
 */
export type ExtractStatus = 'accepted' | 'rejected';
export type StageStatus = 'succeeded' | 'failed' | 'dead-lettered';

export interface StageRecord {
  status: StageStatus;
  rowsIn: number;
  rowsOut: number;
  rowsQuarantined: number;
  quarantineReasons: Record<string, number>;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outputs: string[];
  attempts: number;
  error?: string;
  /** Stage-specific facts worth showing (periods touched, link run id, DQ status). */
  details?: Record<string, unknown>;
}

export interface ExtractManifest {
  schemaVersion: 1;
  extractId: string;
  flow: string;
  /** The correlation id ingest gave the landed file; each product's chain carries it in its messages. */
  correlationId?: string;
  fileName: string;
  landedPath: string;
  acceptedPath?: string;
  precedence: string;
  /** Months the extract says it covers (from its file name), for rules such as RX-PERIOD-IN-EXTRACT. */
  coverage?: { from: string; to: string };
  status: ExtractStatus;
  receivedAt: string;
  sizeBytes: number;
  header: { columns: string[]; unknownColumns: string[]; missingColumns: string[] };
  rejection?: { code: string; reason: string; quarantinePath: string };
  duplicates: { fileName: string; landedPath: string; at: string }[];
  /** Set once the first stage messages are sent; a redelivered event before then resumes rather than skips. */
  dispatchedAt?: string;
  products: Record<string, { correlationId: string; stages: Record<string, StageRecord> }>;
}
