import { KeyVaultSecret } from '@azure/keyvault-secrets';
import { ErrorCodes } from '../../shared/errors/errorCodes';
import { PipelineError } from '../../shared/errors/pipelineError';
import { KeyVaultSecretStore, SecretReader } from '../../shared/secrets/key-vault-secret-store';

/** Answers getSecret the way Key Vault does, and records the names asked for. */
class FakeVault implements SecretReader {
  public readonly asked: string[] = [];

  public constructor(private readonly answer: (name: string) => KeyVaultSecret) {}

  public async getSecret(name: string): Promise<KeyVaultSecret> {
    this.asked.push(name);
    return this.answer(name);
  }
}

function secret(name: string, value: string | undefined, properties: { version?: string; enabled?: boolean } = {}): KeyVaultSecret {
  return {
    name,
    value,
    properties: { vaultUrl: 'https://kv-dscro.vault.azure.net', name, version: 'abc123', enabled: true, ...properties },
  };
}

/** What the SDK throws: a RestError carrying Key Vault's status and error code. */
function restError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RestError', statusCode, code });
}

async function failureOf(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('KeyVaultSecretStore', () => {
  it('returns the value and the version Key Vault reports', async () => {
    // Prepare
    const vault = new FakeVault((name) => secret(name, 'c2VjcmV0LWtleQ==', { version: '9f8e7d' }));
    const store = new KeyVaultSecretStore(vault);

    // Act
    const found = await store.getSecret('pseudo-key-careflow-insights');

    // Assess
    expect(found).toEqual({ value: 'c2VjcmV0LWtleQ==', version: '9f8e7d' });
    expect(vault.asked).toEqual(['pseudo-key-careflow-insights']);
  });

  it('fails closed with a permanent missing-key error when Key Vault answers 404 SecretNotFound', async () => {
    // Prepare
    const vault = new FakeVault((name) => {
      throw restError(404, 'SecretNotFound', `A secret with (name/id) ${name} was not found in this key vault.`);
    });
    const store = new KeyVaultSecretStore(vault);

    // Act
    const error = await failureOf(store.getSecret('pseudo-key-community-360'));

    // Assess
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
    expect((error as Error).message).toBe(
      "DSCRO-KEY-001: Key Vault secret 'pseudo-key-community-360' is missing; no data is processed without the product's pseudonymisation key",
    );
    expect(vault.asked).toEqual(['pseudo-key-community-360']);
  });

  it('fails closed when the secret is disabled (Key Vault answers 403 SecretDisabled)', async () => {
    // Prepare
    const vault = new FakeVault(() => {
      throw Object.assign(restError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.'), {
        details: { error: { code: 'Forbidden', innerError: { code: 'SecretDisabled' } } },
      });
    });
    const store = new KeyVaultSecretStore(vault);

    // Act
    const error = await failureOf(store.getSecret('pseudo-key-careflow-insights'));

    // Assess
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
  });

  it.each([
    ['disabled', secret('k', 'value', { enabled: false })],
    ['empty', secret('k', '')],
    ['valueless', secret('k', undefined)],
  ])('fails closed when the secret comes back %s', async (_case, answer) => {
    // Prepare
    const store = new KeyVaultSecretStore(new FakeVault(() => answer));

    // Act
    const error = await failureOf(store.getSecret('k'));

    // Assess
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
    expect((error as Error).message).toContain("Key Vault secret 'k' is missing");
  });

  it('refuses a secret without a version, since outputs must record which key protected them', async () => {
    // Prepare
    const store = new KeyVaultSecretStore(new FakeVault(() => secret('k', 'value', { version: undefined })));

    // Act
    const error = await failureOf(store.getSecret('k'));

    // Assess
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
  });

  it.each([
    ['a network fault', Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' })],
    ['a service outage', restError(503, 'ServiceUnavailable', 'The service is unavailable.')],
    ['an access denial', restError(403, 'Forbidden', 'The user, group or application does not have secrets get permission.')],
  ])('rethrows %s unchanged, once, so the message is redelivered', async (_case, thrown) => {
    // Prepare
    const vault = new FakeVault(() => {
      throw thrown;
    });
    const store = new KeyVaultSecretStore(vault);

    // Act
    const error = await failureOf(store.getSecret('k'));

    // Assess
    expect(error).toBe(thrown);
    expect(vault.asked).toHaveLength(1);
  });
});
