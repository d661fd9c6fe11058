import { createHash } from 'node:crypto';
import { ColumnDefinition } from '../../definitions/definitionTypes';
import { PipelineError, PipelineErrorContext } from '../../errors/pipelineError';
import { StandardColumns, lineageColumns } from '../../flows/standardColumns';
import { BlobRef, BlobStore } from '../../storage/blob-store.port';
import { warehouseSchema } from '../buildWarehouseModel';
import { FactLoadRequest, FactLoadResult, LinkedLoadRequest, SqlParameters, SqlRow, Warehouse } from '../warehouse.port';
import { TableModel, WarehouseModel } from '../warehouseModel';
import { classifySqlFailure } from './classifySqlFailure';
import { SynapseErrorCodes, SynapseStatementError } from './errors';
import { readCsvHeader } from './readCsvHeader';
import { renderSynapseDdl, renderViewDdl, stagingColumns, stagingSchema } from './renderSynapseDdl';
import { RetryPolicy, defaultRetryPolicy, retryTransient } from './retryTransient';
import { SqlSession, SqlStatement, TypedParameter } from './sql-session.port';
import { statementKind } from './statementKind';
import { binaryCollation, defaultStringLength, quoteName as q, quoteString, synapseColumnDefinition, synapseType } from './synapseTypes';
import { translateParameters } from './translateParameters';

/** tedious binds at most 2,100 parameters to one request; seed inserts stay under that with room to spare. */
const maxParametersPerStatement = 2000;

/**
 * The warehouse on an Azure Synapse dedicated SQL pool. A fact load copies the processed gzip CSV into its own
 * staging table (COPY INTO, reading the blob with the pool's managed identity), types and de-duplicates it, then
 * in one transaction MERGEs it into the hash-distributed fact with the same precedence rule as the embedded
 * warehouse, adds unseen dimension members and records the load batch. Every load is one idempotent unit: a
 * transient failure anywhere re-runs it from the start, and a batch loaded twice leaves the warehouse unchanged.
 *
 * Each load stages into tables named after its own batch (cloned from the `stg` table the DDL creates), so loads
 * of the same table on different Function instances never see each other's rows.
 */
export class SynapseWarehouse implements Warehouse {
  public readonly dialect = 'synapse' as const;
  private schema = warehouseSchema;

  public constructor(
    private readonly session: SqlSession,
    private readonly blobs: BlobStore,
    private readonly retry: RetryPolicy = defaultRetryPolicy,
  ) {}

  /** Creates what is missing (schemas, tables, staging tables, columns added to a definition, statistics). */
  public async applyModel(model: WarehouseModel): Promise<void> {
    this.schema = model.schema;
    const ddl = renderSynapseDdl(model);
    await retryTransient(async () => {
      for (const schema of ddl.schemas) await this.run('schemas', schema);
      for (const table of ddl.tables) await this.run(`${table.schema}.${table.name}`, table.create);
      const rows = await this.run(
        'catalog',
        `SELECT s.name AS schema_name, t.name AS table_name, c.name AS column_name
         FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id
         WHERE s.name IN (${quoteString(model.schema)}, ${quoteString(stagingSchema)})`,
      );
      const present = new Set(rows.map((row) => `${row.schema_name}.${row.table_name}.${row.column_name}`.toLowerCase()));
      for (const table of ddl.tables) {
        for (const column of table.columns) {
          // Columns added to a definition later are added to the existing table rather than rebuilding it.
          if (present.has(`${table.schema}.${table.name}.${column.name}`.toLowerCase())) continue;
          await this.run(`${table.schema}.${table.name}`, `ALTER TABLE ${q(table.schema)}.${q(table.name)} ADD ${synapseColumnDefinition(column)};`);
        }
      }
      for (const table of ddl.tables) for (const statistics of table.statistics) await this.run(`${table.schema}.${table.name}`, statistics);
    }, this.retry);
  }

