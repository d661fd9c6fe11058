import { SqlRow } from '../warehouse.port';
import { SqlSession, SqlStatement, TypedParameter } from './sql-session.port';
import { statementKind } from './statementKind';

export interface RecordedStatement {
  kind: string;
  sql: string;
  parameters: TypedParameter[];
  inTransaction: boolean;
}

type Matcher = RegExp | ((sql: string) => boolean);

interface Scripted {
  matches: Matcher;
  rows?: (sql: string, parameters: TypedParameter[]) => SqlRow[];
  error?: () => unknown;
  /** How many more times the failure fires; responses stay for good. */
  remaining: number;
}

/**
 * A SqlSession that runs nothing: it records every statement in order (a transaction as BEGIN TRANSACTION, its
 * statements, then COMMIT or ROLLBACK) and answers from a script, so the Synapse warehouse is tested at its SQL
 * boundary without a server.
 */
export class RecordingSqlSession implements SqlSession {
  public readonly statements: RecordedStatement[] = [];
  public closed = false;
  private readonly script: Scripted[] = [];

  /** Rows returned by every statement the matcher accepts (the latest matching response wins). */
  public respond(matches: Matcher, rows: SqlRow[] | ((sql: string, parameters: TypedParameter[]) => SqlRow[])): this {
    this.script.unshift({ matches, rows: typeof rows === 'function' ? rows : () => rows, remaining: Infinity });
    return this;
  }

  /** The next `times` statements the matcher accepts throw `error()`. */
  public fail(matches: Matcher, error: () => unknown, times = 1): this {
    this.script.unshift({ matches, error, remaining: times });
    return this;
  }

  public kinds(): string[] {
    return this.statements.map((statement) => statement.kind);
  }

  public reset(): void {
    this.statements.length = 0;
  }

  public async execute(sql: string, parameters: TypedParameter[] = []): Promise<SqlRow[]> {
    return this.run(sql, parameters, false);
  }

  public async executeStreaming(sql: string, parameters: TypedParameter[], onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void> {
    const rows = this.run(sql, parameters, false);
    const chunkSize = 2;
    for (let start = 0; start < rows.length; start += chunkSize) await onChunk(rows.slice(start, start + chunkSize));
  }

  public async executeInTransaction(statements: SqlStatement[]): Promise<void> {
    this.record('BEGIN TRANSACTION', [], true);
    try {
      for (const statement of statements) this.run(statement.sql, statement.parameters ?? [], true);
    } catch (error) {
      this.record('ROLLBACK', [], true);
      throw error;
    }
    this.record('COMMIT', [], true);
  }

  public async close(): Promise<void> {
    this.closed = true;
  }

  private run(sql: string, parameters: TypedParameter[], inTransaction: boolean): SqlRow[] {
    this.record(sql, parameters, inTransaction);
    // A scripted failure that still has times left comes before any response, whatever order they were given in.
    const failure = this.script.find((entry) => entry.error && entry.remaining > 0 && matchesSql(entry.matches, sql));
    if (failure) {
      failure.remaining -= 1;
      throw failure.error!();
    }
    const response = this.script.find((entry) => entry.rows && matchesSql(entry.matches, sql));
    return response ? response.rows!(sql, parameters).map((row) => ({ ...row })) : [];
  }

  private record(sql: string, parameters: TypedParameter[], inTransaction: boolean): void {
    this.statements.push({ kind: statementKind(sql), sql, parameters, inTransaction });
  }
}

function matchesSql(matcher: Matcher, sql: string): boolean {
  return typeof matcher === 'function' ? matcher(sql) : matcher.test(sql);
}
