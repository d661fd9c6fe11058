import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { StandardColumns } from '../flows/standardColumns';
import { BlobRef, BlobStore } from '../storage/blob-store.port';
import { duckdbType, quoteIdentifier as q, quoteLiteral } from './duckdbTypes';
import { FactLoadRequest, FactLoadResult, LinkedLoadRequest, SqlParameters, SqlRow, Warehouse } from './warehouse.port';
import { TableModel, WarehouseModel } from './warehouseModel';

/**
 * DuckDB runs inside the pipeline's process and by default may take 80% of the machine's RAM: a load stages the
 * whole extract in temporary tables, so the process grew with extract size (peak RSS 0.5 GiB at 100k rows,
 * 2.2 GiB at 1M). Capped, DuckDB spills to <warehouse>.tmp instead: at 256 MB the 1M-row peak was 0.7 GiB and
 * load and link took as long as uncapped (docs/benchmarks.md).
 */
const memoryLimit = '256MB';

/**
 * The embedded local warehouse: DuckDB, a real analytical engine with MERGE and gzip CSV reading, holding the
 * same logical model as Synapse. Loads stage the processed file, then merge by business key in one transaction.
 */
export class DuckDbWarehouse implements Warehouse {
  public readonly dialect = 'duckdb' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private schema = 'dw';

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly blobs: BlobStore,
  ) {}

  public static async open(file: string, blobs: BlobStore): Promise<DuckDbWarehouse> {
    if (file !== ':memory:') await mkdir(dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file, { memory_limit: memoryLimit });
    const connection = await instance.connect();
    return new DuckDbWarehouse(instance, connection, blobs);
  }

  public async applyModel(model: WarehouseModel): Promise<void> {
    this.schema = model.schema;
    await this.exclusive(async () => {
      await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${q(model.schema)}`);
      for (const table of model.tables) {
        const columns = table.columns.map((column) => `${q(column.name)} ${duckdbType(column)}`).join(', ');
        await this.connection.run(`CREATE TABLE IF NOT EXISTS ${this.name(table)} (${columns})`);
        // Columns added to a definition later are added to an existing table rather than rebuilding it.
        const existing = await this.connection.runAndReadAll(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $table`,
          { schema: model.schema, table: table.name },
        );
        const present = new Set(existing.getRowObjects().map((row) => String(row.column_name)));
        for (const column of table.columns) {
          if (!present.has(column.name)) await this.connection.run(`ALTER TABLE ${this.name(table)} ADD COLUMN ${q(column.name)} ${duckdbType(column)}`);
        }
      }
    });
  }

  public async upsertFacts(request: FactLoadRequest): Promise<FactLoadResult> {
    return this.withLocalCopy(request.source, (file) =>
      this.exclusive(async () => {
        const table = request.table;
        const target = this.name(table);
        const lineage: Record<string, string> = {
          [StandardColumns.extractId]: request.extractId,
          [StandardColumns.precedence]: request.precedence,
          [StandardColumns.loadBatch]: request.loadBatch,
        };
        const selectList = table.columns
          .map((column) => (column.name in lineage ? `${quoteLiteral(lineage[column.name])} AS ${q(column.name)}` : castFromText(column.from, column.name, duckdbType(column))))
          .join(', ');
        await this.connection.run(`CREATE OR REPLACE TEMP TABLE stage_rows AS SELECT ${selectList} FROM ${readCsv(file)}`);
        const keyList = table.key.map(q).join(', ');
        await this.connection.run(
          `CREATE OR REPLACE TEMP TABLE stage_unique AS SELECT * FROM stage_rows QUALIFY row_number() OVER (PARTITION BY ${keyList} ORDER BY ${q(StandardColumns.sourceLine)} DESC) = 1`,
        );
        const staged = await this.scalar('SELECT count(*) AS n FROM stage_rows');
        // Temporary tables last as long as the connection: each is dropped once used, so a large extract's staged
        // rows stop holding DuckDB's memory (or crowding the fact table out of it) through link and DQ.
        await this.connection.run('DROP TABLE stage_rows');
        const unique = await this.scalar('SELECT count(*) AS n FROM stage_unique');
        const keyMatch = table.key.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
        const period = q(StandardColumns.periodMonth);
        const precedence = q(StandardColumns.precedence);
        const periods = await this.connection.runAndReadAll(
          `SELECT DISTINCT strftime(${period}, '%Y-%m') AS p FROM stage_unique WHERE ${period} IS NOT NULL
           UNION SELECT DISTINCT strftime(t.${period}, '%Y-%m') FROM ${target} t JOIN stage_unique s ON ${keyMatch}
           WHERE t.${period} IS DISTINCT FROM s.${period} AND s.${precedence} >= t.${precedence} AND t.${period} IS NOT NULL`,
        );
        const columns = table.columns.map((column) => q(column.name));
        await this.connection.run('BEGIN TRANSACTION');
        try {
          // Later extracts win whatever order they arrive in: an update needs equal or higher precedence.
          await this.connection.run(
            `MERGE INTO ${target} AS t USING stage_unique AS s ON (${keyMatch})
             WHEN MATCHED AND s.${precedence} >= t.${precedence} THEN UPDATE SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}
             WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `s.${c}`).join(', ')})`,
          );
          await this.addUnseenDimensionMembers(table);
          await this.recordBatch(request.loadBatch, table.name, request.extractId, unique);
          await this.connection.run('COMMIT');
        } catch (error) {
          await this.connection.run('ROLLBACK');
          throw error;
        } finally {
          await this.connection.run('DROP TABLE IF EXISTS stage_unique');
        }
        return {
          rowsStaged: staged,
          rowsLoaded: unique,
          duplicateKeyRows: staged - unique,
          periods: periods.getRowObjects().map((row) => String(row.p)).sort(),
        };
      }),
    );
  }

  public async replaceLinked(request: LinkedLoadRequest): Promise<number> {
    return this.withLocalCopy(request.source, (file) =>
      this.exclusive(async () => {
        const table = request.table;
        const selectList = table.columns.map((column) => castFromText(column.from, column.name, duckdbType(column))).join(', ');
        const months = request.periods.map((period) => quoteLiteral(`${period}-01`)).join(', ');
        await this.connection.run('BEGIN TRANSACTION');
        try {
          await this.connection.run(
            `DELETE FROM ${this.name(table)} WHERE ${q(StandardColumns.bucket)} = ${Number(request.bucket)} AND ${q(StandardColumns.periodMonth)} IN (${months || 'NULL'})`,
          );
          await this.connection.run(`INSERT INTO ${this.name(table)} SELECT ${selectList} FROM ${readCsv(file)}`);
          const rows = await this.scalar(
            `SELECT count(*) AS n FROM ${this.name(table)} WHERE ${q(StandardColumns.bucket)} = ${Number(request.bucket)} AND ${q(StandardColumns.periodMonth)} IN (${months || 'NULL'})`,
          );
          await this.connection.run('COMMIT');
          return rows;
        } catch (error) {
          await this.connection.run('ROLLBACK');
          throw error;
        }
      }),
    );
  }

  /** Small reference dimensions (dates, HRGs, organisations): insert what is missing, keep what is there. */
  public async seedRows(table: TableModel, rows: Record<string, string | number | null>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.exclusive(async () => {
      const columns = table.columns.map((column) => column.name);
      await this.connection.run(
        `CREATE OR REPLACE TEMP TABLE seed_rows AS SELECT * FROM ${this.name(table)} WHERE false`,
      );
      const batchSize = 500;
      for (let start = 0; start < rows.length; start += batchSize) {
        const values = rows
          .slice(start, start + batchSize)
          .map((row) => `(${columns.map((column) => sqlLiteral(row[column])).join(', ')})`)
          .join(', ');
        await this.connection.run(`INSERT INTO seed_rows VALUES ${values}`);
      }
      const keyMatch = table.key.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
      await this.connection.run(
        `INSERT INTO ${this.name(table)} SELECT s.* FROM seed_rows s WHERE NOT EXISTS (SELECT 1 FROM ${this.name(table)} t WHERE ${keyMatch})`,
      );
    });
  }

  public async query(sql: string, parameters: SqlParameters = {}): Promise<SqlRow[]> {
    return this.exclusive(async () => {
      const reader = await this.connection.runAndReadAll(sql, parameters as Record<string, DuckDBValue>);
      return reader.getRowObjectsJS().map(normaliseRow);
    });
  }

  public async forEachChunk(sql: string, parameters: SqlParameters, onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void> {
    await this.exclusive(async () => {
      const result = await this.connection.stream(sql, parameters as Record<string, DuckDBValue>);
      for await (const rows of result.yieldRowObjectJs()) await onChunk(rows.map(normaliseRow));
    });
  }

  public async applyViews(views: { name: string; sql: string }[]): Promise<void> {
    await this.exclusive(async () => {
      for (const view of views) await this.connection.run(`CREATE OR REPLACE VIEW ${q(this.schema)}.${q(view.name)} AS ${view.sql}`);
    });
  }

  public async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async addUnseenDimensionMembers(table: TableModel): Promise<void> {
    for (const column of table.columns) {
      if (column.dimension === 'organisation') {
        await this.connection.run(
          `INSERT INTO ${q(this.schema)}.dim_organisation (org_code) SELECT DISTINCT s.${q(column.name)} FROM stage_unique s
           WHERE s.${q(column.name)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${q(this.schema)}.dim_organisation d WHERE d.org_code = s.${q(column.name)})`,
        );
      }
    }
    if (table.columns.some((column) => column.name === StandardColumns.pseudonym)) {
      await this.connection.run(
        `INSERT INTO ${q(this.schema)}.dim_patient (patient_pseudonym, key_version)
         SELECT s.patient_pseudonym, max(s.key_version) FROM stage_unique s
         WHERE s.patient_pseudonym IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${q(this.schema)}.dim_patient d WHERE d.patient_pseudonym = s.patient_pseudonym)
         GROUP BY s.patient_pseudonym`,
      );
    }
  }

  private async recordBatch(loadBatch: string, tableName: string, extractId: string, rows: number): Promise<void> {
    await this.connection.run(
      `INSERT INTO ${q(this.schema)}.load_batches (load_batch, table_name, extract_id, rows_loaded)
       SELECT $batch, $table, $extract, $rows WHERE NOT EXISTS
       (SELECT 1 FROM ${q(this.schema)}.load_batches WHERE load_batch = $batch AND table_name = $table)`,
      { batch: loadBatch, table: tableName, extract: extractId, rows },
    );
  }

  private async scalar(sql: string): Promise<number> {
    const reader = await this.connection.runAndReadAll(sql);
    return Number(reader.getRowObjects()[0]?.n ?? 0);
  }

  private name(table: TableModel): string {
    return `${q(this.schema)}.${q(table.name)}`;
  }

  /** DuckDB reads files, not blob streams: the processed blob is streamed to a temporary file first. */
  private async withLocalCopy<T>(source: BlobRef, work: (file: string) => Promise<T>): Promise<T> {
    const folder = await mkdtemp(join(tmpdir(), 'dscro-load-'));
    const file = join(folder, 'input.csv.gz');
    try {
      await pipeline(await this.blobs.openRead(source.zone, source.path), createWriteStream(file));
      return await work(file);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** One statement sequence at a time on the shared connection (loads use temp tables and transactions). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function readCsv(file: string): string {
  return `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', compression = 'gzip')`;
}

function castFromText(from: string, name: string, type: string): string {
  return `CAST(NULLIF(${q(from)}, '') AS ${type}) AS ${q(name)}`;
}

function sqlLiteral(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'NULL';
  if (typeof value === 'number') return String(value);
  return quoteLiteral(value);
}

function normaliseRow(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'bigint') out[key] = Number(value);
    else if (value instanceof Date) out[key] = value.toISOString().slice(0, 10);
    else out[key] = value;
  }
  return out;
}
