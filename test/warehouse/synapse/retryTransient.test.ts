import { SynapseStatementError } from '../../../shared/warehouse/synapse/errors';
import { retryTransient } from '../../../shared/warehouse/synapse/retryTransient';
import { recordingRetryPolicy } from './synapseTestSupport';

const transient = () => new SynapseStatementError('MERGE', '[dw].[fact_activity]', { numbers: [40613], codes: [], transient: true }, 1);
const permanent = () => new SynapseStatementError('MERGE', '[dw].[fact_activity]', { numbers: [2627], codes: [], transient: false }, 1);

describe('retryTransient', () => {
  it('backs off exponentially with jitter, capped, then gives up after the last attempt', async () => {
    // Prepare
    const policy = { ...recordingRetryPolicy(7), random: () => 0 };
    let attempts = 0;

    // Act
    const failure = await retryTransient(async () => {
      attempts += 1;
      throw transient();
    }, policy).catch((error: unknown) => error);

    // Assess
    expect(attempts).toBe(7);
    expect(policy.waits).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect((failure as SynapseStatementError).attempts).toBe(7);
    expect((failure as Error).message).toContain('gave up after 7 attempts');
  });

  it('spreads retries by up to half the delay again', async () => {
    // Prepare
    const policy = { ...recordingRetryPolicy(2), random: () => 0.999 };

    // Act
    await retryTransient(async () => {
      throw transient();
    }, policy).catch(() => undefined);

    // Assess
    expect(policy.waits[0]).toBeGreaterThan(7_400);
    expect(policy.waits[0]).toBeLessThanOrEqual(7_500);
  });

  it('returns the first success', async () => {
    // Prepare
    const policy = recordingRetryPolicy();
    let attempts = 0;

    // Act
    const result = await retryTransient(async (attempt) => {
      attempts = attempt;
      if (attempt < 3) throw transient();
      return 'loaded';
    }, policy);

    // Assess
    expect(result).toBe('loaded');
    expect(attempts).toBe(3);
    expect(policy.waits).toHaveLength(2);
  });

  it('rethrows a permanent error at once, and anything that is not a statement error', async () => {
    // Prepare
    const policy = recordingRetryPolicy();

    // Act / Assess
    await expect(retryTransient(async () => Promise.reject(permanent()), policy)).rejects.toThrow(/DSCRO-SYN-001/);
    await expect(retryTransient(async () => Promise.reject(new TypeError('bug')), policy)).rejects.toThrow('bug');
    expect(policy.waits).toEqual([]);
  });
});
