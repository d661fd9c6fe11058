import { ColumnDefinition } from '../definitions/definitionTypes';

export type TableKind = 'fact' | 'dimension' | 'linked' | 'system';

/** One warehouse table, dialect-free: the embedded and Synapse adapters both render it. */
export interface TableModel {
  name: string;
  kind: TableKind;
  description: string;
  columns: ColumnDefinition[];
  /** Business key: what an upsert matches on. */
  key: string[];
  /** Synapse hash distribution column (facts: the patient pseudonym); dimensions are replicated. */
  distributionColumn?: string;
}

export interface ViewModel {
  name: string;
  product: string;
  description: string;
  sql: string;
  patientLevel: boolean;
}

export interface WarehouseModel {
  schema: string;
  tables: TableModel[];
  views: ViewModel[];
}

export function tableOf(model: WarehouseModel, name: string): TableModel {
  const table = model.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`the warehouse model has no table ${name}`);
  return table;
}
