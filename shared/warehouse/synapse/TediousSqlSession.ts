import type { TokenCredential } from '@azure/identity';
import { Connection, ConnectionConfiguration, Request, TYPES } from 'tedious';
import { PipelineError } from '../../errors/pipelineError';
import { SqlRow } from '../warehouse.port';
import { SynapseErrorCodes } from './errors';
import { SqlParameterType, SqlSession, SqlStatement, TypedParameter } from './sql-session.port';

/** The Entra ID resource every Azure SQL and Synapse SQL endpoint accepts tokens for. */
export const sqlTokenScope = 'https://database.windows.net/.default';

export interface TediousSessionOptions {
  /** e.g. `<workspace>.sql.azuresynapse.net` (dedicated pool endpoint). */
  server: string;
  database: string;
  credential: TokenCredential;
  /** Matches the Functions host's Service Bus concurrency (host.json maxConcurrentCalls). */
  maxConnections?: number;
  requestTimeoutMs?: number;
  chunkRows?: number;
}

/**
 * A COPY or MERGE of a large extract runs for minutes; tedious's default request timeout (15 s) would cancel it.
 * Nine minutes keeps a stuck statement from outliving the Functions timeout (10 min, host.json).
 */
const defaultRequestTimeoutMs = 9 * 60_000;
const defaultMaxConnections = 4;
const defaultChunkRows = 5_000;
/**
 * A connection keeps the token it logged in with; recycling idle connections well inside a token's lifetime (about
 * an hour) means a new login, with a fresh token, happens before the old one could be refused.
 */
const maxConnectionAgeMs = 45 * 60_000;

interface PooledConnection {
  connection: Connection;
  createdAt: number;
  broken: boolean;
}

const parameterTypes = {
  NVarChar: TYPES.NVarChar,
  Int: TYPES.Int,
  BigInt: TYPES.BigInt,
  Decimal: TYPES.Decimal,
  Float: TYPES.Float,
  Bit: TYPES.Bit,
} satisfies Record<SqlParameterType, unknown>;

/**
 * SqlSession over tedious, signed in with an Entra ID access token from the Function App's managed identity
 * (DefaultAzureCredential): no password or connection string anywhere. A few connections are pooled, each used by
 * one request at a time, since tedious runs one request per connection.
 */
export class TediousSqlSession implements SqlSession {
  private readonly idle: PooledConnection[] = [];
  private readonly waiting: ((handed: PooledConnection | undefined) => void)[] = [];
  private opened = 0;
  private closed = false;

  public constructor(private readonly options: TediousSessionOptions) {}

  public async execute(sql: string, parameters: TypedParameter[] = []): Promise<SqlRow[]> {
    return this.withConnection(async (pooled) => {
      const rows: SqlRow[] = [];
      await this.request(pooled, sql, parameters, (row) => {
        rows.push(row);
      });
      return rows;
    });
  }

  public async executeStreaming(sql: string, parameters: TypedParameter[], onChunk: (rows: SqlRow[]) => void | Promise<void>): Promise<void> {
    const chunkRows = this.options.chunkRows ?? defaultChunkRows;
    await this.withConnection(async (pooled) => {
      let buffer: SqlRow[] = [];
      let pending: Promise<void> = Promise.resolve();
      let consumerFailure: unknown;
      let requestFailure: unknown;
      try {
        await this.request(pooled, sql, parameters, (row, request) => {
          buffer.push(row);
          if (buffer.length < chunkRows) return;
          const chunk = buffer;
          buffer = [];
          // Back-pressure: no more rows are read off the socket until the consumer has dealt with this chunk.
          request.pause();
          pending = pending
            .then(() => onChunk(chunk))
            .then(
              () => request.resume(),
              (error: unknown) => {
                consumerFailure = error;
                pooled.broken = true;
                pooled.connection.cancel();
                request.resume();
              },
            );
        });
      } catch (error) {
        requestFailure = error;
      }
      await pending;
      if (consumerFailure !== undefined) throw consumerFailure;
      if (requestFailure !== undefined) throw requestFailure;
      if (buffer.length > 0) await onChunk(buffer);
    });
  }

  public async executeInTransaction(statements: SqlStatement[]): Promise<void> {
    const batch = transactionBatch(statements);
    await this.execute(batch.sql, batch.parameters);
  }

  public async close(): Promise<void> {
    this.closed = true;
    for (const pooled of this.idle.splice(0)) this.destroy(pooled);
    for (const waiter of this.waiting.splice(0)) waiter(undefined);
  }

  private async withConnection<T>(work: (pooled: PooledConnection) => Promise<T>): Promise<T> {
    const pooled = await this.acquire();
    try {
      return await work(pooled);
    } finally {
      this.release(pooled);
    }
  }

  private async acquire(): Promise<PooledConnection> {
    for (;;) {
      if (this.closed) throw new Error('the Synapse session is closed');
      while (this.idle.length > 0) {
        const pooled = this.idle.pop()!;
        if (!pooled.broken && Date.now() - pooled.createdAt < maxConnectionAgeMs) return pooled;
        this.destroy(pooled);
      }
      if (this.opened < (this.options.maxConnections ?? defaultMaxConnections)) {
        this.opened += 1;
        try {
          return await this.connect();
        } catch (error) {
          this.opened -= 1;
          this.waiting.shift()?.(undefined);
          throw error;
        }
      }
      const handed = await new Promise<PooledConnection | undefined>((resolve) => this.waiting.push(resolve));
      if (handed) return handed;
    }
  }

