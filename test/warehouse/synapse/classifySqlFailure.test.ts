import { classifySqlFailure } from '../../../shared/warehouse/synapse/classifySqlFailure';
import { driverError, sqlServerError } from './synapseTestSupport';

describe('classifySqlFailure', () => {
  it.each([40613, 40501, 40197, 49918, 49919, 49920, 10928, 10929, 4221, 40143, 233, 10053, 10054, 10060, 64])('treats SQL error %i as transient', (number) => {
    // Prepare / Act
    const failure = classifySqlFailure(sqlServerError(number));

    // Assess
    expect(failure).toEqual({ numbers: [number], codes: [], transient: true });
  });

  it.each(['ETIMEOUT', 'ESOCKET', 'ECONNRESET', 'ECLOSE'])('treats driver code %s as transient', (code) => {
    // Prepare / Act / Assess
    expect(classifySqlFailure(driverError(code)).transient).toBe(true);
  });

  it('finds a connection reset in the cause of a driver error', () => {
    // Prepare
    const error = Object.assign(new Error('Connection lost'), { code: 'EUNKNOWN', cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

    // Act / Assess
    expect(classifySqlFailure(error).transient).toBe(true);
  });

  it.each([2627, 2601, 547, 102, 156, 207, 208])('never retries SQL error %i', (number) => {
    // Prepare / Act / Assess
    expect(classifySqlFailure(sqlServerError(number)).transient).toBe(false);
  });

  it('does not retry a batch whose errors include a constraint violation, even beside a transient one', () => {
    // Prepare
    const error = new AggregateError([sqlServerError(2627), sqlServerError(40613)]);

    // Act
    const failure = classifySqlFailure(error);

    // Assess
    expect(failure.numbers).toEqual([2627, 40613]);
    expect(failure.transient).toBe(false);
  });

  it('retries a batch whose errors include a transient one and nothing permanent (a failover mid-transaction)', () => {
    // Prepare: 40613 then Synapse's "the current transaction has aborted"
    const error = new AggregateError([sqlServerError(40613), sqlServerError(111233)]);

    // Act / Assess
    expect(classifySqlFailure(error).transient).toBe(true);
  });

  it('trusts the driver when it marks a login error transient', () => {
    // Prepare
    const error = Object.assign(new Error('Login failed'), { code: 'ELOGIN', isTransient: true });

    // Act / Assess
    expect(classifySqlFailure(error).transient).toBe(true);
  });

  it('treats an unknown error as permanent', () => {
    // Prepare / Act / Assess
    expect(classifySqlFailure(new Error('something else'))).toEqual({ numbers: [], codes: [], transient: false });
  });
});
