import { SqlFailure } from './errors';

/**
 * SQL error numbers Azure SQL and Synapse document as transient (throttling, failover, resource limits, a paused or
 * warming pool, dropped sessions), plus deadlock victim 1205, which the Microsoft SqlClient retry logic also treats
 * as transient. Source: "Troubleshoot transient connection errors" (Azure SQL) and SqlClient's default
 * transient-error list.
 */
export const transientSqlErrorNumbers: ReadonlySet<number> = new Set([
  64, 233, 1205, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920,
]);

/**
 * Errors that are never retried even when a transient one comes with them: constraint violations (2627, 2601,
 * 547) and syntax or name errors (102, 156, 207, 208) mean the statement or the data is wrong, and running it
 * again gives the same answer.
 */
export const permanentSqlErrorNumbers: ReadonlySet<number> = new Set([2627, 2601, 547, 102, 156, 207, 208]);

/** Socket and driver codes of a connection that broke or timed out: the batch may simply be re-run. */
export const transientErrorCodes: ReadonlySet<string> = new Set(['ETIMEOUT', 'ESOCKET', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ECLOSE', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * Reads what went wrong from anything a driver throws: tedious RequestError (`number`), ConnectionError (`code`,
 * `isTransient`), an AggregateError of several (a batch that raised more than one error), and causes.
 */
export function classifySqlFailure(thrown: unknown): SqlFailure {
  const numbers = new Set<number>();
  const codes = new Set<string>();
  let driverSaysTransient = false;
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const candidate = value as { number?: unknown; code?: unknown; isTransient?: unknown; errors?: unknown; cause?: unknown };
    if (typeof candidate.number === 'number') numbers.add(candidate.number);
    if (typeof candidate.code === 'string' && candidate.code !== 'EREQUEST') codes.add(candidate.code);
    if (candidate.isTransient === true) driverSaysTransient = true;
    if (Array.isArray(candidate.errors)) candidate.errors.forEach(visit);
    visit(candidate.cause);
  };
  visit(thrown);
  const numberList = [...numbers];
  const codeList = [...codes];
  const permanent = numberList.some((number) => permanentSqlErrorNumbers.has(number));
  const transient =
    !permanent && (driverSaysTransient || numberList.some((number) => transientSqlErrorNumbers.has(number)) || codeList.some((code) => transientErrorCodes.has(code)));
  return { numbers: numberList, codes: codeList, transient };
}
