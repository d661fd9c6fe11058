import { BlobRef } from '../storage/blob-store.port';
import { TableModel, WarehouseModel } from './warehouseModel';

export type SqlParameters = Record<string, string | number | boolean | null>;
export type SqlRow = Record<string, unknown>;

export interface FactLoadRequest {
  table: TableModel;
  /** gzip CSV in the processed zone whose header holds each column's `from` name. */
  source: BlobRef;
  extractId: string;
  precedence: string;
  loadBatch: string;
}

export interface FactLoadResult {
  rowsStaged: number;
  rowsLoaded: number;
  /** Rows dropped because their business key appears again later in the same file (the last one wins). */
  duplicateKeyRows: number;
  /** Reporting months (YYYY-MM) the batch touched, including months its updated rows moved out of. */
  periods: string[];
}

export interface LinkedLoadRequest {
  table: TableModel;
  source: BlobRef;
  periods: string[];
  bucket: number;
}

/**
 * The warehouse as the stages see it. SQL passed to `query` uses `$name` parameters and the portable subset
 * shared by DuckDB and Synapse T-SQL (no dialect functions); adapters translate parameters.
 */
export interface Warehouse {
  readonly dialect: 'duckdb' | 'synapse';
  applyModel(model: WarehouseModel): Promise<void>;
  upsertFacts(request: FactLoadRequest): Promise<FactLoadResult>;
  replaceLinked(request: LinkedLoadRequest): Promise<number>;
  /** Small reference dimensions: inserts the rows whose key is not there yet. */
  seedRows(table: TableModel, rows: Record<string, string | number | null>[]): Promise<void>;
  query(sql: string, parameters?: SqlParameters): Promise<SqlRow[]>;
  /** Streams a large result in chunks; `onChunk` must not call back into the warehouse. */
  forEachChunk(sql: string, parameters: SqlParameters, onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void>;
  /** Creates or replaces the views (after the tables exist). */
  applyViews(views: { name: string; sql: string }[]): Promise<void>;
  close(): Promise<void>;
}