  public async upsertFacts(request: FactLoadRequest): Promise<FactLoadResult> {
    const table = request.table;
    const context: PipelineErrorContext = { extractId: request.extractId };
    const target = this.qualified(table.name);
    const fields = await this.fileFields(table, request.source, context);
    const raw = stagingTableFor(table.name, request.loadBatch);
    const typed = `${raw}_typed`;
    const lineage: Record<string, string> = {
      [StandardColumns.extractId]: request.extractId,
      [StandardColumns.precedence]: request.precedence,
      [StandardColumns.loadBatch]: request.loadBatch,
    };
    return retryTransient(
      () =>
        this.withStaging([raw, typed], context, async () => {
          await this.stage(table, raw, fields, request.source, context);
          const staged = await this.checkStagedValues(table, raw, context);
          const keyList = table.key.map((key) => convertText(columnOf(table, key), q(key))).join(', ');
          const selectList = table.columns.map((column) =>
            column.name in lineage
              ? `CAST(${quoteString(lineage[column.name])} AS ${synapseType(column)}) COLLATE ${binaryCollation} AS ${q(column.name)}`
              : `${convertText(column, q(column.name))}${column.type === 'string' ? ` COLLATE ${binaryCollation}` : ''} AS ${q(column.name)}`,
          );
          const columns = table.columns.map((column) => q(column.name));
          // Within one file the last occurrence of a business key wins (the earlier ones are reported as duplicates).
          await this.run(
            this.stagingName(typed),
            `CREATE TABLE ${this.stagingName(typed)} WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
SELECT ${columns.join(', ')} FROM (
  SELECT ${selectList.join(',\n         ')},
         ROW_NUMBER() OVER (PARTITION BY ${keyList} ORDER BY ${convertText(columnOf(table, StandardColumns.sourceLine), q(StandardColumns.sourceLine))} DESC) AS [__recency]
  FROM ${this.stagingName(raw)}
) ranked
WHERE [__recency] = 1;`,
            [],
            context,
          );
          const [unique] = await this.run(this.stagingName(typed), `SELECT COUNT_BIG(*) AS [rows_loaded] FROM ${this.stagingName(typed)};`, [], context);
          const rowsLoaded = Number(unique?.rows_loaded ?? 0);
          const periods = await this.run(target, this.movedPeriodsSql(table, typed), [], context);
          await this.transaction(
            target,
            [
              { sql: this.mergeSql(table, typed) },
              ...this.unseenDimensionMembersSql(table, typed),
              {
                sql: `IF NOT EXISTS (SELECT 1 FROM ${this.qualified('load_batches')} WHERE [load_batch] = @load_batch AND [table_name] = @table_name)
  INSERT INTO ${this.qualified('load_batches')} ([load_batch], [table_name], [extract_id], [rows_loaded]) VALUES (@load_batch, @table_name, @extract_id, @rows_loaded);`,
                parameters: [
                  { name: 'load_batch', type: 'NVarChar', value: request.loadBatch },
                  { name: 'table_name', type: 'NVarChar', value: table.name },
                  { name: 'extract_id', type: 'NVarChar', value: request.extractId },
                  { name: 'rows_loaded', type: 'BigInt', value: rowsLoaded },
                ],
              },
            ],
            context,
          );
          // Synapse does not refresh statistics as rows arrive; the optimiser plans link's and the views' joins on them.
          await this.run(target, `UPDATE STATISTICS ${target};`, [], context);
          return {
            rowsStaged: staged,
            rowsLoaded,
            duplicateKeyRows: staged - rowsLoaded,
            periods: periods.map((row) => String(row.period)).sort(),
          };
        }),
      this.retry,
    );
  }

