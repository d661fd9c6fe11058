import { PipelineError, PipelineErrorContext } from '../../errors/pipelineError';

/** Stable codes for the Synapse warehouse, searchable in logs; docs/synapse.md says what to do about each. */
export const SynapseErrorCodes = {
  /** A statement failed with an error retrying cannot fix (constraint, syntax, permission, conversion). */
  statementFailed: 'DSCRO-SYN-001',
  /** A transient error (throttling, failover, dropped connection) outlasted every retry. */
  retriesExhausted: 'DSCRO-SYN-002',
  /** The processed file does not fit the table: a column missing from its header, or values that do not convert. */
  fileDoesNotFitTable: 'DSCRO-SYN-003',
  /** SYNAPSE_SERVER / SYNAPSE_DATABASE missing, or no Entra ID token for the database. */
  configuration: 'DSCRO-SYN-004',
} as const;

/**
 * What an operator needs of a failed statement: which kind of statement, on which table, and the SQL error
 * number. The server's message text is deliberately left out: for constraint and conversion errors it quotes the
 * offending values, which may be patient-level data.
 */
export interface SqlFailure {
  /** SQL Server error numbers found on the error (a batch can raise several). */
  numbers: number[];
  /** Driver or socket codes (ETIMEOUT, ESOCKET, ECONNRESET...). */
  codes: string[];
  transient: boolean;
}

export class SynapseStatementError extends PipelineError {
  public readonly statementKind: string;
  public readonly target: string;
  public readonly failure: SqlFailure;
  public readonly attempts: number;

  public constructor(statementKind: string, target: string, failure: SqlFailure, attempts: number, context: PipelineErrorContext = {}) {
    const code = failure.transient ? SynapseErrorCodes.retriesExhausted : SynapseErrorCodes.statementFailed;
    const reason = [failure.numbers.length ? `SQL error ${failure.numbers.join(', ')}` : '', failure.codes.join(', ')].filter(Boolean).join('; ') || 'unclassified error';
    const tail = failure.transient ? ` (transient; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})` : ' (not transient: not retried)';
    super(code, `${statementKind} on ${target} failed: ${reason}${tail}`, context, !failure.transient);
    this.name = 'SynapseStatementError';
    this.statementKind = statementKind;
    this.target = target;
    this.failure = failure;
    this.attempts = attempts;
  }
}
