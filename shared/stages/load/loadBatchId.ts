import { createHash } from 'node:crypto';

/** Deterministic: the same extract loaded again is the same batch, so a re-run adds no second lineage row. */
export function loadBatchId(product: string, table: string, extractId: string, keyVersion: string): string {
  return createHash('sha256').update(`${product}|${table}|${extractId}|${keyVersion}`).digest('hex').slice(0, 32);
}