  public async replaceLinked(request: LinkedLoadRequest): Promise<number> {
    const table = request.table;
    const target = this.qualified(table.name);
    const fields = await this.fileFields(table, request.source, {});
    const stage = stagingTableFor(table.name, `${request.bucket}|${request.periods.join(',')}`);
    const parameters: TypedParameter[] = [
      { name: 'bucket', type: 'Int', value: Number(request.bucket) },
      ...request.periods.map((period, index): TypedParameter => ({ name: `period_${index}`, type: 'NVarChar', value: `${period}-01` })),
    ];
    const months = request.periods.map((_period, index) => `CAST(@period_${index} AS DATE)`).join(', ') || 'NULL';
    const partition = `${q(StandardColumns.bucket)} = @bucket AND ${q(StandardColumns.periodMonth)} IN (${months})`;
    return retryTransient(
      () =>
        this.withStaging([stage], {}, async () => {
          await this.stage(table, stage, fields, request.source, {});
          await this.checkStagedValues(table, stage, {});
          const columns = table.columns.map((column) => q(column.name));
          await this.transaction(target, [
            { sql: `DELETE FROM ${target} WHERE ${partition};`, parameters },
            {
              sql: `INSERT INTO ${target} (${columns.join(', ')})
SELECT ${table.columns.map((column) => convertText(column, q(column.name))).join(', ')} FROM ${this.stagingName(stage)};`,
            },
          ]);
          const [count] = await this.run(target, `SELECT COUNT_BIG(*) AS [rows] FROM ${target} WHERE ${partition};`, parameters);
          return Number(count?.rows ?? 0);
        }),
      this.retry,
    );
  }

  /** Small reference dimensions: only rows whose key is not there yet are sent, so a restart sends nothing. */
  public async seedRows(table: TableModel, rows: Record<string, string | number | null>[]): Promise<void> {
    if (rows.length === 0) return;
    const target = this.qualified(table.name);
    await retryTransient(async () => {
      const existing = await this.run(target, `SELECT ${table.key.map(q).join(', ')} FROM ${target};`);
      const present = new Set(existing.map((row) => keyOf(table, row)));
      const missing = rows.filter((row) => !present.has(keyOf(table, row)));
      if (missing.length === 0) return;
      const stage = stagingTableFor(table.name, JSON.stringify(missing));
      const columns = table.columns.map((column) => column.name);
      await this.withStaging([stage], {}, async () => {
        await this.run(this.stagingName(stage), `CREATE TABLE ${this.stagingName(stage)} WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS SELECT * FROM ${q(stagingSchema)}.${q(table.name)} WHERE 1 = 0;`);
        const rowsPerStatement = Math.max(1, Math.floor(maxParametersPerStatement / columns.length));
        for (let start = 0; start < missing.length; start += rowsPerStatement) {
          const parameters: TypedParameter[] = [];
          // Synapse accepts only one row in a VALUES list: many rows go in as a UNION ALL of parameter rows.
          const selects = missing.slice(start, start + rowsPerStatement).map((row, rowIndex) => {
            const names = columns.map((column, columnIndex) => {
              const value = row[column];
              const name = `r${rowIndex}_c${columnIndex}`;
              parameters.push({ name, type: 'NVarChar', value: value === null || value === undefined || value === '' ? null : String(value) });
              return `@${name}`;
            });
            return `SELECT ${names.join(', ')}`;
          });
          await this.run(this.stagingName(stage), `INSERT INTO ${this.stagingName(stage)} (${columns.map(q).join(', ')})\n${selects.join('\nUNION ALL ')};`, parameters);
        }
        await this.checkStagedValues(table, stage, {});
        const keyMatch = table.key.map((key) => `t.${q(key)} = ${convertText(columnOf(table, key), `s.${q(key)}`)}`).join(' AND ');
        await this.run(
          target,
          `INSERT INTO ${target} (${columns.map(q).join(', ')})
SELECT ${table.columns.map((column) => convertText(column, `s.${q(column.name)}`)).join(', ')} FROM ${this.stagingName(stage)} s
WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${keyMatch});`,
        );
      });
    }, this.retry);
  }

