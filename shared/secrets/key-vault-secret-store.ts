import { KeyVaultSecret, SecretClient } from '@azure/keyvault-secrets';
import type { TokenCredential } from '@azure/identity';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { SecretStore, SecretValue } from './secret-store.port';

/** The part of `SecretClient` this adapter uses, so tests can answer the way Key Vault does. */
export interface SecretReader {
  getSecret(name: string): Promise<KeyVaultSecret>;
}

/**
 * Reads pseudonymisation keys from Key Vault with the function's managed identity.
 * Throttling and transient faults are retried by the SDK's own pipeline policy; what still fails is rethrown so the
 * message is redelivered. Only a secret that is not there (or not usable) fails closed, as a permanent error.
 */
export class KeyVaultSecretStore implements SecretStore {
  public constructor(private readonly client: SecretReader) {}

  public static fromVaultUrl(vaultUrl: string, credential: TokenCredential): KeyVaultSecretStore {
    return new KeyVaultSecretStore(new SecretClient(vaultUrl, credential));
  }

  public async getSecret(name: string): Promise<SecretValue> {
    let secret: KeyVaultSecret;
    try {
      secret = await this.client.getSecret(name);
    } catch (error) {
      if (isNotFound(error) || isDisabled(error)) throw missing(name);
      throw error;
    }
    const { value } = secret;
    const { enabled, version } = secret.properties;
    if (enabled === false || value === undefined || value === '') throw missing(name);
    // The version is written beside every output the key protects; without it a rotation could not be traced.
    if (!version) {
      throw new PipelineError(ErrorCodes.missingKey, `Key Vault secret '${name}' came back without a version; no data is processed without a traceable key`, {}, true);
    }
    return { value, version };
  }
}

function missing(name: string): PipelineError {
  return new PipelineError(
    ErrorCodes.missingKey,
    `Key Vault secret '${name}' is missing; no data is processed without the product's pseudonymisation key`,
    {},
    true,
  );
}

interface RestErrorShape {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: { error?: { innerError?: { code?: string } } };
}

/** The SDK throws a RestError; duck-typed because several copies of core-rest-pipeline may be installed. */
function isNotFound(error: unknown): boolean {
  const rest = error as RestErrorShape | undefined;
  return rest?.statusCode === 404 || rest?.code === 'SecretNotFound';
}

/** Key Vault answers a get on a disabled secret with 403 Forbidden and inner code SecretDisabled. */
function isDisabled(error: unknown): boolean {
  const rest = error as RestErrorShape | undefined;
  if (rest?.statusCode !== 403) return false;
  return rest.details?.error?.innerError?.code === 'SecretDisabled' || /disabled secret/i.test(rest.message ?? '');
}
