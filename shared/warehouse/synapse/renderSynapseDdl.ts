import { ColumnDefinition } from '../../definitions/definitionTypes';
import { StandardColumns, lineageColumns } from '../../flows/standardColumns';
import { TableModel, WarehouseModel } from '../warehouseModel';
import { quoteName, quoteString, synapseColumnDefinition } from './synapseTypes';

/** Staging tables live apart from the model so analysts' grants on `dw` never reach half-loaded rows. */
export const stagingSchema = 'stg';

/**
 * Staging holds text exactly as COPY INTO reads it from the processed CSV; typing happens in SQL afterwards, so
 * a value that does not convert is counted and reported by column instead of failing COPY row by row.
 */
export const stagingTextLength = 4000;

export interface SynapseTableDdl {
  schema: string;
  name: string;
  columns: ColumnDefinition[];
  /** `IF OBJECT_ID(...) IS NULL CREATE TABLE ...`: creates the table when it is not there, leaves it otherwise. */
  create: string;
  /** One idempotent batch per statistics object. */
  statistics: string[];
}

export interface SynapseViewDdl {
  name: string;
  product: string;
  /** Creates a placeholder view when there is none, so `define` can always ALTER it. */
  ensure: string;
  /** ALTER VIEW ... AS <the view's SQL>: a batch of its own, as ALTER VIEW must be alone in its batch. */
  define: string;
}

export interface SynapseDdl {
  schemas: string[];
  tables: SynapseTableDdl[];
  views: SynapseViewDdl[];
}

/**
 * Renders the Synapse dedicated SQL pool DDL from the same logical model the embedded DuckDB warehouse is built
 * from, so the two cannot drift: facts hash-distributed on the patient pseudonym with a clustered columnstore
 * index, small dimensions replicated, linked outputs hashed on the pseudonym when they carry one, staging as
 * round-robin heaps, statistics on the columns loads and links join and filter on.
 */
export function renderSynapseDdl(model: WarehouseModel): SynapseDdl {
  const schemas = [model.schema, stagingSchema].map(
    (schema) => `IF SCHEMA_ID(${quoteString(schema)}) IS NULL EXEC(${quoteString(`CREATE SCHEMA ${quoteName(schema)}`)});`,
  );
  const tables: SynapseTableDdl[] = [];
  for (const table of model.tables) {
    tables.push(tableDdl(model.schema, table.name, table.columns, tableOptions(table), table.description, statisticsColumns(table)));
    if (table.kind !== 'system') {
      tables.push(
        tableDdl(
          stagingSchema,
          table.name,
          stagingColumns(table),
          'DISTRIBUTION = ROUND_ROBIN, HEAP',
          `Staging shape for ${model.schema}.${table.name}: text as COPY INTO reads it; each load clones it into a table of its own.`,
          [],
        ),
      );
    }
  }
  const views = model.views.map((view) => ({ name: view.name, product: view.product, ...renderViewDdl(model.schema, view) }));
  return { schemas, tables, views };
}

/** The columns a processed file carries for a table, as staging text: the loader adds a fact's lineage itself. */
export function stagingColumns(table: TableModel): ColumnDefinition[] {
  const lineage = new Set(lineageColumns.map((column) => column.name));
  return table.columns
    .filter((column) => table.kind !== 'fact' || !lineage.has(column.name))
    .map((column) => ({ name: column.name, from: column.from, type: 'string', length: stagingTextLength, label: column.label }));
}

/**
 * A view is created once and altered from then on, never dropped: DROP VIEW deletes the grants on the view (the
 * report role's SELECT, infra/sql/90_access.sql), and a dropped view fails every DirectQuery report that reads it
 * until it is back. Creating a placeholder through EXEC keeps CREATE VIEW alone in its batch, as T-SQL requires;
 * the guard is OBJECT_ID rather than IF EXISTS, which dedicated pools do not document for views.
 */
export function renderViewDdl(schema: string, view: { name: string; sql: string }): { ensure: string; define: string } {
  const name = `${quoteName(schema)}.${quoteName(view.name)}`;
  return {
    ensure: `IF OBJECT_ID(${quoteString(name)}, N'V') IS NULL EXEC(${quoteString(`CREATE VIEW ${name} AS SELECT 1 AS pending_definition`)});`,
    // No terminating semicolon: a view whose SQL ends in a line comment would swallow it.
    define: `ALTER VIEW ${name} AS\n${view.sql}`,
  };
}

function tableOptions(table: TableModel): string {
  switch (table.kind) {
    case 'fact':
      return `DISTRIBUTION = HASH(${quoteName(table.distributionColumn ?? StandardColumns.pseudonym)}), CLUSTERED COLUMNSTORE INDEX`;
    case 'linked':
      return table.distributionColumn ? `DISTRIBUTION = HASH(${quoteName(table.distributionColumn)}), CLUSTERED COLUMNSTORE INDEX` : 'DISTRIBUTION = ROUND_ROBIN, CLUSTERED COLUMNSTORE INDEX';
    case 'dimension':
      // The patient dimension grows with every load and joins the facts on the pseudonym: hashed like the facts,
      // its joins stay within a distribution, and inserts do not force a replicated table to be rebuilt.
      if (table.key.length === 1 && table.key[0] === StandardColumns.pseudonym) {
        return `DISTRIBUTION = HASH(${quoteName(StandardColumns.pseudonym)}), CLUSTERED COLUMNSTORE INDEX`;
      }
      return `DISTRIBUTION = REPLICATE, CLUSTERED INDEX (${table.key.map(quoteName).join(', ')})`;
    case 'system':
      return `DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (${table.key.map(quoteName).join(', ')})`;
  }
}

/** Key, distribution and partition columns: what MERGE matches on and link and the views filter by. */
function statisticsColumns(table: TableModel): string[][] {
  const names = new Set(table.columns.map((column) => column.name));
  const sets: string[][] = [table.key];
  for (const column of [table.distributionColumn, StandardColumns.periodMonth, StandardColumns.bucket]) {
    if (column && names.has(column) && !(table.key.length === 1 && table.key[0] === column)) sets.push([column]);
  }
  return sets;
}

function tableDdl(
  schema: string,
  name: string,
  columns: ColumnDefinition[],
  options: string,
  description: string,
  statistics: string[][],
): SynapseTableDdl {
  const qualified = `${quoteName(schema)}.${quoteName(name)}`;
  const columnLines = columns.map((column, index) => {
    const separator = index < columns.length - 1 ? ',' : '';
    const label = column.label ? ` -- ${column.label}` : '';
    return `  ${synapseColumnDefinition(column)}${separator}${label}`;
  });
  const create = [
    `-- ${description}`,
    `IF OBJECT_ID(${quoteString(qualified)}, N'U') IS NULL`,
    `CREATE TABLE ${qualified} (`,
    ...columnLines,
    `)`,
    `WITH (${options});`,
  ].join('\n');
  return {
    schema,
    name,
    columns,
    create,
    statistics: statistics.map((set) => {
      const statName = quoteName(`st_${name}_${set.join('_')}`);
      return [
        `IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID(${quoteString(qualified)}) AND name = ${quoteString(`st_${name}_${set.join('_')}`)})`,
        `CREATE STATISTICS ${statName} ON ${qualified} (${set.map(quoteName).join(', ')});`,
      ].join('\n');
    }),
  };
}
