import { createHash, randomBytes } from 'node:crypto';
import { access, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { LocalSecretStore } from './local-secret-store';

/**
 * Gives the local runtime a pseudonymisation key on first run: a random 32-byte key written to the secret's file
 * only when none is there, readable by the owner alone. Nothing ships a key; the caller reports `created` so the
 * operator knows a new key (and so new pseudonyms) came into being.
 */
export async function ensureLocalPseudonymisationKey(folder: string, secretName: string): Promise<{ created: boolean; version: string }> {
  const file = LocalSecretStore.fileOf(folder, secretName);
  if (!(await exists(file))) {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    const version = createHash('sha256').update(key).digest('hex').slice(0, 12);
    const staging = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(staging, `${JSON.stringify({ value: key.toString('base64'), version }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      // link() publishes the complete file atomically and refuses to replace one that appeared meanwhile, so two
      // processes starting together cannot each keep a different key.
      await link(staging, file);
      return { created: true, version };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(staging, { force: true });
    }
  }
  const existing = await new LocalSecretStore(folder).getSecret(secretName);
  return { created: false, version: existing.version };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