  public async query(sql: string, parameters: SqlParameters = {}): Promise<SqlRow[]> {
    const translated = translateParameters(sql, parameters);
    return retryTransient(() => this.run(tableNamedIn(sql), translated.sql, translated.parameters), this.retry);
  }

  public async forEachChunk(sql: string, parameters: SqlParameters, onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void> {
    const translated = translateParameters(sql, parameters);
    let delivered = false;
    await retryTransient(
      async () => {
        try {
          await this.session.executeStreaming(translated.sql, translated.parameters, async (rows) => {
            delivered = true;
            await onChunk(rows);
          });
        } catch (error) {
          if (error instanceof PipelineError) throw error;
          throw new SynapseStatementError(statementKind(translated.sql), tableNamedIn(sql), classifySqlFailure(error), 1);
        }
      },
      this.retry,
      // Rows already handed on cannot be taken back: a stream that broke after its first chunk is not re-run.
      () => !delivered,
    );
  }

  /** Creates each view if missing, then defines it with ALTER VIEW, each in a batch of its own (see renderViewDdl). */
  public async applyViews(views: { name: string; sql: string }[]): Promise<void> {
    await retryTransient(async () => {
      for (const view of views) {
        const ddl = renderViewDdl(this.schema, view);
        await this.run(this.qualified(view.name), ddl.ensure);
        await this.run(this.qualified(view.name), ddl.define);
      }
    }, this.retry);
  }

  public async close(): Promise<void> {
    await this.session.close();
  }

  /** Clones the staging table for this load and copies the processed file into it. */
  private async stage(table: TableModel, stage: string, fields: Map<string, number>, source: BlobRef, context: PipelineErrorContext): Promise<void> {
    const name = this.stagingName(stage);
    await this.run(name, `CREATE TABLE ${name} WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS SELECT * FROM ${q(stagingSchema)}.${q(table.name)} WHERE 1 = 0;`, [], context);
    const columnList = [...fields].map(([column, field]) => `${q(column)} ${field}`).join(', ');
    const url = this.blobs.urlOf(source.zone, source.path);
    // The processed files are written with LF line ends; COPY reads '\n' as '\r\n' unless given as hex.
    await this.run(
      name,
      `COPY INTO ${name} (${columnList})
FROM '${url.replace(/'/g, "''")}'
WITH (
  FILE_TYPE = 'CSV',
  CREDENTIAL = (IDENTITY = 'Managed Identity'),
  COMPRESSION = 'GZIP',
  FIELDQUOTE = '"',
  FIELDTERMINATOR = ',',
  ROWTERMINATOR = '0x0A',
  ENCODING = 'UTF8',
  FIRSTROW = 2
);`,
      [],
      context,
    );
  }

  /**
   * Counts the staged rows, and the values that would not survive typing: text that does not convert, or is longer
   * than its column. DuckDB refuses such a file outright; here TRY_CAST would quietly make them NULL and a shorter
   * NVARCHAR would cut a business key, so the load stops instead, naming the columns (never the values).
   */
  private async checkStagedValues(table: TableModel, stage: string, context: PipelineErrorContext): Promise<number> {
    const checked = stagingColumns(table).map((staging) => columnOf(table, staging.name));
    const counts = checked.map((column, index) => {
      const value = q(column.name);
      const bad =
        column.type === 'string'
          ? `LEN(${value}) > ${column.length ?? defaultStringLength}`
          : `NULLIF(${value}, N'') IS NOT NULL AND ${convertText(column, value)} IS NULL`;
      return `SUM(CASE WHEN ${bad} THEN 1 ELSE 0 END) AS [bad_${index}]`;
    });
    const [row] = await this.run(this.stagingName(stage), `SELECT COUNT_BIG(*) AS [rows_staged], ${counts.join(', ')} FROM ${this.stagingName(stage)};`, [], context);
    const problems = checked
      .map((column, index) => ({ column, count: Number(row?.[`bad_${index}`] ?? 0) }))
      .filter((problem) => problem.count > 0)
      .map(({ column, count }) =>
        column.type === 'string' ? `${count} values in ${column.name} are longer than ${synapseType(column)}` : `${count} values in ${column.name} are not ${synapseType(column)}`,
      );
    if (problems.length > 0) {
      throw new PipelineError(SynapseErrorCodes.fileDoesNotFitTable, `the processed file for ${this.qualified(table.name)} does not fit it: ${problems.join('; ')}`, context);
    }
    return Number(row?.rows_staged ?? 0);
  }

  /** Which file field (1-based) feeds each staging column, from the file's header; a missing column is an error. */
  private async fileFields(table: TableModel, source: BlobRef, context: PipelineErrorContext): Promise<Map<string, number>> {
    const header = (await readCsvHeader(this.blobs, source)).map((name) => name.toLowerCase());
    const fields = new Map<string, number>();
    const missing: string[] = [];
    for (const column of stagingColumns(table)) {
      // Names bind case-insensitively, as DuckDB's read_csv binds them.
      const index = header.indexOf(column.from.toLowerCase());
      if (index === -1) missing.push(column.from);
      else fields.set(column.name, index + 1);
    }
    if (missing.length > 0) {
      throw new PipelineError(SynapseErrorCodes.fileDoesNotFitTable, `the processed file for ${this.qualified(table.name)} has no column ${missing.join(', ')}`, {
        ...context,
        blobPath: `${source.zone}/${source.path}`,
      });
    }
    return fields;
  }

  /** Months the batch touches: its own, and those its newer rows move out of (as the embedded warehouse reports). */
  private movedPeriodsSql(table: TableModel, typed: string): string {
    const period = q(StandardColumns.periodMonth);
    const precedence = q(StandardColumns.precedence);
    const keyMatch = table.key.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
    return `SELECT CONVERT(CHAR(7), s.${period}, 126) AS [period] FROM ${this.stagingName(typed)} s WHERE s.${period} IS NOT NULL
UNION
SELECT CONVERT(CHAR(7), t.${period}, 126) FROM ${this.qualified(table.name)} t JOIN ${this.stagingName(typed)} s ON ${keyMatch}
WHERE t.${period} IS NOT NULL AND (s.${period} IS NULL OR t.${period} <> s.${period}) AND s.${precedence} >= t.${precedence};`;
  }

  /**
   * Synapse MERGE needs a hash-distributed target when it inserts (the facts are) and a terminating semicolon;
   * updating the distribution column (a corrected pseudonym) needs pool version 10.0.17829 or later.
   */
  private mergeSql(table: TableModel, typed: string): string {
    const keyMatch = table.key.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
    const columns = table.columns.map((column) => q(column.name));
    const updates = table.columns.filter((column) => !table.key.includes(column.name)).map((column) => `${q(column.name)} = s.${q(column.name)}`);
    const precedence = q(StandardColumns.precedence);
    // Later extracts win whatever order they arrive in: an update needs equal or higher precedence.
    return `MERGE INTO ${this.qualified(table.name)} AS t
USING ${this.stagingName(typed)} AS s
ON (${keyMatch})
WHEN MATCHED AND s.${precedence} >= t.${precedence} THEN
  UPDATE SET ${updates.join(', ')}
WHEN NOT MATCHED BY TARGET THEN
  INSERT (${columns.join(', ')}) VALUES (${columns.map((column) => `s.${column}`).join(', ')});`;
  }

  /** Organisation codes and pseudonyms the dimensions have not seen, with the same rules as the embedded warehouse. */
  private unseenDimensionMembersSql(table: TableModel, typed: string): SqlStatement[] {
    const statements: SqlStatement[] = [];
    const organisations = this.qualified('dim_organisation');
    for (const column of table.columns) {
      if (column.dimension !== 'organisation') continue;
      const value = `s.${q(column.name)}`;
      statements.push({
        sql: `INSERT INTO ${organisations} ([org_code])
SELECT DISTINCT ${value} FROM ${this.stagingName(typed)} s
WHERE ${value} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${organisations} d WHERE d.[org_code] = ${value});`,
      });
    }
    if (table.columns.some((column) => column.name === StandardColumns.pseudonym)) {
      const patients = this.qualified('dim_patient');
      statements.push({
        sql: `INSERT INTO ${patients} ([patient_pseudonym], [key_version])
SELECT s.[patient_pseudonym], MAX(s.[key_version]) FROM ${this.stagingName(typed)} s
WHERE s.[patient_pseudonym] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${patients} d WHERE d.[patient_pseudonym] = s.[patient_pseudonym])
GROUP BY s.[patient_pseudonym];`,
      });
    }
    return statements;
  }

  /**
   * Runs `work` with per-load staging tables: drops any left by an earlier attempt first, and drops them after,
   * also when the load fails (best effort: a broken connection leaves them for the next attempt to drop).
   */
  private async withStaging<T>(stages: string[], context: PipelineErrorContext, work: () => Promise<T>): Promise<T> {
    const drop = async () => {
      for (const stage of stages) {
        await this.run(this.stagingName(stage), `IF OBJECT_ID(${quoteString(this.stagingName(stage))}, N'U') IS NOT NULL DROP TABLE ${this.stagingName(stage)};`, [], context);
      }
    };
    await drop();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await drop().catch(() => undefined);
      throw error;
    }
    await drop();
    return result;
  }

