import { createHash } from 'node:crypto';

/** One id per (product, extract, periods): a redelivered planning message fans out to the same run. */
export function linkRunId(product: string, extractId: string, periods: string[]): string {
  return createHash('sha256').update(`${product}|${extractId}|${periods.join(',')}`).digest('hex').slice(0, 24);
}
