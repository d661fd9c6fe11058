import { ColumnDefinition, ColumnType } from '../definitions/definitionTypes';

const duckdbTypes: Record<ColumnType, string> = {
  string: 'VARCHAR',
  date: 'DATE',
  integer: 'BIGINT',
  decimal: 'DECIMAL(18,4)',
  boolean: 'BOOLEAN',
};

export function duckdbType(column: ColumnDefinition): string {
  return duckdbTypes[column.type];
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
