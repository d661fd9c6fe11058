import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { SecretStore, SecretValue } from './secret-store.port';

/** Key Vault's own naming rule; holding local names to it keeps them portable and keeps paths inside the folder. */
const secretNamePattern = /^[0-9A-Za-z-]{1,127}$/;

/**
 * Secrets for the local runtime: secret `name` is the file `<folder>/<name>.json` holding `{ value, version }`.
 * Fails closed like Key Vault: no file, no key, no processing.
 */
export class LocalSecretStore implements SecretStore {
  public constructor(private readonly folder: string) {}

  /** Where secret `name` lives; shared with the first-run key generator so both agree on the layout. */
  public static fileOf(folder: string, name: string): string {
    if (!secretNamePattern.test(name)) {
      throw new PipelineError(ErrorCodes.missingKey, `secret name '${name}' is not a valid Key Vault secret name (letters, digits and hyphens)`, {}, true);
    }
    return path.join(folder, `${name}.json`);
  }

  public async getSecret(name: string): Promise<SecretValue> {
    const file = LocalSecretStore.fileOf(this.folder, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw this.unusable(name, 'is missing');
      }
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.unusable(name, 'is not valid JSON');
    }
    const { value, version } = (parsed ?? {}) as Partial<Record<'value' | 'version', unknown>>;
    if (typeof value !== 'string' || value === '') throw this.unusable(name, 'has no value');
    if (typeof version !== 'string' || version === '') throw this.unusable(name, 'has no version');
    return { value, version };
  }

  private unusable(name: string, problem: string): PipelineError {
    return new PipelineError(
      ErrorCodes.missingKey,
      `local secret '${name}' ${problem} in ${this.folder}; no data is processed without the product's pseudonymisation key`,
      {},
      true,
    );
  }
}
