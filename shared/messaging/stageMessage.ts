import { StageName } from '../chain/chain';

/**
 * What travels between stages: references, never patient rows (claim-check, DESIGN.md §2).
 * The JSON Schema `schemas/messages/stage-message.schema.json` is the contract; this type mirrors it.
 */
export interface StageMessage {
  schemaVersion: 1;
  stage: StageName;
  correlationId: string;
  product: string;
  flow: string;
  extractId: string;
  /** Orders extracts of one flow: later snapshots win, whatever order they arrive in. */
  precedence: string;
  fileName: string;
  keyVersion?: string;
  /** Reporting months (YYYY-MM) the stage touched; the link stage recomputes what they reach. */
  periods?: string[];
  /** Input blobs for the stage that receives the message. */
  blobs: { zone: 'raw' | 'processed' | 'quarantine' | 'reports'; path: string }[];
  rowCounts?: { in: number; out: number; quarantined: number };
  /** Link fan-out: which pseudonym-hash bucket this message computes; absent on the planning message. */
  bucket?: number;
  linkRunId?: string;
}
