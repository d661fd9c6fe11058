import type { TokenCredential } from '@azure/identity';
import { TediousSqlSession, connectionConfiguration, normaliseSqlValue, sqlTokenScope, transactionBatch } from '../../../shared/warehouse/synapse/TediousSqlSession';

describe('TediousSqlSession', () => {
  it('signs in with an Entra ID access token over an encrypted connection, with no password anywhere', () => {
    // Prepare / Act
    const configuration = connectionConfiguration({ server: 'syn-dscro.sql.azuresynapse.net', database: 'dscro' }, 'token-from-managed-identity');

    // Assess
    expect(configuration.server).toBe('syn-dscro.sql.azuresynapse.net');
    expect(configuration.authentication).toEqual({ type: 'azure-active-directory-access-token', options: { token: 'token-from-managed-identity' } });
    expect(configuration.options).toEqual(expect.objectContaining({ database: 'dscro', encrypt: true, trustServerCertificate: false, enableQuotedIdentifier: true }));
    expect(JSON.stringify(configuration)).not.toMatch(/password/i);
  });

  it('asks the credential for a token for the Azure SQL resource, and stops with a configuration error when there is none', async () => {
    // Prepare
    const scopes: (string | string[])[] = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(scope);
        return null;
      },
    };
    const session = new TediousSqlSession({ server: 'syn-dscro.sql.azuresynapse.net', database: 'dscro', credential });

    // Act / Assess
    await expect(session.execute('SELECT 1')).rejects.toThrow(/^DSCRO-SYN-004: no Entra ID token for https:\/\/database\.windows\.net\/\.default/);
    expect(scopes).toEqual([sqlTokenScope]);
    expect(sqlTokenScope).toBe('https://database.windows.net/.default');
    await session.close();
  });

  it('runs a transaction as one batch that commits every statement or rethrows the original error after rolling back', () => {
    // Prepare
    const statements = [
      { sql: 'MERGE INTO [dw].[t] AS t USING [stg].[s] AS s ON (t.k = s.k) WHEN NOT MATCHED BY TARGET THEN INSERT (k) VALUES (s.k);' },
      { sql: 'INSERT INTO [dw].[load_batches] ([load_batch]) VALUES (@load_batch)', parameters: [{ name: 'load_batch', type: 'NVarChar' as const, value: 'b1' }] },
      { sql: 'SELECT @load_batch', parameters: [{ name: 'load_batch', type: 'NVarChar' as const, value: 'b1' }] },
    ];

    // Act
    const batch = transactionBatch(statements);

    // Assess
    expect(batch.sql.split('\n')).toEqual([
      'BEGIN TRY',
      'BEGIN TRANSACTION;',
      statements[0].sql,
      'INSERT INTO [dw].[load_batches] ([load_batch]) VALUES (@load_batch);',
      'SELECT @load_batch;',
      'COMMIT TRANSACTION;',
      'END TRY',
      'BEGIN CATCH',
      'IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;',
      'THROW;',
      'END CATCH;',
    ]);
    expect(batch.parameters).toEqual([{ name: 'load_batch', type: 'NVarChar', value: 'b1' }]);
  });

  it('refuses one parameter name bound to two values in the same transaction', () => {
    // Prepare
    const statements = [
      { sql: 'SELECT @p', parameters: [{ name: 'p', type: 'Int' as const, value: 1 }] },
      { sql: 'SELECT @p', parameters: [{ name: 'p', type: 'Int' as const, value: 2 }] },
    ];

    // Act / Assess
    expect(() => transactionBatch(statements)).toThrow('parameter @p is bound twice in one transaction with different values');
  });

  it.each([
    ['BIGINT (a string from tedious) as a number', '42', 'BigInt', 42],
    ['a nullable BIGINT as a number', '7', 'IntN', 7],
    ['DATE as YYYY-MM-DD', new Date(Date.UTC(2024, 3, 1)), 'Date', '2024-04-01'],
    ['DATETIME2 as an ISO timestamp', new Date(Date.UTC(2024, 3, 1, 12, 30)), 'DateTime2', '2024-04-01T12:30:00.000Z'],
    ['BIT as a boolean', true, 'Bit', true],
    ['DECIMAL as it comes', 12.5, 'DecimalN', 12.5],
    ['NULL as null', null, 'NVarChar', null],
  ])('returns %s, as the embedded warehouse does', (_what, value, typeName, expected) => {
    // Prepare / Act / Assess
    expect(normaliseSqlValue(value, typeName as string)).toEqual(expected);
  });
});