  private release(pooled: PooledConnection): void {
    if (pooled.broken || this.closed) {
      this.destroy(pooled);
      this.waiting.shift()?.(undefined);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(pooled);
    else this.idle.push(pooled);
  }

  private destroy(pooled: PooledConnection): void {
    pooled.broken = true;
    this.opened = Math.max(0, this.opened - 1);
    pooled.connection.close();
  }

  private async connect(): Promise<PooledConnection> {
    const token = await this.options.credential.getToken(sqlTokenScope);
    if (!token) {
      throw new PipelineError(SynapseErrorCodes.configuration, `no Entra ID token for ${sqlTokenScope}: the identity cannot sign in to ${this.options.server}`, {}, true);
    }
    const connection = new Connection(connectionConfiguration(this.options, token.token));
    const pooled: PooledConnection = { connection, createdAt: Date.now(), broken: false };
    connection.on('error', () => {
      pooled.broken = true;
    });
    connection.on('end', () => {
      pooled.broken = true;
    });
    try {
      await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      connection.close();
      throw error;
    }
    return pooled;
  }

  private request(pooled: PooledConnection, sql: string, parameters: TypedParameter[], onRow: (row: SqlRow, request: Request) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const request = new Request(sql, (error) => {
        if (!error) return resolve();
        // A server error (EREQUEST) leaves the connection usable; a timeout, cancel or socket error does not.
        if ((error as { code?: string }).code !== 'EREQUEST') pooled.broken = true;
        reject(error);
      });
      for (const parameter of parameters) {
        const options = parameter.type === 'Decimal' ? { precision: parameter.precision, scale: parameter.scale } : undefined;
        request.addParameter(parameter.name, parameterTypes[parameter.type], parameter.value, options);
      }
      request.on('row', (columns: { metadata: { colName: string; type: { name: string } }; value: unknown }[]) => {
        const row: SqlRow = {};
        for (const column of columns) row[column.metadata.colName] = normaliseSqlValue(column.value, column.metadata.type.name);
        onRow(row, request);
      });
      // Without parameters a plain batch is sent, so DDL such as CREATE VIEW runs as its own batch.
      if (parameters.length > 0) pooled.connection.execSql(request);
      else pooled.connection.execSqlBatch(request);
    });
  }
}

export function connectionConfiguration(options: Pick<TediousSessionOptions, 'server' | 'database' | 'requestTimeoutMs'>, token: string): ConnectionConfiguration {
  return {
    server: options.server,
    authentication: { type: 'azure-active-directory-access-token', options: { token } },
    options: {
      database: options.database,
      encrypt: true,
      trustServerCertificate: false,
      port: 1433,
      connectTimeout: 30_000,
      requestTimeout: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
      // The portable SQL stages write quotes identifiers with double quotes ("dw"."fact_activity").
      enableQuotedIdentifier: true,
      rowCollectionOnRequestCompletion: false,
      useColumnNames: false,
      appName: 'dscro-flows',
    },
  };
}

/**
 * Runs statements as one transaction in a single batch of plain T-SQL. Synapse dedicated pools support
 * BEGIN/COMMIT/ROLLBACK TRANSACTION but not savepoints, named or nested transactions; and drivers that drive
 * transactions through TDS transaction-manager requests have met "111214: No corresponding transaction found"
 * there. One batch also means no connection is held between statements, and a lost connection rolls it back.
 * The CATCH block rethrows the original error, so its number still tells transient from permanent.
 */
export function transactionBatch(statements: SqlStatement[]): { sql: string; parameters: TypedParameter[] } {
  const parameters = new Map<string, TypedParameter>();
  for (const statement of statements) {
    for (const parameter of statement.parameters ?? []) {
      const bound = parameters.get(parameter.name);
      if (bound && (bound.type !== parameter.type || bound.value !== parameter.value)) {
        throw new Error(`parameter @${parameter.name} is bound twice in one transaction with different values`);
      }
      parameters.set(parameter.name, parameter);
    }
  }
  const body = statements.map((statement) => {
    const sql = statement.sql.trim();
    return sql.endsWith(';') ? sql : `${sql};`;
  });
  return {
    sql: ['BEGIN TRY', 'BEGIN TRANSACTION;', ...body, 'COMMIT TRANSACTION;', 'END TRY', 'BEGIN CATCH', 'IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;', 'THROW;', 'END CATCH;'].join('\n'),
    parameters: [...parameters.values()],
  };
}

/**
 * Values as the embedded warehouse returns them, so stages read both alike: BIGINT (which tedious returns as a
 * string) as a number, DATE as `YYYY-MM-DD`, other date-times as ISO strings; BIT stays boolean.
 */
export function normaliseSqlValue(value: unknown, typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && (typeName === 'BigInt' || typeName === 'IntN')) return Number(value);
  if (value instanceof Date) return typeName === 'Date' || typeName === 'DateN' ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}