  private async transaction(target: string, statements: SqlStatement[], context: PipelineErrorContext = {}): Promise<void> {
    try {
      await this.session.executeInTransaction(statements);
    } catch (error) {
      throw new SynapseStatementError(`transaction (${statements.map((statement) => statementKind(statement.sql)).join(', ')})`, target, classifySqlFailure(error), 1, context);
    }
  }

  /** One statement; a failure is reported by kind and table, with the SQL error number and never the data. */
  private async run(target: string, sql: string, parameters: TypedParameter[] = [], context: PipelineErrorContext = {}): Promise<SqlRow[]> {
    try {
      return await this.session.execute(sql, parameters);
    } catch (error) {
      throw new SynapseStatementError(statementKind(sql), target, classifySqlFailure(error), 1, context);
    }
  }

  private qualified(table: string): string {
    return `${q(this.schema)}.${q(table)}`;
  }

  private stagingName(stage: string): string {
    return `${q(stagingSchema)}.${q(stage)}`;
  }
}

/** A staging table per load: the table's name and a digest of what identifies the load (hex only, never data). */
function stagingTableFor(table: string, load: string): string {
  return `${table}__${createHash('sha256').update(`${table}|${load}`).digest('hex').slice(0, 24)}`;
}

/** Staging text to the column's type; empty text is NULL, as the embedded warehouse reads it. */
function convertText(column: ColumnDefinition, value: string): string {
  if (column.type === 'string') return `CAST(NULLIF(${value}, N'') AS ${synapseType(column)})`;
  return `TRY_CAST(NULLIF(${value}, N'') AS ${synapseType(column)})`;
}

function columnOf(table: TableModel, name: string): ColumnDefinition {
  const column = table.columns.find((candidate) => candidate.name === name) ?? lineageColumns.find((candidate) => candidate.name === name);
  if (!column) throw new Error(`table ${table.name} has no column ${name}`);
  return column;
}

function keyOf(table: TableModel, row: Record<string, unknown>): string {
  return table.key.map((key) => (row[key] === null || row[key] === undefined ? '' : String(row[key]))).join('\u0001');
}

/** The table a portable query reads first, to name it when the query fails. */
function tableNamedIn(sql: string): string {
  const match = /\bFROM\s+((?:"[^"]+"|\[[^\]]+\]|\w+)(?:\s*\.\s*(?:"[^"]+"|\[[^\]]+\]|\w+))?)/i.exec(sql);
  return match ? match[1].replace(/["[\]\s]/g, '') : 'query';
}
