import { LinkOutputDefinition } from '../../definitions/definitionTypes';
import { StandardColumns } from '../../flows/standardColumns';
import { quoteIdentifier as q } from '../../warehouse/duckdbTypes';
import { SqlRow, Warehouse } from '../../warehouse/warehouse.port';

/** Anchor rows of one bucket and month, as the output's columns: the link step of a single-flow product. */
export async function passThroughRows(warehouse: Warehouse, schema: string, factTableName: string, output: LinkOutputDefinition, period: string, bucket: number): Promise<SqlRow[]> {
  const columns = output.columns.map((column) => `${q(column.from)} AS ${q(column.name)}`).join(', ');
  const where = output.anchorWhere ? ` AND (${output.anchorWhere})` : '';
  return warehouse.query(
    `SELECT ${columns}, ${q(StandardColumns.periodMonth)}, ${q(StandardColumns.bucket)} FROM ${q(schema)}.${q(factTableName)}
     WHERE ${q(StandardColumns.bucket)} = $bucket AND ${q(StandardColumns.periodMonth)} = CAST($month AS DATE)${where}`,
    { bucket, month: `${period}-01` },
  );
}
