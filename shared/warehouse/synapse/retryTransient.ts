import { SynapseStatementError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; it doubles on each further one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1): spreads retries so instances throttled together do not return together. */
  random: () => number;
}

/**
 * Azure SQL's guidance for transient errors: wait at least 5 seconds before the first retry, back off
 * exponentially, and keep each wait to a minute or so. Six attempts wait between 2¼ and 3½ minutes in all,
 * inside the Functions timeout, so a failover (typically under a minute) is ridden out.
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  firstDelayMs: 5_000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `work` again while it fails with a transient Synapse error. Tedious retries a few transient errors only
 * while logging in (`maxRetriesOnTransientErrors`); once connected, a statement that meets throttling, a failover
 * or a dropped socket fails straight back to the caller, so the warehouse retries here. `work` is a whole unit
 * (a load from COPY to COMMIT, a query) that is safe to run again from the start. `canRetry` lets a caller refuse
 * once it has handed rows on (a stream cannot be re-run without giving the same rows twice).
 */
export async function retryTransient<T>(
  work: (attempt: number) => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
  canRetry: () => boolean = () => true,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      const transient = error instanceof SynapseStatementError && error.failure.transient;
      if (!transient || attempt >= policy.maxAttempts || !canRetry()) {
        if (transient && error instanceof SynapseStatementError && error.attempts !== attempt) {
          throw new SynapseStatementError(error.statementKind, error.target, error.failure, attempt, error.context);
        }
        throw error;
      }
      const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
      await policy.sleep(Math.round(backoff * (1 + policy.random() / 2)));
    }
  }
}
