import { Warehouse } from '../warehouse.port';
import { WarehouseModel } from '../warehouseModel';

/**
 * Each view's output columns, in order, as the warehouse itself reports them (INFORMATION_SCHEMA.COLUMNS, which
 * DuckDB and Synapse both have), so the semantic-layer documentation lists what the views really return rather
 * than what a parser guesses from their SQL.
 */
export async function describeViewColumns(warehouse: Warehouse, model: WarehouseModel): Promise<Map<string, string[]>> {
  const columns = new Map<string, string[]>();
  for (const view of model.views) {
    const rows = await warehouse.query(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $view ORDER BY ordinal_position',
      { schema: model.schema, view: view.name },
    );
    columns.set(
      view.name,
      rows.map((row) => String(row.column_name ?? row.COLUMN_NAME)),
    );
  }
  return columns;
}
