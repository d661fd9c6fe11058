import { ColumnDefinition, ColumnType } from '../../definitions/definitionTypes';

/** A string column without a declared length: wide enough for any code or name the flows carry. */
export const defaultStringLength = 400;

/**
 * DuckDB compares text byte by byte. A Synapse pool's default collation is case-insensitive and, for NVARCHAR,
 * linguistic, so 'abc' and 'ABC' would be one business key there and two here, and precedence strings could sort
 * differently. Every text column is declared with a binary collation so keys, precedence and the views' string
 * filters compare the same way in both warehouses.
 */
export const binaryCollation = 'Latin1_General_100_BIN2';

const synapseTypes: Record<Exclude<ColumnType, 'string'>, string> = {
  date: 'DATE',
  integer: 'BIGINT',
  decimal: 'DECIMAL(18,4)',
  boolean: 'BIT',
};

/** The T-SQL type of a column (no collation: usable in CAST as well as in a column definition). */
export function synapseType(column: Pick<ColumnDefinition, 'type' | 'length'>): string {
  if (column.type === 'string') return `NVARCHAR(${column.length ?? defaultStringLength})`;
  return synapseTypes[column.type];
}

/** The column definition as CREATE TABLE and ALTER TABLE ADD write it. */
export function synapseColumnDefinition(column: Pick<ColumnDefinition, 'name' | 'type' | 'length'>): string {
  const collation = column.type === 'string' ? ` COLLATE ${binaryCollation}` : '';
  return `${quoteName(column.name)} ${synapseType(column)}${collation} NULL`;
}

/** Bracket-quoted T-SQL identifier. */
export function quoteName(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** A Unicode string literal. Only for names and URLs the pipeline makes, never for row values. */
export function quoteString(value: string): string {
  return `N'${value.replace(/'/g, "''")}'`;
}
