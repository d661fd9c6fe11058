import { Warehouse } from './warehouse.port';
import { WarehouseModel, tableOf } from './warehouseModel';
import { dateDimensionRows, hrgDimensionRows, organisationDimensionRows } from './referenceDimensionRows';

/** The calendar covers DSCRO history and the planning horizon commissioners report on. */
const calendarStart = '2015-04-01';
const calendarEnd = '2035-03-31';

/** Creates or evolves the tables, seeds the reference dimensions, then (re)creates the views; safe on every start. */
export async function prepareWarehouse(warehouse: Warehouse, model: WarehouseModel): Promise<void> {
  await warehouse.applyModel(model);
  await warehouse.seedRows(tableOf(model, 'dim_date'), dateDimensionRows(calendarStart, calendarEnd));
  await warehouse.seedRows(tableOf(model, 'dim_hrg'), hrgDimensionRows());
  await warehouse.seedRows(tableOf(model, 'dim_organisation'), organisationDimensionRows());
  await warehouse.applyViews(model.views);
}
