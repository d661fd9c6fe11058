import { StandardColumns } from '../../flows/standardColumns';
import { quoteIdentifier as q } from '../../warehouse/duckdbTypes';
import { SqlRow } from '../../warehouse/warehouse.port';
import { LinkContext } from './LinkContext';

export interface FactSlice {
  flow: string;
  /** Fact column whose value must fall in [from, to] (ISO dates, inclusive). */
  date: string;
  from: string;
  to: string;
  where?: string;
  columns: string[];
  /** Only rows with a pseudonym: rows without one never link. */
  linkedOnly: boolean;
}

/**
 * Streams one partition's slice of a flow's facts: one bucket, one date range. Selected columns come back under
 * their own names, plus `__pseudonym` and `__date`.
 */
export async function streamFactSlice(context: LinkContext, slice: FactSlice, onRows: (rows: SqlRow[]) => void): Promise<void> {
  const table = context.registry.flow(slice.flow).fact.table;
  const columns = slice.columns.map((column) => q(column)).join(', ');
  const conditions = [
    `${q(StandardColumns.bucket)} = $bucket`,
    `${q(slice.date)} >= CAST($from AS DATE)`,
    `${q(slice.date)} <= CAST($to AS DATE)`,
    ...(slice.linkedOnly ? [`${q(StandardColumns.pseudonym)} IS NOT NULL`] : []),
    ...(slice.where ? [`(${slice.where})`] : []),
  ];
  await context.warehouse.forEachChunk(
    `SELECT ${columns ? `${columns}, ` : ''}${q(StandardColumns.pseudonym)} AS "__pseudonym", ${q(slice.date)} AS "__date"
     FROM ${q(context.schema)}.${q(table)} WHERE ${conditions.join(' AND ')}`,
    { bucket: context.bucket, from: slice.from, to: slice.to },
    onRows,
  );
}
