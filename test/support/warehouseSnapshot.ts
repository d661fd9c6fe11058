import { Warehouse } from '../../shared/warehouse/warehouse.port';
import { WarehouseModel } from '../../shared/warehouse/warehouseModel';

/** Every row of every fact, linked and dimension table, in a stable order: for "warehouse unchanged" checks. */
export async function warehouseSnapshot(warehouse: Warehouse, model: WarehouseModel): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of model.tables) {
    const columns = table.columns.map((column) => `"${column.name}"`).join(', ');
    snapshot[table.name] = await warehouse.query(`SELECT ${columns} FROM "${model.schema}"."${table.name}" ORDER BY ${columns}`);
  }
  return snapshot;
}
