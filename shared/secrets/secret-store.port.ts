/** A secret value and the version it came from; the version is recorded with every output it protects. */
export interface SecretValue {
  value: string;
  version: string;
}

/** Reads secrets. Implementations fail closed: a missing secret throws, it never falls back to a default. */
export interface SecretStore {
  getSecret(name: string): Promise<SecretValue>;
}
