import { SqlRow } from '../warehouse.port';

/**
 * SQL parameter types the Synapse warehouse binds. Kept apart from the driver's own type objects so the warehouse
 * and its tests never import the driver; the tedious adapter maps each to its TYPES entry.
 */
export type SqlParameterType = 'NVarChar' | 'Int' | 'BigInt' | 'Decimal' | 'Float' | 'Bit';

export interface TypedParameter {
  /** Without the leading `@`. */
  name: string;
  type: SqlParameterType;
  value: string | number | boolean | null;
  /** Decimal only. */
  precision?: number;
  scale?: number;
}

export interface SqlStatement {
  sql: string;
  parameters?: TypedParameter[];
}

/**
 * A session with a T-SQL database, as small as the warehouse needs. One call is one batch on the server; a
 * transaction is one batch too, so nothing depends on holding a connection between calls.
 */
export interface SqlSession {
  /** Runs one batch and returns the rows of its result sets. */
  execute(sql: string, parameters?: TypedParameter[]): Promise<SqlRow[]>;
  /** Runs one query and hands its rows over in chunks; the next chunk waits until `onChunk` has settled. */
  executeStreaming(sql: string, parameters: TypedParameter[], onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void>;
  /** Runs the statements in one transaction: every one commits, or none does. */
  executeInTransaction(statements: SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}
