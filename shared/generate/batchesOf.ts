/**
 * Groups a row stream into batches for the CSV writer, so a flow holds one batch of rows at a time
 * however long its extract is.
 */
export function* batchesOf<T>(rows: Iterable<T>, batchSize: number): Generator<T[]> {
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new Error(`batch size must be a positive integer, got ${batchSize}`);
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
